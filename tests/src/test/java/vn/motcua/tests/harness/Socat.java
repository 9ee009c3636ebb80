package vn.motcua.tests.harness;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;



/** A socat pseudo-terminal pair: one end for the appliance's jSerialComm adapter, the other for the boards. */
public final class Socat implements AutoCloseable {
    public final Path applianceEnd;
    public final Path boardsEnd;
    private Process process;

    public Socat(Path dir) {
        applianceEnd = dir.resolve("tty-appliance");
        boardsEnd = dir.resolve("tty-boards");
    }

    public Socat start() throws IOException, InterruptedException {
        process = new ProcessBuilder("socat", "pty,raw,echo=0,link=" + applianceEnd, "pty,raw,echo=0,link=" + boardsEnd)
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        Await.until(Duration.ofSeconds(5), () -> Files.exists(applianceEnd) && Files.exists(boardsEnd), () -> "socat ptys");
        return this;
    }

    /** Both ends vanish, like a USB–RS-485 adapter pulled out. */
    public void kill() throws InterruptedException {
        if (process != null) {
            process.destroyForcibly();
            process.waitFor();
            process = null;
        }
    }

    @Override
    public void close() throws InterruptedException {
        kill();
    }
}
