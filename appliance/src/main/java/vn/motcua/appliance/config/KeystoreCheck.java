package vn.motcua.appliance.config;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.UnrecoverableKeyException;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;

/**
 * Checks the LAN listener's TLS material at load, so a wrong file stops the start with the key named instead of
 * failing inside Jetty: the PKCS12 keystore exists and is readable, its password file is private (no group or
 * other permission bits, i.e. 0600 or tighter), holds one line, and that line opens the keystore, which holds a
 * private key with its certificate. {@link #password(Path)} is also what the web server reads the password with.
 */
public final class KeystoreCheck {
    static final long MAX_PASSWORD_FILE_BYTES = 1024;
    private static final Set<PosixFilePermission> TOO_OPEN = EnumSet.of(PosixFilePermission.GROUP_READ,
            PosixFilePermission.GROUP_WRITE, PosixFilePermission.GROUP_EXECUTE, PosixFilePermission.OTHERS_READ,
            PosixFilePermission.OTHERS_WRITE, PosixFilePermission.OTHERS_EXECUTE);

    private KeystoreCheck() {}

    static void check(Path keystore, Path secretFile, Values v) {
        String secretKey = "web.lan.keystore_password_file";
        char[] password;
        try {
            password = password(secretFile);
        } catch (IOException e) {
            v.problem(secretKey, secretFile, e.getMessage());
            return;
        }
        if (!Files.isRegularFile(keystore) || !Files.isReadable(keystore)) {
            v.problem("web.lan.keystore", keystore, "a readable PKCS12 file with the key and certificate: "
                    + (Files.exists(keystore) ? "not readable" : "not found"));
            return;
        }
        try (InputStream in = Files.newInputStream(keystore)) {
            KeyStore ks = KeyStore.getInstance("PKCS12");
            ks.load(in, password);
            boolean hasKey = false;
            for (String alias : Collections.list(ks.aliases())) {
                hasKey |= ks.isKeyEntry(alias) && ks.getCertificate(alias) != null && ks.getKey(alias, password) != null;
            }
            if (!hasKey) {
                v.problem("web.lan.keystore", keystore, "a keystore holding a private key with its certificate");
            }
        } catch (IOException e) {
            boolean wrongPassword = e.getCause() instanceof UnrecoverableKeyException
                    || String.valueOf(e.getMessage()).toLowerCase(java.util.Locale.ROOT).contains("password");
            v.problem(wrongPassword ? secretKey : "web.lan.keystore", wrongPassword ? secretFile : keystore,
                    wrongPassword ? "the password that opens web.lan.keystore (it does not)"
                            : "a PKCS12 keystore (" + oneLine(e) + ")");
        } catch (GeneralSecurityException e) {
            v.problem("web.lan.keystore", keystore, "a PKCS12 keystore whose key opens with the same password ("
                    + oneLine(e) + ")");
        } finally {
            java.util.Arrays.fill(password, '\0');
        }
    }

    /**
     * The keystore password: the file's first line, without its line end. Refused when the file is missing, larger
     * than a password file can be, empty, or readable by group or others.
     */
    public static char[] password(Path file) throws IOException {
        if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
            throw new IOException("a readable one-line password file: " + (Files.exists(file) ? "not readable" : "not found"));
        }
        try {
            Set<PosixFilePermission> perms = Files.getPosixFilePermissions(file);
            if (perms.stream().anyMatch(TOO_OPEN::contains)) {
                throw new IOException("a private file (mode 0600), not " + java.nio.file.attribute.PosixFilePermissions
                        .toString(perms) + ": run chmod 600 " + file);
            }
        } catch (UnsupportedOperationException notPosix) {
            // Non-POSIX file system: nothing to check.
        }
        if (Files.size(file) > MAX_PASSWORD_FILE_BYTES) {
            throw new IOException("a one-line password file, not " + Files.size(file) + " bytes");
        }
        String first = Files.readString(file, StandardCharsets.UTF_8).lines().findFirst().orElse("");
        if (first.isEmpty()) {
            throw new IOException("a password file whose first line is the password: it is empty");
        }
        return first.toCharArray();
    }

    private static String oneLine(Exception e) {
        String m = String.valueOf(e.getMessage()).replaceAll("\\p{Cntrl}", "?");
        return m.length() > 100 ? m.substring(0, 100) + "…" : m;
    }
}
