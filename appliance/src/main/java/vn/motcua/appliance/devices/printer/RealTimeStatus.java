package vn.motcua.appliance.devices.printer;

import java.util.EnumSet;
import java.util.Set;

/**
 * Decodes the one-byte answers to DLE EOT 1..4 (pure). Every answer has bit 1 and bit 4 set and
 * bits 0 and 7 clear; a byte without that shape is not a status answer (line noise, a late byte
 * from a previous job) and is refused rather than guessed at.
 */
public final class RealTimeStatus {
    private RealTimeStatus() {}

    /** True if {@code b} has the fixed bits every DLE EOT answer carries. */
    public static boolean isStatusByte(int b) {
        return b >= 0 && b <= 0xFF && (b & 0x93) == 0x12;
    }

    /** Faults named by the answer to DLE EOT {@code n}; throws if the byte is not a status byte. */
    public static Set<PrinterFault> decode(int n, int b) {
        if (!isStatusByte(b)) {
            throw new IllegalArgumentException(String.format("not a status byte: 0x%02X", b));
        }
        Set<PrinterFault> f = EnumSet.noneOf(PrinterFault.class);
        switch (n) {
            case 1 -> { // printer status: bit 3 offline
                if ((b & 0x08) != 0) f.add(PrinterFault.OFFLINE);
            }
            case 2 -> { // offline cause: bit 2 cover open, bit 5 paper end stop, bit 6 error
                if ((b & 0x04) != 0) f.add(PrinterFault.COVER_OPEN);
                if ((b & 0x20) != 0) f.add(PrinterFault.PAPER_END);
                if ((b & 0x40) != 0) f.add(PrinterFault.MECHANICAL_ERROR);
            }
            case 3 -> { // error cause: bit 3 autocutter, bit 5 unrecoverable, bit 6 auto-recoverable
                if ((b & 0x68) != 0) f.add(PrinterFault.MECHANICAL_ERROR);
            }
            case 4 -> { // paper sensor: bits 2-3 near end, bits 5-6 end
                if ((b & 0x0C) != 0) f.add(PrinterFault.PAPER_NEAR_END);
                if ((b & 0x60) != 0) f.add(PrinterFault.PAPER_END);
            }
            default -> throw new IllegalArgumentException("DLE EOT " + n);
        }
        return f;
    }
}
