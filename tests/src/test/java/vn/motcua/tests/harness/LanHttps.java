package vn.motcua.tests.harness;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * The LAN listener of a test's appliance, as a technician sets it up: a keystore made for {@code address} by the
 * same script the appliance's own tests use, a free port, and the config's {@code [web.lan]} switched on.
 */
public final class LanHttps {
    private static final Path MAKE_KEYSTORE = Path.of("../appliance/src/test/resources/web-tls/make-keystore.sh");

    private final Path dir;
    private final String address;
    private final int port;

    private LanHttps(Path dir, String address, int port) {
        this.dir = dir;
        this.address = address;
        this.port = port;
    }

    /** Makes {@code web-tls.p12} and its secret in {@code dir} for a listener on {@code address}. */
    public static LanHttps make(Path dir, String address) throws IOException, InterruptedException {
        Process openssl = new ProcessBuilder("sh", MAKE_KEYSTORE.toString(), dir.toString(), address)
                .redirectErrorStream(true).redirectOutput(dir.resolve("openssl.log").toFile()).start();
        assertTrue(openssl.waitFor(60, TimeUnit.SECONDS) && openssl.exitValue() == 0, "keystore made");
        return new LanHttps(dir, address, ApplianceProcess.freePort());
    }

    /** The demo config with {@code [web.lan]} on, bound to the address, using the keystore made here. */
    public String enable(String toml) {
        return toml.replace("enabled  = false\nbind     = \"0.0.0.0\"\nport     = 8443",
                        "enabled  = true\nbind     = \"" + address + "\"\nport     = " + port)
                .replace("/etc/motcua/web-tls.p12", dir.resolve("web-tls.p12").toString())
                .replace("/etc/motcua/web-tls.secret", dir.resolve("web-tls.secret").toString());
    }

    /**
     * The demo config with {@code [web.lan]} on ({@link #enable}) and the phone page on, its QR carrying this
     * listener's address, an open page asking again every {@code refreshSeconds}.
     */
    public String enableWithPhonePage(String toml, int refreshSeconds) {
        return enable(toml)
                .replace("[web.phone]\nenabled         = false", "[web.phone]\nenabled         = true")
                .replace("\"https://192.168.1.10:8443\"", "\"https://" + address + ":" + port + "\"")
                .replace("refresh_seconds = 5", "refresh_seconds = " + refreshSeconds);
    }

    public int port() {
        return port;
    }

    /**
     * The SHA-256 of the listener's certificate, in hex: what a satellite's {@code master_fingerprint} pins (the
     * technician reads it off the master's certificate at provisioning).
     */
    public String fingerprint() throws java.io.IOException, java.security.GeneralSecurityException {
        try (java.io.InputStream in = java.nio.file.Files.newInputStream(dir.resolve("web-tls.crt"))) {
            byte[] der = java.security.cert.CertificateFactory.getInstance("X.509").generateCertificate(in).getEncoded();
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(der));
        }
    }

    /** {@code https://address:port/} */
    public String base() {
        return "https://" + address + ":" + port + "/";
    }

    /**
     * A counter PC's browser that accepted the office's own certificate (the test made it), no redirects followed: the
     * manager's side of a LAN test.
     */
    public static java.net.http.HttpClient anyCertificateClient() throws java.security.GeneralSecurityException {
        javax.net.ssl.SSLContext tls = javax.net.ssl.SSLContext.getInstance("TLS");
        tls.init(null, new javax.net.ssl.TrustManager[] {new javax.net.ssl.X509TrustManager() {
            @Override
            public void checkClientTrusted(java.security.cert.X509Certificate[] c, String a) {}

            @Override
            public void checkServerTrusted(java.security.cert.X509Certificate[] c, String a) {}

            @Override
            public java.security.cert.X509Certificate[] getAcceptedIssuers() {
                return new java.security.cert.X509Certificate[0];
            }
        }}, null);
        return java.net.http.HttpClient.newBuilder().sslContext(tls).connectTimeout(java.time.Duration.ofSeconds(10)).build();
    }
}
