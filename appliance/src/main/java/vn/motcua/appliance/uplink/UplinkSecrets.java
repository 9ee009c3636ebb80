package vn.motcua.appliance.uplink;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Arrays;
import java.util.Properties;
import java.util.Set;

/**
 * The uplink's secrets, read from their own file so the main config can be shown and shared.
 * The file must be readable by its owner only (like ssh's keys): a group- or world-readable file
 * is refused. {@link #toString()} never shows a value; nothing here is ever logged.
 */
public final class UplinkSecrets {
    private static final Set<PosixFilePermission> TOO_OPEN = Set.of(
            PosixFilePermission.GROUP_READ, PosixFilePermission.GROUP_WRITE,
            PosixFilePermission.OTHERS_READ, PosixFilePermission.OTHERS_WRITE);

    private final char[] mqttPassword;
    private final char[] keystorePassword;

    private UplinkSecrets(char[] mqttPassword, char[] keystorePassword) {
        this.mqttPassword = mqttPassword;
        this.keystorePassword = keystorePassword;
    }

    public static UplinkSecrets none() {
        return new UplinkSecrets(null, null);
    }

    /** Reads {@code mqtt.password} and {@code tls.keystore.password} (either may be absent). */
    public static UplinkSecrets load(Path file) throws IOException {
        if (file == null) {
            return none();
        }
        try {
            Set<PosixFilePermission> perms = Files.getPosixFilePermissions(file);
            if (perms.stream().anyMatch(TOO_OPEN::contains)) {
                throw new IOException("uplink secrets file " + file + " is readable by others; run: chmod 600 " + file);
            }
        } catch (UnsupportedOperationException notPosix) {
            // Non-POSIX file systems (tests on other OSes): nothing to check.
        }
        if (Files.size(file) > 16 * 1024) {
            throw new IOException("uplink secrets file " + file + " is larger than 16 KiB; is it the right file?");
        }
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            p.load(r);
        }
        return new UplinkSecrets(chars(p.getProperty("mqtt.password")), chars(p.getProperty("tls.keystore.password")));
    }

    private static char[] chars(String s) {
        return s == null ? null : s.strip().toCharArray();
    }

    /** UTF-8 bytes of the MQTT password, or null; the caller hands them to the client and forgets them. */
    public byte[] mqttPasswordBytes() {
        return mqttPassword == null ? null : new String(mqttPassword).getBytes(StandardCharsets.UTF_8);
    }

    public char[] keystorePassword() {
        return keystorePassword == null ? new char[0] : Arrays.copyOf(keystorePassword, keystorePassword.length);
    }

    @Override
    public String toString() {
        return "UplinkSecrets[mqttPassword=" + (mqttPassword == null ? "absent" : "***")
                + ", keystorePassword=" + (keystorePassword == null ? "absent" : "***") + "]";
    }
}
