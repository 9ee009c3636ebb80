package vn.motcua.bus.pty;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * The C host simulator (firmware/host) as a child process: several boards running the real
 * firmware core on one pty, like boards on one RS-485 bus. Commands go to its stdin (the control
 * language of firmware/host/sim_control.c); its "event" and "shown" lines are collected. Shared
 * with the end-to-end tests through firmware-bridge's test-jar.
 */
public final class CounterSimProcess implements AutoCloseable {
    /**
     * The simulator firmware-bridge's build makes, seen from this module's folder or from a sibling
     * module's (the tests run with the module folder as working directory).
     */
    public static final Path EXECUTABLE = Files.isDirectory(Path.of("firmware"))
            ? Path.of("firmware/build/counter-sim") : Path.of("../firmware-bridge/firmware/build/counter-sim");

    /** A press as the board queued it (its own log, independent of the master). */
    public record BoardEvent(int address, int seq, int key, int arg, long micros) {}

    /** A display change as the board applied it. */
    public record Shown(int address, String text, String counter, boolean blink, long micros) {}

    private final Process process;
    private final Writer in;
    private final BlockingQueue<String> answers = new LinkedBlockingQueue<>();
    private final List<BoardEvent> events = new ArrayList<>();
    private final List<Shown> shown = new ArrayList<>();
    private final List<String> links = new ArrayList<>();

    /** Boards such as "1-4" or "1,3,8" on {@code pty}; the simulator's stderr goes to this process's. */
    public CounterSimProcess(Path pty, String boards, int baud) throws IOException {
        this(pty, boards, baud, ProcessBuilder.Redirect.INHERIT);
    }

    /** The same, the simulator's stderr appended to {@code log}. */
    public CounterSimProcess(Path pty, String boards, int baud, Path log) throws IOException {
        this(pty, boards, baud, ProcessBuilder.Redirect.appendTo(log.toFile()));
    }

    private CounterSimProcess(Path pty, String boards, int baud, ProcessBuilder.Redirect stderr) throws IOException {
        process = new ProcessBuilder(EXECUTABLE.toString(), "--pty", pty.toString(), "--boards", boards,
                "--baud", Integer.toString(baud)).redirectError(stderr).start();
        in = new OutputStreamWriter(process.getOutputStream(), StandardCharsets.US_ASCII);
        Thread reader = new Thread(this::readLines, "counter-sim-stdout");
        reader.setDaemon(true);
        reader.start();
    }

    private void readLines() {
        try (BufferedReader r = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.US_ASCII))) {
            boolean trace = Boolean.getBoolean("sim.trace");
            for (String line; (line = r.readLine()) != null; ) {
                if (trace) {
                    System.err.println("sim> " + line);
                }
                String[] t = line.split(" ");
                synchronized (this) {
                    switch (t[0]) {
                        case "event" -> events.add(new BoardEvent(Integer.parseInt(t[1]), Integer.parseInt(t[2]),
                                Integer.parseInt(t[3]), Integer.parseInt(t[4]), Long.parseLong(t[5])));
                        case "shown" -> {
                            String text = line.substring(line.indexOf('[') + 1, line.indexOf(']'));
                            String[] rest = line.substring(line.indexOf(']') + 2).split(" ");
                            shown.add(new Shown(Integer.parseInt(t[1]), text, rest[0], rest[1].equals("1"),
                                    Long.parseLong(rest[2])));
                        }
                        case "link" -> links.add(line);
                        case "ok", "err" -> answers.add(line);
                        default -> { }
                    }
                }
            }
        } catch (IOException ignored) {
            // the process ended
        }
    }

    /** Sends a command and returns its "ok ..." answer; fails on "err" or after 30 s. */
    public String command(String line) {
        synchronized (in) { // one command and its answer at a time; not on this, which the reader thread takes
            return exchange(line);
        }
    }

    private String exchange(String line) {
        try {
            in.write(line + "\n");
            in.flush();
            String answer = answers.poll(30, TimeUnit.SECONDS); // only a hung simulator takes this long
            if (answer == null || !answer.startsWith("ok")) {
                fail("simulator command '" + line + "' answered " + answer);
            }
            return answer;
        } catch (IOException | InterruptedException e) {
            throw new AssertionError("simulator command failed: " + line, e);
        }
    }

    /** "[TEXT] COUNTER BLINK SET" of a board, e.g. "[A023] 5 0 1". */
    public String display(int address) {
        return command("display " + address).substring(("ok display " + address + " ").length());
    }

    /** The four ticket characters board {@code address} lights now, e.g. "A023". */
    public String ticketShown(int address) {
        String d = display(address);
        return d.substring(d.indexOf('[') + 1, d.indexOf(']'));
    }

    /** A clerk presses keys on a board's keypad, e.g. {@code press(1, "PAUSE", "CALL_NEXT")}. */
    public void press(int address, String... keys) {
        command("press " + address + " " + String.join(" ", keys));
    }

    public synchronized List<BoardEvent> events(int address) {
        return events.stream().filter(e -> e.address() == address).toList();
    }

    public synchronized List<Shown> shown() {
        return List.copyOf(shown);
    }

    public synchronized long linkUps() {
        return links.stream().filter(l -> l.equals("link up")).count();
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
                process.waitFor(2, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
