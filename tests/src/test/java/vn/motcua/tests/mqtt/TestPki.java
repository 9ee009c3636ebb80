package vn.motcua.tests.mqtt;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A throw-away CA and a broker certificate for 127.0.0.1/localhost, made with the real
 * {@code openssl} at test time (nothing secret is checked in), plus a PKCS#12 client certificate.
 */
public record TestPki(Path caCert, Path serverCert, Path serverKey, Path clientP12, String clientP12Password) {

    public static TestPki create(Path dir) throws IOException, InterruptedException {
        Path ca = dir.resolve("ca.pem");
        Path caKey = dir.resolve("ca.key");
        Path key = dir.resolve("server.key");
        Path csr = dir.resolve("server.csr");
        Path crt = dir.resolve("server.pem");
        Path ext = dir.resolve("san.ext");
        Files.writeString(ext, "subjectAltName=IP:127.0.0.1,DNS:localhost\n");
        run(dir, "openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", caKey.toString(), "-out", ca.toString(),
                "-days", "2", "-subj", "/CN=motcua test district CA");
        run(dir, "openssl", "req", "-newkey", "rsa:2048", "-nodes", "-keyout", key.toString(), "-out", csr.toString(),
                "-subj", "/CN=localhost");
        run(dir, "openssl", "x509", "-req", "-in", csr.toString(), "-CA", ca.toString(), "-CAkey", caKey.toString(),
                "-CAcreateserial", "-out", crt.toString(), "-days", "2", "-extfile", ext.toString());
        Path cKey = dir.resolve("client.key");
        Path cCsr = dir.resolve("client.csr");
        Path cCrt = dir.resolve("client.pem");
        Path p12 = dir.resolve("client.p12");
        run(dir, "openssl", "req", "-newkey", "rsa:2048", "-nodes", "-keyout", cKey.toString(), "-out", cCsr.toString(),
                "-subj", "/CN=office-kiosk");
        run(dir, "openssl", "x509", "-req", "-in", cCsr.toString(), "-CA", ca.toString(), "-CAkey", caKey.toString(),
                "-CAcreateserial", "-out", cCrt.toString(), "-days", "2");
        String pw = "p12-test-pass";
        run(dir, "openssl", "pkcs12", "-export", "-in", cCrt.toString(), "-inkey", cKey.toString(), "-out", p12.toString(),
                "-passout", "pass:" + pw);
        return new TestPki(ca, crt, key, p12, pw);
    }

    static void run(Path dir, String... cmd) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(List.of(cmd)).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(dir.resolve("openssl.log").toFile()).start();
        if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
            p.destroyForcibly();
            throw new IOException(String.join(" ", cmd) + " failed: " + Files.readString(dir.resolve("openssl.log")));
        }
    }
}
