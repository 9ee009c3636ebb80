package vn.motcua.appliance.satellite;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.regex.Pattern;

/**
 * The satellite's device token, as the master gave it at pairing: kept in one file readable by the appliance's user
 * only (written aside and renamed, so a power cut leaves the old token or the new one, never half of one). The token
 * is never logged.
 */
final class TokenFile {
    private static final Pattern SHAPE = Pattern.compile("[A-Za-z0-9_-]{43}");
    private final Path file;
    private volatile String token;

    TokenFile(Path file) throws IOException {
        this.file = file;
        if (Files.isRegularFile(file)) {
            String t = Files.readString(file, StandardCharsets.US_ASCII).strip();
            token = SHAPE.matcher(t).matches() ? t : null;
        }
    }

    /** The token, or null before pairing (or after the master refused it). */
    String get() {
        return token;
    }

    void save(String t) throws IOException {
        if (!SHAPE.matcher(t).matches()) {
            throw new IOException("the master sent a token of an unexpected shape");
        }
        Files.createDirectories(file.toAbsolutePath().getParent());
        Path aside = file.resolveSibling(file.getFileName() + ".new");
        Files.deleteIfExists(aside);
        Files.createFile(aside, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        Files.writeString(aside, t + "\n", StandardCharsets.US_ASCII);
        try (var ch = java.nio.channels.FileChannel.open(aside, java.nio.file.StandardOpenOption.WRITE)) {
            ch.force(true);
        }
        Files.move(aside, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        token = t;
    }

    /** Forgets a token the master refused (the file stays until a new one replaces it, for a technician to see). */
    void forget() {
        token = null;
    }
}
