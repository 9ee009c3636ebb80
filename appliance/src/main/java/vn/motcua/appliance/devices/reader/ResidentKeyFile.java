package vn.motcua.appliance.devices.reader;

import java.io.IOException;
import java.nio.file.Path;

import vn.motcua.appliance.devices.SecretFile;

/**
 * The office's secret for {@link ResidentKeyer}: a {@link SecretFile} (32 random bytes, 0600, made on first start).
 * Keep it with the data: a new secret makes new resident keys, so earlier tickets no longer link. It never leaves the
 * device.
 */
public final class ResidentKeyFile {
    private ResidentKeyFile() {}

    public static byte[] loadOrCreate(Path file) throws IOException {
        return SecretFile.loadOrCreate(file);
    }
}
