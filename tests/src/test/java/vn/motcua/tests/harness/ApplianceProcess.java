package vn.motcua.tests.harness;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import com.fasterxml.jackson.databind.JsonNode;
import vn.motcua.appliance.TestStores;
import vn.motcua.appliance.store.EventJson;

/**
 * The appliance as a real child process, started from its packaged jar the way systemd starts it, on a free
 * loopback port with its data in a folder of the test's. It runs the demo office ({@code --demo}: sample
 * dossiers on the status page, since no district is connected). Its daily roll is moved away from the test's hours
 * ({@link TestStores#clearOfTheDailyRoll}): the test may run at any time of day.
 */
public final class ApplianceProcess implements AutoCloseable {
    private static final Path JAR = Path.of(System.getProperty("motcua.applianceJar",
            "../appliance/target/motcua-appliance.jar"));
    /** The package's launcher, for a run with the flags a Pi runs it with ({@link #withLauncher()}). */
    private static final Path LAUNCHER = Path.of(System.getProperty("motcua.launcher",
            "../systemd/bin/motcua-appliance"));
    private static final Path DEMO_CONF = Path.of(System.getProperty("motcua.demoConf",
            "../appliance/src/main/dist/demo.conf"));
    /**
     * Extra JVM flags for the tests' appliance processes (not the launcher's, which has its own), from the build:
     * the test suites give {@code -XX:TieredStopAtLevel=1}. An appliance in a test lives seconds to a minute,
     * where the C2 compiler's threads only compete for the 2 cores with the test and Chromium (the same start and
     * 30 tickets cost 9.1 s of CPU with C2, 5.5 s without); what is tested (commits, kills, answers) does not
     * depend on the compiler. The benchmarks (tests/bench.sh) do not set it: they measure the JVM as shipped.
     */
    private static final List<String> JVM_FLAGS = java.util.Arrays.stream(
            System.getProperty("motcua.applianceJvmFlags", "").trim().split("\\s+")).filter(f -> !f.isEmpty()).toList();

    /** Bounds that only stop a hung test, never timing assertions: wide enough for a loaded CI machine. */
    private static final Duration START_LIMIT = Duration.ofSeconds(120);
    private static final Duration REQUEST_LIMIT = Duration.ofSeconds(30);

    private final Path dir;
    private final Path config;
    private final int port;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(10)).build();
    private Process process;
    private final java.util.Map<String, String> environment = new java.util.HashMap<>();
    private int starts;
    private boolean launcher;
    /** Where this run writes an AOT cache at its clean stop ({@link ApplianceAotCache}'s training run); null: none. */
    private Path aotOutput;
    /** Wraps the command line, e.g. to run it in a network namespace ({@link #inside}); identity by default. */
    private UnaryOperator<List<String>> wrap = UnaryOperator.identity();
    /** Where the local listener is reached: 127.0.0.1, or the namespace address it is bound to. */
    private String host = "127.0.0.1";

    /** Prepares a config from the demo one; {@code edit} may change more of it. */
    public ApplianceProcess(Path dir, UnaryOperator<String> edit) throws IOException {
        this.dir = dir;
        this.port = freePort();
        String toml = TestStores.clearOfTheDailyRoll(Files.readString(DEMO_CONF)
                .replace("data_dir       = \"./data\"", "data_dir = \"" + dir.resolve("data") + "\"")
                .replace("port           = 8080", "port = " + port));
        this.config = dir.resolve("appliance.conf");
        Files.writeString(config, edit.apply(toml));
    }

    /** A port for a listener of the appliance's, see {@link Ports#forAListener()}. */
    public static int freePort() throws IOException {
        return Ports.forAListener();
    }

    public void start() throws IOException, InterruptedException {
        launch();
        // Only stops a hung start: a JVM, Jetty and H2 recovery on a loaded 2-core CI machine can take many seconds.
        long deadline = System.nanoTime() + START_LIMIT.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("appliance exited with " + process.exitValue() + "; see "
                        + dir.resolve("appliance.log") + ":\n" + Files.readString(dir.resolve("appliance.log")));
            }
            try {
                if (get("/healthz").statusCode() > 0) {
                    return;
                }
            } catch (IOException notYet) {
                Thread.sleep(50);
            }
        }
        throw new IllegalStateException("appliance did not answer within " + START_LIMIT.toSeconds() + " s");
    }

    /** Starts the process and returns at once: for a kill that lands during start-up. */
    public void launch() throws IOException {
        if (!Files.isRegularFile(JAR)) {
            throw new IllegalStateException("appliance jar not built: " + JAR.toAbsolutePath());
        }
        if (process != null && process.isAlive()) {
            throw new IllegalStateException("the previous appliance process is still running");
        }
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> cmd;
        if (launcher) { // the package's script with its own JVM flags, this build's jar and JVM, no AOT cache
            cmd = List.of("/bin/sh", LAUNCHER.toString(), "--config", config.toString(), "--demo");
            environment.put("MOTCUA_JAR", JAR.toAbsolutePath().toString());
            environment.put("MOTCUA_JAVA", java);
            // unless the test gives one (withEnvironment): the memory benchmark measures with the cache too
            environment.putIfAbsent("MOTCUA_AOT_DIR", "");
        } else {
            cmd = new ArrayList<>(List.of(java, "-Xmx128m", "-XX:+UseSerialGC", "--enable-native-access=ALL-UNNAMED"));
            cmd.addAll(JVM_FLAGS);
            cmd.addAll(aotOutput != null ? List.of("-XX:AOTCacheOutput=" + aotOutput) : ApplianceAotCache.flag(java, JAR, JVM_FLAGS));
            cmd.addAll(List.of("-jar", JAR.toString(), "--config", config.toString(), "--demo"));
        }
        starts++;
        ProcessBuilder pb = new ProcessBuilder(wrap.apply(cmd));
        pb.environment().putAll(environment);
        process = pb.redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(dir.resolve("appliance.log").toFile())).start();
    }

    /**
     * Starts the appliance through the package's launcher ({@code systemd/bin/motcua-appliance}) with its JVM flags, as
     * systemd does on a Pi, instead of the tests' own flags; the script {@code exec}s the JVM, so {@link #pid()} is
     * the JVM's.
     */
    public ApplianceProcess withLauncher() {
        launcher = true;
        return this;
    }

    /** The training run of {@link ApplianceAotCache}: the JVM writes an AOT cache to {@code file} when stopped cleanly. */
    ApplianceProcess writingAotCache(Path file) {
        aotOutput = file;
        return this;
    }

    /**
     * Runs the appliance with its command line wrapped by {@code wrap} (another host of the LAN: {@code ip netns exec}),
     * its local listener reached at {@code host} (the config must bind it there). The process id stays the JVM's:
     * {@code ip netns exec} execs the command.
     */
    public ApplianceProcess inside(UnaryOperator<List<String>> wrap, String host) {
        this.wrap = wrap;
        this.host = host;
        return this;
    }

    /** Environment for the next start, e.g. systemd's NOTIFY_SOCKET. */
    public ApplianceProcess withEnvironment(String name, String value) {
        environment.put(name, value);
        return this;
    }

    /** The process id, for signals a test sends itself. */
    public long pid() {
        return process.pid();
    }

    /** SIGKILL: no shutdown hook, no flush, like a power cut for the process. */
    public void kill() throws InterruptedException {
        // SIGKILL to the JVM and every process it started (espeak-ng making voice clips), as systemd's kill of the
        // service's control group does: an orphaned espeak-ng would go on writing into the data folder, which the
        // next start or the test's clean-up then finds changing under it.
        List<ProcessHandle> children = process.descendants().toList();
        process.destroyForcibly();
        children.forEach(ProcessHandle::destroyForcibly);
        process.waitFor();
        for (ProcessHandle c : children) {
            try {
                c.onExit().get(30, java.util.concurrent.TimeUnit.SECONDS);
            } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
                throw new IllegalStateException("process " + c.pid() + " of the appliance still running after SIGKILL", e);
            }
        }
    }

    /** SIGTERM: the clean stop systemd does. */
    public int stop() throws InterruptedException {
        process.destroy();
        return process.waitFor();
    }

    public HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(uri(path)).timeout(REQUEST_LIMIT).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    public HttpResponse<String> post(String path, String json) throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(uri(path)).timeout(REQUEST_LIMIT);
        b = json == null ? b.POST(HttpRequest.BodyPublishers.noBody())
                : b.header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json));
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    /**
     * Whether {@code /api/queue} shows the counter open; false while the appliance does not answer. To wait for an open
     * given through a screen or a keypad before the next command, instead of sleeping and hoping.
     */
    public boolean counterOpen(int number) {
        try {
            for (JsonNode c : EventJson.mapper().readTree(get("/api/queue").body()).path("counters")) {
                if (c.path("number").asInt() == number) {
                    return c.path("status").asText().equals("OPEN");
                }
            }
            return false;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private URI uri(String path) {
        return URI.create("http://" + host + ":" + port + path);
    }

    /** The local listener's port (127.0.0.1). */
    public int port() {
        return port;
    }

    public Path dataDir() {
        return dir.resolve("data");
    }

    public int starts() {
        return starts;
    }

    /** The last {@code n} lines of the appliance's log: what a failed wait is diagnosed from. */
    public String logTail(int n) {
        try {
            return lastLines(Files.readString(dir.resolve("appliance.log")), n);
        } catch (IOException e) {
            return "(no log: " + e + ")";
        }
    }

    /** The last {@code n} lines of {@code text}. */
    public static String lastLines(String text, int n) {
        List<String> lines = text.lines().toList();
        return String.join("\n", lines.subList(Math.max(0, lines.size() - n), lines.size()));
    }

    @Override
    public void close() throws InterruptedException {
        if (process != null && process.isAlive()) {
            kill();
        }
    }
}
