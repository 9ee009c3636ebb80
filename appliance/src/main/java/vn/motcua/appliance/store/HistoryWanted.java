package vn.motcua.appliance.store;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * A mark in the data folder that today's history is still to be fetched from the district: the database was lost and
 * the journal gave back only the live queue (its base record keeps no served ticket). A file, not a flag in memory,
 * so that a start whose district did not answer is followed by one that asks again; removed once the history is in.
 */
public final class HistoryWanted {
    static final String FILE = "history-wanted";

    private HistoryWanted() {}

    /** Marks, durably (the restore may be cut by a power loss like anything else). */
    public static void mark(Path dataDir, String why) throws IOException {
        Path f = dataDir.resolve(FILE);
        Files.writeString(f, why + "\n", StandardCharsets.UTF_8);
        try (FileChannel ch = FileChannel.open(f, StandardOpenOption.WRITE)) {
            ch.force(true);
        }
    }

    public static boolean isMarked(Path dataDir) {
        return Files.exists(dataDir.resolve(FILE));
    }

    public static void clear(Path dataDir) throws IOException {
        Files.deleteIfExists(dataDir.resolve(FILE));
    }
}
