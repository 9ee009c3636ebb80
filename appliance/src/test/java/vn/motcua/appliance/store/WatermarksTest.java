package vn.motcua.appliance.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WatermarksTest {
    private static final LocalDate DAY = LocalDate.of(2026, 11, 23);

    /** A full disk once skipped 25 numbers per refused ticket: a service's range was used up in 39 refusals. */
    @Test
    void aReservationThatCouldNotBeWrittenIsNotKept(@TempDir Path dir) throws IOException {
        Path missing = dir.resolve("gone"); // its file cannot be written, as on a full disk
        Watermarks w = Watermarks.load(missing);
        for (int i = 0; i < 3; i++) {
            assertThrows(IOException.class, () -> w.cover(DAY, Map.of("ho-tich", 1), 1));
        }
        assertEquals(0, w.reservedNumber(DAY, "ho-tich"));
        assertEquals(0, w.reservedSeq());
        Files.createDirectories(missing);
        w.cover(DAY, Map.of("ho-tich", 1), 1);
        assertEquals(1 + Watermarks.NUMBER_BLOCK, w.reservedNumber(DAY, "ho-tich"));
        assertEquals(1 + Watermarks.SEQ_BLOCK, w.reservedSeq());
        assertEquals(1 + Watermarks.NUMBER_BLOCK, Watermarks.load(missing).reservedNumber(DAY, "ho-tich"));
    }

    /**
     * Services issue in turn, so their blocks run out together: the write one service's end needs renews every block
     * with less than half of it left, and the next service's end then writes nothing. Never more than a block above
     * what was issued, so a lost database skips no more numbers than before.
     */
    @Test
    void oneWriteRenewsEveryBlockNearItsEnd(@TempDir Path dir) throws IOException {
        Watermarks w = Watermarks.load(dir);
        int block = Watermarks.NUMBER_BLOCK;
        w.cover(DAY, Map.of("ho-tich", 1, "dat-dai", 1, "xay-dung", 1), 1);
        w.cover(DAY, Map.of("ho-tich", 1 + block + 1, "dat-dai", block - 2, "xay-dung", 3), 40);
        assertEquals(2 + 2 * block, w.reservedNumber(DAY, "ho-tich"), "the block that ran out");
        assertEquals(2 * block - 2, w.reservedNumber(DAY, "dat-dai"), "near its end: renewed in the same write");
        assertEquals(1 + block, w.reservedNumber(DAY, "xay-dung"), "more than half left: as it was");
        Watermarks reread = Watermarks.load(dir);
        assertEquals(2 * block - 2, reread.reservedNumber(DAY, "dat-dai"), "renewed on disk, not in memory only");

        Files.delete(dir.resolve("watermarks.properties"));
        w.cover(DAY, Map.of("ho-tich", 1 + block + 1, "dat-dai", block + 1, "xay-dung", 3), 41);
        assertFalse(Files.exists(dir.resolve("watermarks.properties")),
                "the second service's end was covered by the first one's write: nothing written");
    }
}
