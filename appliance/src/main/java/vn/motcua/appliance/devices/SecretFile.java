package vn.motcua.appliance.devices;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;

/**
 * An office secret of 32 random bytes in a file readable by the appliance alone (0600), made on first start and read
 * at every later one: the reader's resident key ({@code resident.key}) and the phone page's ticket keys
 * ({@code phone.key}). Each use has a file of its own, so one can be replaced (new keys) without touching the other.
 * Keep them with the data; they never leave the device.
 */
public final class SecretFile {
    private SecretFile() {}

    public static byte[] loadOrCreate(Path file) throws IOException {
        if (!Files.exists(file)) {
            byte[] key = new byte[32];
            new SecureRandom().nextBytes(key);
            Files.createDirectories(file.toAbsolutePath().getParent());
            try {
                Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
                Files.write(file, key, StandardOpenOption.WRITE, StandardOpenOption.SYNC);
                return key;
            } catch (FileAlreadyExistsException raced) {
                // made by another start in the meantime: read theirs
            }
        }
        byte[] key = Files.readAllBytes(file);
        if (key.length < 32) {
            throw new IOException("secret file " + file + " holds " + key.length + " bytes; expected at least 32");
        }
        return key;
    }
}
