package vn.motcua.bus.pty;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import vn.motcua.bus.Await;

/** A pseudo-terminal pair from socat: the master side for jSerialComm, the board side for the simulator. */
final class SocatPair implements AutoCloseable {
    final Path masterEnd;
    final Path boardEnd;
    private Process process;

    SocatPair(Path dir) {
        this.masterEnd = dir.resolve("bus-master");
        this.boardEnd = dir.resolve("bus-boards");
    }

    /** Starts socat and waits (bounded) until both links exist: "plugs the adapter in". */
    SocatPair start() throws IOException {
        process = new ProcessBuilder("socat", "pty,raw,echo=0,link=" + masterEnd, "pty,raw,echo=0,link=" + boardEnd)
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        Await.until(Duration.ofSeconds(5), () -> Files.exists(masterEnd) && Files.exists(boardEnd), () -> "socat links");
        return this;
    }

    /** Kills socat: both ptys vanish, like pulling the USB adapter. */
    void kill() throws InterruptedException {
        if (process != null) {
            process.destroyForcibly();
            process.waitFor();
            process = null;
        }
        try {
            Files.deleteIfExists(masterEnd);
            Files.deleteIfExists(boardEnd);
        } catch (IOException ignored) {
            // socat removes its links itself; this is only a belt for the braces
        }
    }

    @Override
    public void close() {
        try {
            kill();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
