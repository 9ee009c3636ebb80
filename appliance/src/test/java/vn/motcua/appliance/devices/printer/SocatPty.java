package vn.motcua.appliance.devices.printer;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * A pseudo-terminal pair from socat (Debian package {@code socat}), raw, no echo: the device side
 * for a simulator and the host side for the real adapter. Started per test, on this machine only.
 */
public final class SocatPty implements AutoCloseable {
    private final Process process;
    public final Path host;
    public final Path device;

    public SocatPty(Path dir) throws IOException, InterruptedException {
        host = dir.resolve("host");
        device = dir.resolve("device");
        process = new ProcessBuilder("socat", "-d", "pty,raw,echo=0,link=" + host, "pty,raw,echo=0,link=" + device)
                .redirectErrorStream(true).redirectOutput(dir.resolve("socat.log").toFile()).start();
        for (int i = 0; i < 100 && !(Files.exists(host) && Files.exists(device)); i++) {
            if (!process.isAlive()) {
                throw new IOException("socat exited: " + Files.readString(dir.resolve("socat.log")));
            }
            Thread.sleep(20);
        }
        if (!Files.exists(host) || !Files.exists(device)) {
            close();
            throw new IOException("socat pty links did not appear within 2 s");
        }
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(2, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
