package vn.motcua.appliance.devices.reader;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;

/**
 * The office's secret for {@link ResidentKeyer}: 32 random bytes in a file readable by the appliance
 * alone (0600), made on first start. Keep it with the data: a new secret makes new resident keys, so
 * earlier tickets no longer link. It never leaves the device.
 */
public final class ResidentKeyFile {
    private ResidentKeyFile() {}

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
            throw new IOException("resident key file " + file + " holds " + key.length + " bytes; expected at least 32");
        }
        return key;
    }
}
