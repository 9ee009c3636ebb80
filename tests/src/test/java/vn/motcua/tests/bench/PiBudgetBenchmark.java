package vn.motcua.tests.bench;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import vn.motcua.tests.harness.ApplianceProcess;

/**
 * The Raspberry Pi's budget (issue 20 item 7), each figure beside its baseline from the same run, on this machine and
 * again with the JVMs held to one CPU at a fraction of its speed (a cgroup CPU quota plus {@code taskset}), as a proxy
 * for a Pi 4's slower cores:
 * <ul>
 * <li>start-up: process start to the first 200 of {@code GET /display}, against a minimal Jetty 12 serving one page
 * ({@link MinimalJettyPage}) with the same JDK and JVM flags, cold runs interleaved, without and with the JDK's AOT
 * cache (goal: within 1.5×); the classes each has loaded by then, and which packages the appliance's are;</li>
 * <li>commands per second, one client (issue, call-next, finish): durable commits against the same appliance with
 * {@code durable_commits = false}, windows alternated between the two (goal: at least 1,000/s and 0.9×).</li>
 * </ul>
 * The figures that take longer have benchmarks of their own, named at the end of the printout: memory through busy
 * days ({@code memory}), a command's cost against the day's size ({@code day-scale}), the uplink's drain.
 * <p>The JVM flags are the launcher's ({@code systemd/bin/motcua-appliance}); the benchmark stops if the two differ.
 * <p>Run: {@code tests/bench.sh pi-budget [cold-runs] [lifecycles-per-window]} (defaults 5 and 300); the held CPU
 * share is {@code -Dmotcua.bench.cpuShare=0.5} of one CPU.
 */
public final class PiBudgetBenchmark {
    private static final Path JAR = Path.of(System.getProperty("motcua.applianceJar",
            "appliance/target/motcua-appliance.jar")).toAbsolutePath();
    private static final Path LAUNCHER = Path.of(System.getProperty("motcua.launcher", "systemd/bin/motcua-appliance"));
    private static final double CPU_SHARE = Double.parseDouble(System.getProperty("motcua.bench.cpuShare", "0.5"));
    /** The launcher's JVM flags, heap at its default; {@link #checkFlagsAreTheLaunchers} keeps them the same. */
    private static final List<String> FLAGS = List.of("-Xms16m", "-Xmx40m", "-Xmn8m", "-Xss512k",
            "-XX:MinHeapFreeRatio=15", "-XX:MaxHeapFreeRatio=40", "-XX:MaxMetaspaceSize=64m",
            "-XX:ReservedCodeCacheSize=16m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC",
            "-XX:+UseCompactObjectHeaders", "-XX:TrimNativeHeapInterval=5000", "-Djdk.nio.maxCachedBufferSize=65536",
            "-XX:+ExitOnOutOfMemoryError", "-Djava.awt.headless=true", "-Dfile.encoding=UTF-8",
            "--enable-native-access=ALL-UNNAMED");
    private static final String[] SERVICES = {"ho-tich", "dat-dai", "xay-dung", "kinh-doanh", "ldtbxh", "chung-thuc"};
    private static final int[] COUNTER_OF = {2, 4, 5, 6, 7, 8};
    private static final Duration LIMIT = Duration.ofSeconds(180);

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    private final Path dir;
    private final int coldRuns;
    private final int window;
    private final Held held;

    private PiBudgetBenchmark(Path dir, int coldRuns, int window) throws IOException {
        this.dir = dir;
        this.coldRuns = coldRuns;
        this.window = window;
        this.held = Held.prepare(CPU_SHARE);
    }

    public static void main(String[] args) throws Exception {
        int cold = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        int window = args.length > 1 ? Integer.parseInt(args[1]) : 300;
        checkFlagsAreTheLaunchers();
        PiBudgetBenchmark b = new PiBudgetBenchmark(Files.createTempDirectory("motcua-pi-budget"), cold, window);
        System.out.printf("Pi budget: %s, %d CPUs, load %s%nJVM flags (the launcher's): %s%nheld: %s%n%n",
                Runtime.version(), Runtime.getRuntime().availableProcessors(), load(), String.join(" ", FLAGS),
                b.held.describe());
        b.startUp(false);
        b.commandsPerSecond(false);
        if (b.held.available()) {
            b.startUp(true);
            b.commandsPerSecond(true);
        }
        System.out.println("""
                Longer figures, benchmarks of their own (BENCHMARKS.md):
                  tests/bench.sh memory [days] [tickets]        RSS through busy days, launcher flags, Chromium on /display
                  tests/bench.sh day-scale [tickets] [window]   commands/s at ticket ~20,000 against ~200
                  ./mvnw -B -q -pl tests -am test -Dtest=UplinkDrainBenchmark -Dmotcua.bench=true \
                -Dsurefire.failIfNoSpecifiedTests=false   backlog drain and live p99""");
        System.out.println("load at the end: " + load());
    }

    /** Cold starts of the appliance and the minimal Jetty, interleaved, without and with an AOT cache. */
    private void startUp(boolean hold) throws Exception {
        String where = hold ? "held (" + held.describe() + ")" : "this machine";
        ApplianceProcess conf = new ApplianceProcess(Files.createDirectories(dir.resolve("start-" + hold)), toml -> toml);
        Path config = dir.resolve("start-" + hold).resolve("appliance.conf");
        int appPort = conf.port();
        int jettyPort = ApplianceProcess.freePort();
        // the first start makes the store and the voice clips: a Pi restarts with both, so that is what is timed
        time(appliance(config, List.of()), appPort, "/display", hold, true);
        for (boolean aot : new boolean[] {false, true}) {
            List<String> appAot = List.of();
            List<String> jettyAot = List.of();
            if (aot) {
                Path appCache = dir.resolve("app-" + hold + ".aot");
                Path jettyCache = dir.resolve("jetty-" + hold + ".aot");
                time(appliance(config, List.of("-XX:AOTCacheOutput=" + appCache)), appPort, "/display", hold, true);
                time(jetty(jettyPort, List.of("-XX:AOTCacheOutput=" + jettyCache)), jettyPort, "/", hold, true);
                appAot = List.of("-XX:AOTCache=" + appCache);
                jettyAot = List.of("-XX:AOTCache=" + jettyCache);
            }
            long[] app = new long[coldRuns];
            long[] jetty = new long[coldRuns];
            Start firstApp = null;
            Start firstJetty = null;
            for (int i = 0; i < coldRuns; i++) {
                Start a = time(appliance(config, appAot), appPort, "/display", hold, i == 0);
                Start j = time(jetty(jettyPort, jettyAot), jettyPort, "/", hold, i == 0);
                app[i] = a.millis;
                jetty[i] = j.millis;
                if (i == 0) {
                    firstApp = a;
                    firstJetty = j;
                }
            }
            Arrays.sort(app);
            Arrays.sort(jetty);
            long pa = app[app.length / 2];
            long pj = jetty[jetty.length / 2];
            System.out.printf("start-up, %s, %s: appliance p50 %,d ms (min %,d), minimal Jetty p50 %,d ms (min %,d):"
                            + " x%.2f (goal: within 1.5x); classes at the first 200: %,d vs %,d (x%.2f); load %s%n",
                    where, aot ? "AOT cache" : "no AOT cache", pa, app[0], pj, jetty[0], (double) pa / pj,
                    firstApp.classes, firstJetty.classes, (double) firstApp.classes / Math.max(1, firstJetty.classes),
                    load());
        }
        if (!hold) {
            whatLoads(config, appPort);
        }
        System.out.println();
    }

    /** The appliance's classes at its first 200 of /display, by package. */
    private void whatLoads(Path config, int port) throws Exception {
        Path log = dir.resolve("class-load.log");
        time(appliance(config, List.of("-Xlog:class+load:file=" + log)), port, "/display", false, false);
        Map<String, Integer> byPackage = new TreeMap<>();
        int total = 0;
        for (String line : Files.readAllLines(log, StandardCharsets.UTF_8)) {
            Matcher m = Pattern.compile("\\] (\\S+) source:").matcher(line);
            if (m.find()) {
                total++;
                byPackage.merge(group(m.group(1)), 1, Integer::sum);
            }
        }
        System.out.printf("what the appliance loads before it serves (%,d classes; -Xlog:class+load), largest first:%n  %s%n",
                total, byPackage.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue(Comparator.reverseOrder()))
                        .limit(16).map(e -> e.getKey() + " " + e.getValue()).collect(Collectors.joining(", ")));
    }

    /** A library's or the JDK's name for a class: its first three package parts (two for java.*, javax.*). */
    private static String group(String className) {
        String[] p = className.split("\\.");
        int n = p[0].equals("java") || p[0].equals("javax") || p[0].equals("sun") || p[0].equals("jdk") ? 2 : 3;
        return String.join(".", Arrays.copyOf(p, Math.min(n, p.length - 1)));
    }

    /** One client's lifecycles, windows alternated between a durable and a not-durable appliance, both running. */
    private void commandsPerSecond(boolean hold) throws Exception {
        String where = hold ? "held (" + held.describe() + ")" : "this machine";
        List<Process> running = new ArrayList<>();
        try {
            ApplianceHttp[] clients = new ApplianceHttp[2];
            for (int i = 0; i < 2; i++) {
                boolean durable = i == 0;
                Path d = Files.createDirectories(dir.resolve("cmd-" + hold + "-" + durable));
                ApplianceProcess conf = new ApplianceProcess(d, toml -> toml
                        .replaceAll("daily_cap    = \\d+", "daily_cap    = 0")
                        .replace("[devices.printer]\n", "[devices.printer]\nsimulated_images = false\n")
                        .replaceAll("(?m)^durable_commits\\s*=.*$", "durable_commits = " + durable));
                Process p = start(appliance(d.resolve("appliance.conf"), List.of()), hold, d.resolve("appliance.log"));
                running.add(p);
                String base = "http://127.0.0.1:" + conf.port();
                awaitOk(base + "/healthz", p);
                clients[i] = new ApplianceHttp(base);
                for (int c : COUNTER_OF) {
                    clients[i].post("/api/counters/" + c + "/open", "{\"staff\":\"clerk" + c + "\"}");
                }
                lifecycles(clients[i], window * 2); // the JIT warmed on the same work
            }
            double[][] rates = new double[2][3];
            for (int round = 0; round < 3; round++) {
                for (int i = 0; i < 2; i++) {
                    rates[i][round] = lifecycles(clients[i], window);
                }
            }
            double durable = median(rates[0]);
            double lazy = median(rates[1]);
            System.out.printf("commands/s, one client, %s: durable %,.0f (rounds %s), durable_commits = false %,.0f"
                            + " (rounds %s): x%.2f (goal: >= 1,000/s and >= 0.9x); load %s%n%n", where, durable,
                    rounds(rates[0]), lazy, rounds(rates[1]), durable / lazy, load());
        } finally {
            for (Process p : running) {
                stop(p);
            }
        }
    }

    private double lifecycles(ApplianceHttp app, int n) throws Exception {
        long start = System.nanoTime();
        int commands = 0;
        for (int i = 0; i < n; i++) {
            int s = i % SERVICES.length;
            app.post("/api/tickets", "{\"service\":\"" + SERVICES[s] + "\"}");
            boolean someone = app.post("/api/counters/" + COUNTER_OF[s] + "/call-next", "{}").path("ticket").isObject();
            commands += 2;
            if (someone) {
                app.post("/api/counters/" + COUNTER_OF[s] + "/finish", "{}");
                commands++;
            }
        }
        return commands / ((System.nanoTime() - start) / 1e9);
    }

    private List<String> appliance(Path config, List<String> extra) {
        List<String> cmd = new ArrayList<>(List.of(java));
        cmd.addAll(FLAGS);
        cmd.addAll(extra);
        cmd.addAll(List.of("-jar", JAR.toString(), "--config", config.toString(), "--demo"));
        return cmd;
    }

    private List<String> jetty(int port, List<String> extra) {
        List<String> cmd = new ArrayList<>(List.of(java));
        cmd.addAll(FLAGS);
        // The appliance's WebServer sets this Jetty setting in code (it spares the platform MBean server at start):
        // the baseline gets it too, so the ratio compares the same Jetty.
        cmd.add("-Dorg.eclipse.jetty.util.referencesPerCacheLine=16");
        cmd.addAll(extra);
        cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), MinimalJettyPage.class.getName(),
                Integer.toString(port)));
        return cmd;
    }

    record Start(long millis, long classes) {}

    /** Starts {@code cmd}, times it to the first 200 of {@code path}, reads its class count if asked, stops it. */
    private Start time(List<String> cmd, int port, String path, boolean hold, boolean countClasses) throws Exception {
        long t0 = System.nanoTime();
        Process p = start(cmd, hold, dir.resolve("start.log"));
        try {
            awaitOk("http://127.0.0.1:" + port + path, p);
            long ms = (System.nanoTime() - t0) / 1_000_000;
            long classes = countClasses ? loadedClasses(p.pid()) : 0;
            return new Start(ms, classes);
        } finally {
            stop(p);
        }
    }

    private Process start(List<String> cmd, boolean hold, Path log) throws IOException {
        return new ProcessBuilder(hold ? held.wrap(cmd) : cmd).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
    }

    private void awaitOk(String url, Process p) throws Exception {
        long deadline = System.nanoTime() + LIMIT.toNanos();
        HttpRequest r = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30)).build();
        while (System.nanoTime() < deadline) {
            if (!p.isAlive()) {
                throw new IllegalStateException(url + ": the process exited with " + p.exitValue() + "; see " + dir);
            }
            try {
                if (http.send(r, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (ConnectException notYet) {
                // not listening yet
            }
            Thread.sleep(5);
        }
        throw new IllegalStateException(url + " did not answer 200 within " + LIMIT.toSeconds() + " s");
    }

    /** SIGTERM and wait: the clean stop systemd does (and what writes an AOT cache being recorded). */
    private static void stop(Process p) throws InterruptedException {
        p.toHandle().descendants().forEach(ProcessHandle::destroy);
        p.destroy();
        if (!p.waitFor(90, TimeUnit.SECONDS)) {
            p.destroyForcibly().waitFor();
        }
    }

    private static long loadedClasses(long pid) throws Exception {
        // through the wrapper (taskset, sh) the JVM is the process itself: sh execs it
        Process j = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(),
                Long.toString(pid), "PerfCounter.print").redirectErrorStream(true).start();
        String out = new String(j.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        j.waitFor(60, TimeUnit.SECONDS);
        Matcher m = Pattern.compile("java\\.cls\\.loadedClasses=(\\d+)").matcher(out);
        return m.find() ? Long.parseLong(m.group(1)) : -1;
    }

    private static double median(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        return s[s.length / 2];
    }

    private static String rounds(double[] v) {
        return Arrays.stream(v).mapToObj(x -> String.format("%,.0f", x)).collect(Collectors.joining(" / "));
    }

    private static String load() throws IOException {
        String[] l = Files.readString(Path.of("/proc/loadavg")).trim().split(" ");
        return l[0] + " " + l[1] + " " + l[2];
    }

    /** Each flag of {@link #FLAGS} is in the launcher, so the figures are the launcher's JVM's. */
    private static void checkFlagsAreTheLaunchers() throws IOException {
        String script = Files.readString(LAUNCHER);
        for (String f : FLAGS) {
            String want = f.startsWith("-Xmx") ? "-Xmx\"${MOTCUA_HEAP:-" + f.substring(4) + "}\"" : f;
            if (!script.contains(want)) {
                throw new IllegalStateException("the launcher " + LAUNCHER + " no longer has " + want
                        + ": update PiBudgetBenchmark.FLAGS to its flags");
            }
        }
    }

    /**
     * A cgroup (v1 {@code cpu} controller, or v2) with a CPU quota of {@code share} of one CPU, and {@code taskset}
     * to one CPU: a slower machine's single core, roughly. Unavailable without root or a writable cgroup tree, which
     * the printout says.
     */
    record Held(Path procs, double share, String why) {
        static Held prepare(double share) {
            long quota = Math.round(share * 100_000);
            Path v1 = Path.of("/sys/fs/cgroup/cpu/motcua-pi-budget");
            try {
                Files.createDirectories(v1);
                Files.writeString(v1.resolve("cpu.cfs_period_us"), "100000");
                Files.writeString(v1.resolve("cpu.cfs_quota_us"), Long.toString(quota));
                return new Held(v1.resolve("cgroup.procs"), share, null);
            } catch (IOException | RuntimeException noV1) {
                Path v2 = Path.of("/sys/fs/cgroup/motcua-pi-budget");
                try {
                    Files.createDirectories(v2);
                    Files.writeString(v2.resolve("cpu.max"), quota + " 100000");
                    return new Held(v2.resolve("cgroup.procs"), share, null);
                } catch (IOException | RuntimeException noV2) {
                    return new Held(null, share, "no writable cgroup cpu controller (" + noV1.getMessage() + "; "
                            + noV2.getMessage() + ")");
                }
            }
        }

        boolean available() {
            return procs != null;
        }

        String describe() {
            return available() ? "CPU 0 only, quota %.0f%% of it (%s)".formatted(share * 100, procs.getParent())
                    : "not measured: " + why;
        }

        List<String> wrap(List<String> cmd) {
            List<String> w = new ArrayList<>(List.of("taskset", "-c", "0", "/bin/sh", "-c",
                    "echo $$ > " + procs + " && exec \"$@\"", "sh"));
            w.addAll(cmd);
            return w;
        }
    }
}
