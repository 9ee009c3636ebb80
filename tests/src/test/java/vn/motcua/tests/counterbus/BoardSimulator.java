package vn.motcua.tests.counterbus;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import vn.motcua.tests.harness.RealParts;

/**
 * Counter boards running the real C firmware core (the host build), all on one pseudo-terminal like boards on
 * one RS-485 bus. Driven through the simulator's stdin control language (firmware-bridge/firmware/host/sim_control.c).
 */
final class BoardSimulator implements AutoCloseable {
    private final Process process;
    private final Writer in;
    private final BlockingQueue<String> answers = new LinkedBlockingQueue<>();

    BoardSimulator(Path pty, String addresses, Path log) throws IOException {
        process = new ProcessBuilder(RealParts.COUNTER_SIM.toString(), "--pty", pty.toString(), "--boards", addresses,
                "--baud", "115200").redirectError(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        in = new OutputStreamWriter(process.getOutputStream(), StandardCharsets.US_ASCII);
        Thread reader = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(process.getInputStream(),
                    StandardCharsets.US_ASCII))) {
                for (String line; (line = r.readLine()) != null; ) {
                    if (line.startsWith("ok") || line.startsWith("err")) {
                        answers.add(line);
                    }
                }
            } catch (IOException ignored) {
                // process ended
            }
        }, "board-sim-out");
        reader.setDaemon(true);
        reader.start();
    }

    synchronized String command(String line) throws IOException, InterruptedException {
        in.write(line + "\n");
        in.flush();
        String answer = answers.poll(5, TimeUnit.SECONDS);
        if (answer == null || !answer.startsWith("ok")) {
            throw new AssertionError("board simulator: '" + line + "' answered " + answer);
        }
        return answer;
    }

    void press(int address, String... keys) throws IOException, InterruptedException {
        command("press " + address + " " + String.join(" ", keys));
    }

    /** The four ticket digits board {@code address} lights now, e.g. "A023". */
    String ticketShown(int address) throws IOException, InterruptedException {
        String a = command("display " + address);
        return a.substring(a.indexOf('[') + 1, a.indexOf(']'));
    }

    @Override
    public void close() {
        try {
            in.write("quit\n");
            in.flush();
        } catch (IOException ignored) {
            // already gone
        }
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
