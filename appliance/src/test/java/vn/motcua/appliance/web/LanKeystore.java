package vn.motcua.appliance.web;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.time.Clock;
import java.util.concurrent.TimeUnit;

import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

import vn.motcua.appliance.Appliance;
import vn.motcua.appliance.config.ConfigLoader;
import vn.motcua.appliance.web.auth.PasswordHash;
import vn.motcua.appliance.web.auth.StaffAccounts;

/**
 * The LAN listener's keystore made by {@code src/test/resources/web-tls/make-keystore.sh}, the exact openssl
 * commands provisioning uses, and a TLS context that trusts its certificate (as a counter PC would after the
 * office accepted it).
 */
public final class LanKeystore {
    public static final Path SCRIPT = Path.of("src/test/resources/web-tls/make-keystore.sh");

    private LanKeystore() {}

    /** Writes web-tls.p12 and web-tls.secret (mode 0600) into {@code dir}, for a certificate naming {@code ip}. */
    public static void make(Path dir, String ip) throws Exception {
        Process p = new ProcessBuilder("sh", SCRIPT.toString(), dir.toString(), ip).redirectErrorStream(true).start();
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("openssl did not finish in 60 s");
        }
        String out = new String(p.getInputStream().readAllBytes());
        if (p.exitValue() != 0) {
            throw new AssertionError("make-keystore.sh failed: " + out);
        }
    }

    /**
     * A demo appliance in {@code dir} with both listeners on free ports: local HTTP on 127.0.0.1 and the LAN listener
     * on {@code lanAddress} (a network namespace's host side, so its clients are another host: {@code lan.NetNamespace})
     * with a keystore made by {@link #make} for that address ({@code web-tls.crt} in {@code dir}), its config changed
     * by {@code edit} first (the phone page turned on, say), on {@code clock}, and two staff accounts (lan: counters
     * 1,2; chi: manager). Started; the caller closes it.
     */
    public static Appliance applianceWithLan(Path dir, String lanAddress, java.util.function.UnaryOperator<String> edit,
                                             Clock clock) throws Exception {
        return applianceWithLan(dir, lanAddress, edit, clock, false);
    }

    /**
     * The same on the system clock.
     *
     * @param keepKeystore a restart: the keystore made before stays (a satellite pins its certificate)
     */
    public static Appliance applianceWithLan(Path dir, String lanAddress, java.util.function.UnaryOperator<String> edit,
                                             boolean keepKeystore) throws Exception {
        return applianceWithLan(dir, lanAddress, edit, Clock.systemUTC(), keepKeystore);
    }

    private static Appliance applianceWithLan(Path dir, String lanAddress, java.util.function.UnaryOperator<String> edit,
                                              Clock clock, boolean keepKeystore) throws Exception {
        if (!keepKeystore || !Files.exists(dir.resolve("web-tls.p12"))) {
            make(dir, lanAddress);
        }
        Files.writeString(dir.resolve("staff.accounts"), StaffAccounts.line(
                "lan", "1,2", PasswordHash.hash("mat-khau-1".toCharArray())) + "\n"
                + StaffAccounts.line("chi", "*",
                        PasswordHash.hash("quan-ly-9".toCharArray())) + "\n");
        String toml = vn.motcua.appliance.TestStores.demoToml(dir)
                .replace("enabled  = false\nbind     = \"0.0.0.0\"\nport     = 8443",
                        "enabled  = true\nbind     = \"" + lanAddress + "\"\nport     = 0")
                .replace("/etc/motcua/web-tls.p12", dir.resolve("web-tls.p12").toString())
                .replace("/etc/motcua/web-tls.secret", dir.resolve("web-tls.secret").toString());
        Appliance a = new Appliance(
                ConfigLoader.parse(edit.apply(toml), "test"), clock);
        a.start();
        return a;
    }

    /** The SHA-256 of {@code dir}'s web-tls.crt, as {@code openssl x509 -fingerprint -sha256} prints it. */
    public static String fingerprint(Path dir) throws Exception {
        try (InputStream in = Files.newInputStream(dir.resolve("web-tls.crt"))) {
            byte[] der = CertificateFactory.getInstance("X.509").generateCertificate(in).getEncoded();
            return java.util.HexFormat.ofDelimiter(":").withUpperCase()
                    .formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(der));
        }
    }

    public static SSLContext trusting(Path dir) throws Exception {
        KeyStore trust = KeyStore.getInstance("PKCS12");
        trust.load(null, null);
        try (InputStream in = Files.newInputStream(dir.resolve("web-tls.crt"))) {
            trust.setCertificateEntry("appliance", CertificateFactory.getInstance("X.509").generateCertificate(in));
        }
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(trust);
        SSLContext ctx = SSLContext.getInstance("TLS");
        ctx.init(null, tmf.getTrustManagers(), null);
        return ctx;
    }
}
