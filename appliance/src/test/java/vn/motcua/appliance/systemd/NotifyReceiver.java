package vn.motcua.appliance.systemd;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.BooleanSupplier;

/**
 * A real datagram receiver: {@code socat} bound to a Unix socket, writing what it receives to a
 * file the test polls. Bounded waits only.
 */
public final class NotifyReceiver implements AutoCloseable {
    private static final int MAX_POLLS = 1200;     // x 25 ms = 30 s: only stops a hung test (socat may start late under load)
    private static final long POLL_MS = 25;

    private final Process socat;
    private final Path out;
    private int consumed;

    private NotifyReceiver(Process socat, Path out) {
        this.socat = socat;
        this.out = out;
    }

    public static NotifyReceiver start(String address, Path dir, BooleanSupplier bound) throws Exception {
        Path out = dir.resolve("received-" + System.nanoTime());
        Process p = new ProcessBuilder("socat", "-u", address, "STDOUT")
                .redirectOutput(out.toFile())
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
        for (int i = 0; i < MAX_POLLS && !bound.getAsBoolean(); i++) {
            Thread.sleep(POLL_MS);
        }
        if (!bound.getAsBoolean()) {
            p.destroyForcibly();
            fail("socat did not bind " + address);
        }
        return new NotifyReceiver(p, out);
    }

    /** How many times {@code datagram} has arrived so far (socat writes them one after another). */
    public int count(String datagram) throws IOException {
        String all = read();
        int n = 0;
        for (int i = all.indexOf(datagram); i >= 0; i = all.indexOf(datagram, i + datagram.length())) {
            n++;
        }
        return n;
    }

    /** Waits until exactly {@code expected} follows what was already consumed. */
    public void await(String expected) throws Exception {
        for (int i = 0; i < MAX_POLLS; i++) {
            String all = read();
            if (all.length() >= consumed + expected.length()) {
                String got = all.substring(consumed, consumed + expected.length());
                if (!got.equals(expected)) {
                    fail("expected datagram [" + expected + "] but got [" + got + "]");
                }
                consumed += expected.length();
                return;
            }
            Thread.sleep(POLL_MS);
        }
        fail("no datagram [" + expected + "] within 30 s; got [" + read().substring(consumed) + "]");
    }

    /** For abstract sockets, whose binding cannot be seen on disk: resend until one arrives. */
    void awaitSending(Runnable send, String expected) throws Exception {
        for (int i = 0; i < MAX_POLLS; i++) {
            send.run();
            if (read().contains(expected)) {
                return;
            }
            Thread.sleep(POLL_MS);
        }
        fail("no datagram [" + expected + "] within 30 s");
    }

    private String read() throws IOException {
        return Files.readString(out, StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        socat.destroy();
    }
}
