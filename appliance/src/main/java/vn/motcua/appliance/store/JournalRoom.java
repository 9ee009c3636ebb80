package vn.motcua.appliance.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Checks, before anything is written at start, that the data folder can hold the commit journal (preallocated in
 * full) and the database's first chunks. On a tiny or full disk the appliance then stops with one clear line
 * naming the folder and the space needed, rather than an I/O error halfway through and a partial journal.
 */
public final class JournalRoom {
    /** The database's first chunks, the watermarks and the voice clips' first writes. */
    static final long HEADROOM = 1024 * 1024;

    private JournalRoom() {}

    /** Thrown when the data folder is too small; its message is the one line to show. */
    public static final class NotEnoughSpaceException extends IOException {
        NotEnoughSpaceException(String message) {
            super(message);
        }
    }

    public static void require(Path dir, long journalBytes) throws IOException {
        Path journal = dir.resolve(Database.NAME + ".journal");
        long have = Files.isRegularFile(journal) ? Files.size(journal) : 0;
        long needed = Math.max(0, journalBytes - have) + HEADROOM;
        long free = Files.getFileStore(existing(dir)).getUsableSpace();
        if (free < needed) {
            throw tooSmall(dir, needed, free);
        }
    }

    static NotEnoughSpaceException tooSmall(Path dir, long needed, long free) {
        return new NotEnoughSpaceException("not enough space in the data folder " + dir.toAbsolutePath()
                + ": the commit journal and database need " + DiskSpaceWatch.mib(needed) + ", "
                + DiskSpaceWatch.mib(free) + " free; free some space or use a larger card");
    }

    /**
     * Opens the journal; if creating it fails (the space went between the check and the write), the partial file is
     * removed, so the next start finds none rather than a short one.
     */
    public static CommitJournal open(Path dir, long journalBytes) throws IOException {
        Path journal = dir.resolve(Database.NAME + ".journal");
        boolean existed = Files.exists(journal);
        try {
            return CommitJournal.open(dir, journalBytes);
        } catch (IOException e) {
            if (!existed) {
                Files.deleteIfExists(journal);
            }
            if (StoreCondition.noSpace(e)) {
                throw tooSmall(dir, journalBytes + HEADROOM, Files.getFileStore(existing(dir)).getUsableSpace());
            }
            throw e;
        }
    }

    private static Path existing(Path dir) {
        Path p = dir.toAbsolutePath();
        while (p != null && !Files.exists(p)) {
            p = p.getParent();
        }
        return p == null ? dir.toAbsolutePath().getRoot() : p;
    }
}
