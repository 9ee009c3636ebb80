package vn.motcua.appliance.web;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.util.concurrent.TimeUnit;

import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

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
