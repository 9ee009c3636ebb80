package vn.motcua.appliance.devices.printer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** ESC/POS commands and status answers as literal bytes. */
class EscPosTest {
    @Test
    void commandBytes() {
        assertArrayEquals(new byte[] {0x1B, 0x40}, EscPos.initialize());                   // ESC @
        assertArrayEquals(new byte[] {0x1B, 0x61, 0x01}, EscPos.align(1));                 // ESC a 1: centre
        assertArrayEquals(new byte[] {0x1D, 0x56, 0x42, 0x50}, EscPos.feedAndCut(false, 80)); // GS V 66 80: feed, partial cut
        assertArrayEquals(new byte[] {0x1D, 0x56, 0x41, 0x00}, EscPos.feedAndCut(true, 0));   // GS V 65 0: full cut
        assertArrayEquals(new byte[] {0x10, 0x04, 0x04}, EscPos.statusRequest(4));          // DLE EOT 4: paper sensor
        assertThrows(IllegalArgumentException.class, () -> EscPos.statusRequest(5));
        assertThrows(IllegalArgumentException.class, () -> EscPos.asciiLine("Số"));
    }

    @Test
    void rasterBandHeader() {
        byte[] rows = new byte[72 * 2];
        rows[0] = (byte) 0x80; // top-left dot black
        byte[] cmd = EscPos.rasterBand(rows, 72, 2);
        assertArrayEquals(new byte[] {
                0x1D, 0x76, 0x30, 0x00,  // GS v 0, m = 0 (normal)
                0x48, 0x00,              // xL xH = 72 bytes per row (576 dots)
                0x02, 0x00,              // yL yH = 2 rows
                (byte) 0x80}, java.util.Arrays.copyOf(cmd, 9));
        assertEquals(8 + 144, cmd.length);
    }

    @Test
    void nativeQrFunctions() {
        byte[] q = EscPos.nativeQr("AB", 6);
        assertArrayEquals(new byte[] {
                0x1D, 0x28, 0x6B, 4, 0, 0x31, 0x41, 0x32, 0,   // fn 165: model 2
                0x1D, 0x28, 0x6B, 3, 0, 0x31, 0x43, 6,         // fn 167: module 6 dots
                0x1D, 0x28, 0x6B, 3, 0, 0x31, 0x45, 0x31,      // fn 169: error level M
                0x1D, 0x28, 0x6B, 5, 0, 0x31, 0x50, 0x30, 'A', 'B', // fn 180: store 2 bytes
                0x1D, 0x28, 0x6B, 3, 0, 0x31, 0x51, 0x30}, q); // fn 181: print
    }

    @ParameterizedTest(name = "DLE EOT {0} answer 0x{1}")
    @CsvSource({
            "1, 12, ''",                              // online
            "1, 1A, OFFLINE",                         // bit 3
            "2, 12, ''",
            "2, 16, COVER_OPEN",                      // bit 2
            "2, 32, PAPER_END",                       // bit 5: stopped by paper end
            "2, 52, MECHANICAL_ERROR",                // bit 6
            "3, 12, ''",
            "3, 1A, MECHANICAL_ERROR",                // bit 3: autocutter
            "4, 12, ''",
            "4, 1E, PAPER_NEAR_END",                  // bits 2-3
            "4, 72, PAPER_END",                       // bits 5-6
            "4, 7E, PAPER_NEAR_END PAPER_END"})
    void statusAnswers(int n, String hex, String faults) {
        Set<PrinterFault> expected = EnumSet.noneOf(PrinterFault.class);
        for (String f : faults.split(" ")) {
            if (!f.isEmpty()) expected.add(PrinterFault.valueOf(f));
        }
        assertEquals(expected, RealTimeStatus.decode(n, Integer.parseInt(hex, 16)));
    }

    @Test
    void bytesWithoutTheFixedBitsAreNotStatus() {
        for (int b : new int[] {0x00, 0xFF, 0x13, 0x92, 0x02, 0x10, 'A'}) {
            assertEquals(false, RealTimeStatus.isStatusByte(b), Integer.toHexString(b));
            assertThrows(IllegalArgumentException.class, () -> RealTimeStatus.decode(1, b));
        }
    }

    @Test
    void healthFromFaults() {
        var t = java.time.Instant.EPOCH;
        assertEquals(PrinterStatus.Health.OK, PrinterStatus.observed(Set.of(), t, "").health());
        assertEquals(PrinterStatus.Health.WARNING, PrinterStatus.observed(Set.of(PrinterFault.PAPER_NEAR_END), t, "").health());
        assertEquals(PrinterStatus.Health.FAULT,
                PrinterStatus.observed(Set.of(PrinterFault.PAPER_NEAR_END, PrinterFault.PAPER_END), t, "").health());
    }
}
