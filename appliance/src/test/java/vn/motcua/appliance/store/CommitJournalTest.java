package vn.motcua.appliance.store;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CommitJournalTest {
    private static final long CAPACITY = 128 * 1024;
    /** Generation g lives in half g % 2: the first one in the second half. */
    private static final long HALF_1 = CAPACITY / 2;

    @TempDir
    Path dir;

    private static byte[] text(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private List<Long> seqs(CommitJournal j) {
        return j.readAll().stream().map(CommitJournal.Entry::firstSeq).toList();
    }

    @Test
    void recordsReadBackInOrderAfterReopening() throws IOException {
        try (CommitJournal j = CommitJournal.open(dir, CAPACITY)) {
            assertEquals(CommitJournal.Found.CREATED, j.reading().found());
            j.startGeneration(0, null);
            j.append(1, text("first"));
            j.append(2, text("x".repeat(5000))); // spans blocks
            j.append(4, text("third"));
        }
        try (CommitJournal j = CommitJournal.open(dir, CAPACITY)) {
            assertEquals(CommitJournal.Found.PRESENT, j.reading().found());
            List<CommitJournal.Entry> all = j.readAll();
            assertEquals(3, all.size());
            assertEquals(1, all.get(0).firstSeq());
            assertArrayEquals(text("first"), all.get(0).payload());
            assertEquals(5000, all.get(1).payload().length);
            assertEquals(4, all.get(2).firstSeq());
            assertEquals(List.of(), j.reading().damage());
        }
    }

    @Test
    void aTornLastRecordEndsRecoveryQuietlyAndEverythingBeforeItSurvives() throws IOException {
        try (CommitJournal j = CommitJournal.open(dir, CAPACITY)) {
            j.startGeneration(0, null);
            j.append(1, text("kept"));
            j.append(2, text("torn by the power cut"));
        }
        // flip one byte in the second record's payload: its CRC no longer matches, and nothing whole follows it
        corrupt(HALF_1 + CommitJournal.HALF_HEADER + CommitJournal.HEADER + 4 + CommitJournal.HEADER + 3, new byte[] {'#'});
        try (CommitJournal j = CommitJournal.open(dir, CAPACITY)) {
            assertEquals(List.of(1L), seqs(j));
            assertEquals(List.of(), j.reading().damage(), "a torn last record is how a crash ends a journal");
        }
    }

    @Test
    void damageInTheMiddleIsReportedAndTheRecordsAfterItAreStillRead() throws IOException {
        try (CommitJournal j = CommitJournal.open(dir, CAPACITY)) {
            j.startGeneration(0, null);
            j.append(1, text("one"));
            j.append(2, text("two"));
            j.append(3, text("three"));
        }
        corrupt(HALF_1 + CommitJournal.HALF_HEADER + CommitJournal.HEADER + 3 + 2, new byte[] {1, 2, 3, 4, 5, 6});
        try (CommitJournal j = CommitJournal.open(dir, CAPACITY)) {
            assertEquals(List.of(1L, 3L), seqs(j));
            assertEquals(1, j.reading().damage().size(), j.reading().damage().toString());
            assertArrayEquals(new long[] {1, 3}, j.reading().lostBetween().getFirst());
        }
    }

    @Test
    void theGenerationBeforeTheLastOneStaysReadable() throws IOException {
        try (CommitJournal j = CommitJournal.open(dir, CAPACITY)) {
            j.startGeneration(0, null);
            j.append(1, text("gen 1"));
            j.append(2, text("gen 1"));
            j.startGeneration(2, text("base at 2"));
            j.append(3, text("gen 2"));
        }
        try (CommitJournal j = CommitJournal.open(dir, CAPACITY)) {
            assertEquals(2, j.reading().generations().size());
            assertEquals(List.of(1L, 2L, 2L, 3L), seqs(j), "older generation first, then the base and what followed");
            assertEquals(2, j.reading().generations().getLast().baseSeq());
            j.startGeneration(3, text("base at 3")); // overwrites generation 1, whose half it reuses
            j.append(4, text("gen 3"));
        }
        try (CommitJournal j = CommitJournal.open(dir, CAPACITY)) {
            assertEquals(List.of(2L, 3L, 3L, 4L), seqs(j));
            assertEquals(List.of(), j.reading().damage());
        }
    }

    @Test
    void staleRecordsOfAnOlderGenerationBeyondTheEndAreNeverReadAsCurrent() throws IOException {
        try (CommitJournal j = CommitJournal.open(dir, CAPACITY)) {
            j.startGeneration(0, null); // generation 1, half 1
            j.startGeneration(0, null); // generation 2, half 0
            for (int i = 1; i <= 5; i++) {
                j.append(i, text("old " + i));
            }
            j.startGeneration(5, null); // generation 3, half 1
            j.startGeneration(5, null); // generation 4, half 0 again: the five old records lie beyond its header
            j.append(6, text("new 6"));
        }
        try (CommitJournal j = CommitJournal.open(dir, CAPACITY)) {
            assertEquals(List.of(6L), seqs(j), "records of generation 2 fail generation 4's CRC");
            assertEquals(List.of(), j.reading().damage());
        }
    }

    @Test
    void randomBytesOverTheHeaderAreDamageNotAnEmptyJournal() throws IOException {
        try (CommitJournal j = CommitJournal.open(dir, CAPACITY)) {
            j.startGeneration(0, null);
            j.append(1, text("lost"));
        }
        byte[] junk = new byte[64];
        new Random(3).nextBytes(junk);
        corrupt(HALF_1 + CommitJournal.HALF_HEADER / 2, junk);
        try (CommitJournal j = CommitJournal.open(dir, CAPACITY)) {
            assertTrue(j.reading().blank());
            assertFalse(j.reading().damage().isEmpty(), "a header that fails its check is damage");
        }
    }

    @Test
    void aDamagedHeaderHidesOnlyWhatItCovers() throws IOException {
        try (CommitJournal j = CommitJournal.open(dir, CAPACITY)) {
            j.startGeneration(0, null); // generation 1, half 1
            j.append(1, text("gen 1"));
            j.startGeneration(1, null); // generation 2, half 0
            j.append(2, text("hidden by the damage"));
            j.append(3, text("read again"));
            j.append(4, text("read again"));
        }
        byte[] junk = new byte[CommitJournal.HALF_HEADER + CommitJournal.HEADER + 8];
        new Random(5).nextBytes(junk);
        corrupt(0, junk);
        try (CommitJournal j = CommitJournal.open(dir, CAPACITY)) {
            assertEquals(List.of(1L, 3L, 4L), seqs(j), "generation 2 found by its records' CRC");
            assertEquals(2, j.reading().generations().getLast().number());
            assertFalse(j.reading().damage().isEmpty());
        }
    }

    @Test
    void aTruncatedFileIsDamage() throws IOException {
        try (CommitJournal j = CommitJournal.open(dir, CAPACITY)) {
            j.startGeneration(0, null);
            j.append(1, text("in the half that is cut off"));
        }
        try (RandomAccessFile f = new RandomAccessFile(dir.resolve("motcua.journal").toFile(), "rw")) {
            f.setLength(CAPACITY / 2);
        }
        try (CommitJournal j = CommitJournal.open(dir, CAPACITY)) {
            assertTrue(j.reading().blank());
            assertTrue(j.reading().damage().toString().contains("truncated"), j.reading().damage().toString());
        }
    }

    @Test
    void anEmptyOrMissingFileIsToldApartFromANewOne() throws IOException {
        Files.write(dir.resolve("motcua.journal"), new byte[0]);
        try (CommitJournal j = CommitJournal.open(dir, CAPACITY)) {
            assertEquals(CommitJournal.Found.EMPTY, j.reading().found());
        }
        Files.delete(dir.resolve("motcua.journal"));
        try (CommitJournal j = CommitJournal.open(dir, CAPACITY)) {
            assertEquals(CommitJournal.Found.CREATED, j.reading().found());
        }
    }

    @Test
    void aJournalOfTheFormerFormatIsReadOnce() throws IOException {
        // "MCJ1" records from offset 0, CRC over seq and payload: what appliances wrote before two generations
        byte[] payload = text("legacy");
        java.util.zip.CRC32C crc = new java.util.zip.CRC32C();
        crc.update(java.nio.ByteBuffer.allocate(8).putLong(0, 7));
        crc.update(payload);
        byte[] rec = java.nio.ByteBuffer.allocate(CommitJournal.HEADER + payload.length).putInt(CommitJournal.LEGACY_MAGIC)
                .putInt(payload.length).putLong(7).putInt((int) crc.getValue()).put(payload).array();
        Files.write(dir.resolve("motcua.journal"), rec);
        try (CommitJournal j = CommitJournal.open(dir, CAPACITY)) {
            assertEquals(List.of(7L), seqs(j));
            j.startGeneration(7, null); // the next generation goes to the other half: the legacy one stays readable
        }
        try (CommitJournal j = CommitJournal.open(dir, CAPACITY)) {
            assertEquals(List.of(7L), seqs(j));
        }
    }

    @Test
    void aFullGenerationSaysSoInsteadOfWrapping() throws IOException {
        try (CommitJournal j = CommitJournal.open(dir, 16 * 1024)) {
            assertTrue(j.wouldOverflow(1), "no generation started yet");
            assertThrows(IOException.class, () -> j.append(1, new byte[100]));
            j.startGeneration(0, null);
            assertTrue(j.wouldOverflow(9000));
            assertThrows(IOException.class, () -> j.append(1, new byte[9000]));
            j.append(1, new byte[100]);
            assertEquals(CommitJournal.HALF_HEADER + CommitJournal.HEADER + 100, j.position());
        }
    }

    private void corrupt(long at, byte[] bytes) throws IOException {
        try (RandomAccessFile f = new RandomAccessFile(dir.resolve("motcua.journal").toFile(), "rw")) {
            f.seek(at);
            f.write(bytes);
        }
    }
}
