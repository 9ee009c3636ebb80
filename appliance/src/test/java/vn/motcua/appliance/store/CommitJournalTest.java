package vn.motcua.appliance.store;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CommitJournalTest {
    @TempDir
    Path dir;

    private static byte[] text(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void recordsReadBackInOrderAfterReopening() throws IOException {
        try (CommitJournal j = CommitJournal.open(dir, 64 * 1024)) {
            j.append(1, text("first"));
            j.append(2, text("x".repeat(5000))); // spans blocks
            j.append(4, text("third"));
        }
        try (CommitJournal j = CommitJournal.open(dir, 64 * 1024)) {
            List<CommitJournal.Entry> all = j.readAll();
            assertEquals(3, all.size());
            assertEquals(1, all.get(0).firstSeq());
            assertArrayEquals(text("first"), all.get(0).payload());
            assertEquals(5000, all.get(1).payload().length);
            assertEquals(4, all.get(2).firstSeq());
        }
    }

    @Test
    void aTornRecordEndsRecoveryAndEverythingBeforeItSurvives() throws IOException {
        try (CommitJournal j = CommitJournal.open(dir, 64 * 1024)) {
            j.append(1, text("kept"));
            j.append(2, text("torn by the power cut"));
        }
        // flip one byte in the second record's payload: its CRC no longer matches
        int second = CommitJournal.HEADER + 4;
        try (RandomAccessFile f = new RandomAccessFile(dir.resolve("motcua.journal").toFile(), "rw")) {
            f.seek(second + CommitJournal.HEADER + 3);
            f.write('#');
        }
        try (CommitJournal j = CommitJournal.open(dir, 64 * 1024)) {
            List<CommitJournal.Entry> all = j.readAll();
            assertEquals(1, all.size());
            assertArrayEquals(text("kept"), all.getFirst().payload());
        }
    }

    @Test
    void afterARestartOldRecordsBeyondTheNewOnesAreNotReadAsNew() throws IOException {
        try (CommitJournal j = CommitJournal.open(dir, 64 * 1024)) {
            for (int i = 1; i <= 5; i++) {
                j.append(i, text("old " + i));
            }
            j.restart(); // the database synced everything up to seq 5
            j.append(6, text("new 6"));
        }
        try (CommitJournal j = CommitJournal.open(dir, 64 * 1024)) {
            List<CommitJournal.Entry> all = j.readAll();
            assertEquals(1, all.size(), "stale records with smaller seqs after the new one are not replayed");
            assertEquals(6, all.getFirst().firstSeq());
        }
    }

    @Test
    void aFullJournalSaysSoInsteadOfWrapping() throws IOException {
        try (CommitJournal j = CommitJournal.open(dir, 8 * 1024)) {
            assertTrue(j.wouldOverflow(9000));
            assertThrows(IOException.class, () -> j.append(1, new byte[9000]));
            j.append(1, new byte[100]);
            assertEquals(CommitJournal.HEADER + 100, j.position());
        }
    }
}
