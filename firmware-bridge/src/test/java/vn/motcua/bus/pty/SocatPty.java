package vn.motcua.bus.pty;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * A pseudo-terminal pair from socat (Debian package {@code socat}), raw, no echo: {@link #host} for the real
 * adapter under test (jSerialComm), {@link #device} for a simulator (counter boards, printer, code reader).
 * Started on construction, on this machine only. {@link #unplug()} makes both ends vanish like a USB adapter
 * pulled out; {@link #plugIn()} brings them back under the same names. Shared with the appliance and the
 * end-to-end tests through firmware-bridge's test-jar.
 */
public final class SocatPty implements AutoCloseable {
    public final Path host;
    public final Path device;
    private final Path log;
    private Process process;

    /** Links {@code dir/tty-host} and {@code dir/tty-device}; socat's messages go to {@code dir/socat.log}. */
    public SocatPty(Path dir) throws IOException {
        host = dir.resolve("tty-host");
        device = dir.resolve("tty-device");
        log = dir.resolve("socat.log");
        plugIn();
    }

    /** Starts socat and waits (bounded, 5 s) until both links exist; fails with socat's words if it exits. */
    public synchronized void plugIn() throws IOException {
        if (process != null) {
            throw new IllegalStateException("socat pty pair already plugged in");
        }
        process = new ProcessBuilder("socat", "-d", "pty,raw,echo=0,link=" + host, "pty,raw,echo=0,link=" + device)
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        // Only stops a hung start: spawning socat on a loaded CI machine can take seconds.
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!(Files.exists(host) && Files.exists(device)) && System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                process = null;
                throw new IOException("socat exited: " + Files.readString(log));
            }
            pause();
        }
        if (!Files.exists(host) || !Files.exists(device)) {
            unplug();
            throw new IOException("socat pty links did not appear within 30 s");
        }
    }

    /** Kills socat: both ptys vanish at once, like pulling the USB adapter. */
    public synchronized void unplug() {
        if (process != null) {
            process.destroyForcibly();
            try {
                process.waitFor(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            process = null;
        }
        try {
            Files.deleteIfExists(host); // a killed socat leaves its links behind
            Files.deleteIfExists(device);
        } catch (IOException ignored) {
            // only dangling links of a pair already gone
        }
    }

    @Override
    public void close() {
        unplug();
    }

    private static void pause() throws IOException {
        try {
            Thread.sleep(20);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted waiting for socat", e);
        }
    }
}
