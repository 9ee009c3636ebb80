package vn.motcua.tests.mqtt;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import vn.motcua.tests.harness.Ports;

/**
 * A real Mosquitto (Debian package) on 127.0.0.1, with its own config in a temp dir: one TLS
 * listener with password auth (client certificates optional), persistence on so a restart keeps
 * the district server's session and queued messages, as a real district broker must. Can be
 * stopped and restarted on the same port, or frozen (SIGSTOP) to cut the network without a FIN.
 */
public final class MosquittoBroker implements AutoCloseable {
    public static final String DISTRICT_USER = "district";
    public static final String DISTRICT_PASSWORD = "district-test-pass";

    private final Path dir;
    private final int port;
    private final TestPki pki;
    private Process process;

    private MosquittoBroker(Path dir, int port, TestPki pki) {
        this.dir = dir;
        this.port = port;
        this.pki = pki;
    }

    /** Writes the config and password file for the users given as user, password pairs, and starts. */
    public static MosquittoBroker startTls(Path dir, TestPki pki, String... userPasswordPairs)
            throws IOException, InterruptedException {
        MosquittoBroker b = new MosquittoBroker(dir, freePort(), pki);
        Path pw = dir.resolve("passwd");
        TestPki.run(dir, "mosquitto_passwd", "-c", "-b", pw.toString(), DISTRICT_USER, DISTRICT_PASSWORD);
        for (int i = 0; i + 1 < userPasswordPairs.length; i += 2) {
            TestPki.run(dir, "mosquitto_passwd", "-b", pw.toString(), userPasswordPairs[i], userPasswordPairs[i + 1]);
        }
        Files.createDirectories(dir.resolve("data"));
        Files.writeString(dir.resolve("mosquitto.conf"), String.join("\n",
                "user root",
                "listener " + b.port + " 127.0.0.1",
                "allow_anonymous false",
                "password_file " + pw,
                "cafile " + pki.caCert(),
                "certfile " + pki.serverCert(),
                "keyfile " + pki.serverKey(),
                "require_certificate false",
                "persistence true",
                "persistence_location " + dir.resolve("data") + "/",
                "autosave_interval 1",
                "max_queued_messages 0",
                "max_inflight_messages 100",
                "log_dest file " + dir.resolve("mosquitto.log"),
                "log_type error", "log_type warning", "log_type notice", "log_type information",
                ""));
        b.start();
        return b;
    }

    public String uri() { return "ssl://127.0.0.1:" + port; }

    public TestPki pki() { return pki; }

    public Path dir() { return dir; }

    /** Starts (or restarts, same port and data) and waits until the port accepts connections. */
    public synchronized void start() throws IOException, InterruptedException {
        process = new ProcessBuilder(List.of("mosquitto", "-c", dir.resolve("mosquitto.conf").toString()))
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(dir.resolve("stdout.log").toFile()))
                .start();
        // Only stops a hung start (Mosquitto loads its persistence file and TLS keys first): wide for a loaded machine.
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IOException("mosquitto exited: " + Files.readString(dir.resolve("stdout.log")));
            }
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress("127.0.0.1", port), 200);
                return;
            } catch (IOException notYet) {
                Thread.sleep(50);
            }
        }
        throw new IOException("mosquitto did not open port " + port + " within 30 s");
    }

    /** Stops cleanly (SIGTERM: persistence is saved, clients see the socket close). */
    public synchronized void stop() throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.destroy();
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        }
    }

    /** SIGSTOP: the broker stops answering but no socket closes, like a cut cable. */
    public void freeze() throws IOException, InterruptedException {
        signal("-STOP");
    }

    public void thaw() throws IOException, InterruptedException {
        signal("-CONT");
    }

    private void signal(String sig) throws IOException, InterruptedException {
        TestPki.run(dir, "kill", sig, Long.toString(process.pid()));
    }

    public String log() throws IOException {
        Path l = dir.resolve("mosquitto.log");
        return Files.exists(l) ? Files.readString(l) : "";
    }

    @Override
    public void close() throws Exception {
        if (process != null && process.isAlive()) {
            thaw();
        }
        stop();
    }

    /** Kept for restarts on the same port, so taken outside the ephemeral range: see {@link Ports#forAListener()}. */
    private static int freePort() throws IOException {
        return Ports.forAListener();
    }
}
