package vn.motcua.appliance.uplink;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UplinkSecretsTest {
    @TempDir Path dir;

    @Test
    void secretsAreReadFromAnOwnerOnlyFileAndNeverPrinted() throws IOException {
        Path f = dir.resolve("uplink.secrets");
        Files.writeString(f, "mqtt.password=s3cr3t-Ph\u01b0\u1eddng\ntls.keystore.password=changeit\n");
        Files.setPosixFilePermissions(f, PosixFilePermissions.fromString("rw-------"));
        UplinkSecrets s = UplinkSecrets.load(f);
        assertArrayEquals("s3cr3t-Ph\u01b0\u1eddng".getBytes(StandardCharsets.UTF_8), s.mqttPasswordBytes());
        assertArrayEquals("changeit".toCharArray(), s.keystorePassword());
        assertFalse(s.toString().contains("s3cr3t") || s.toString().contains("changeit"), s.toString());
    }

    @Test
    void aSecretsFileOthersCanReadIsRefused() throws IOException {
        Path f = dir.resolve("uplink.secrets");
        Files.writeString(f, "mqtt.password=x\n");
        Files.setPosixFilePermissions(f, PosixFilePermissions.fromString("rw-r--r--"));
        IOException e = assertThrows(IOException.class, () -> UplinkSecrets.load(f));
        assertTrue(e.getMessage().contains("chmod 600"));
        assertFalse(e.getMessage().contains("mqtt.password=x"));
    }
}
