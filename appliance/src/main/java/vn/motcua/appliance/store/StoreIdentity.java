package vn.motcua.appliance.store;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.UUID;

/**
 * The data folder's birth certificate, {@code store.id}: written (fsynced) once, when the store is first created.
 * It is what tells "empty and brand new" from "empty because it was lost": a folder that has it once held a
 * store, so a missing or empty database or journal there is a loss to report, never a fresh start to accept.
 */
public final class StoreIdentity {
    static final String FILE = "store.id";

    private StoreIdentity() {}

    /** Whether this folder held a store before this start. */
    public static boolean existed(Path dir) {
        return Files.isRegularFile(dir.resolve(FILE));
    }

    /** Writes the identity if the folder has none yet. */
    public static void ensure(Path dir, Instant now) throws IOException {
        Path file = dir.resolve(FILE);
        if (Files.isRegularFile(file)) {
            return;
        }
        Path tmp = dir.resolve(FILE + ".tmp");
        String text = "# motcua store identity: do not delete (it tells a lost store from a new one)\n"
                + "id=" + UUID.randomUUID() + "\ncreated=" + now + "\n";
        try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            ch.write(java.nio.ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8)));
            ch.force(true);
        }
        Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE);
        try (FileChannel d = FileChannel.open(dir, StandardOpenOption.READ)) {
            d.force(true);
        } catch (IOException ignored) {
            // not every file system lets a folder be synced
        }
    }
}
