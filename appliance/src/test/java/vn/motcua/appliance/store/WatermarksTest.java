package vn.motcua.appliance.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
}
