package vn.motcua.tests.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
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
 * share is {@code -Dmotcua.bench.cpuShare=0.5} of one CPU. {@code -Dmotcua.bench.only=commands} runs the commands/s
 * figures alone; {@code -Dmotcua.bench.commandJvmArgs=...} gives their appliances more JVM options (a profiler),
 * {@code -Dmotcua.bench.beforeJar=...} runs an older build's pair beside them, {@code -Dmotcua.bench.held=false}
 * leaves out the held figures, {@code -Dmotcua.bench.printer=off} runs them without the ticket printer,
 * {@code -Dmotcua.bench.warmup=N} warms each appliance with N lifecycles (default: two windows).
 */
public final class PiBudgetBenchmark {
    private static final Path JAR = Path.of(System.getProperty("motcua.applianceJar",
            "appliance/target/motcua-appliance.jar")).toAbsolutePath();
    private static final Path LAUNCHER = Path.of(System.getProperty("motcua.launcher", "systemd/bin/motcua-appliance"));
    private static final double CPU_SHARE = Double.parseDouble(System.getProperty("motcua.bench.cpuShare", "0.5"));
    /** {@code commands}: the commands/s figures alone (this machine, then held), for profiling and before/after runs. */
    private static final String ONLY = System.getProperty("motcua.bench.only", "");
    /** An older build's jar to measure beside {@link #JAR} in the commands/s figure (before and after a change). */
    private static final Path BEFORE_JAR = System.getProperty("motcua.bench.beforeJar") == null ? null
            : Path.of(System.getProperty("motcua.bench.beforeJar")).toAbsolutePath();
    /** Lifecycles each appliance runs before the measured windows (0: twice a window), for the JIT to settle. */
    private static final int WARM_UP = Integer.getInteger("motcua.bench.warmup", 0);
    /** Whether to run the held figures too (when a cgroup can be made); {@code false} for quick runs. */
    private static final boolean HELD = Boolean.parseBoolean(System.getProperty("motcua.bench.held", "true"));
    /**
     * The printer of the commands/s figure's appliances: {@code simulated} (the default, the demo's: every ticket
     * rendered and sent to an in-memory printer that takes it at once) or {@code off} (no ticket rendered), to tell
     * the renderer's share of a command's cost from the rest.
     */
    private static final String PRINTER = System.getProperty("motcua.bench.printer", "simulated");
    /**
     * More JVM options for the appliances of the commands/s figure, split at spaces; {@code {name}} in them becomes
     * {@code durable}, {@code lazy}, {@code before-durable} or {@code before-lazy} (e.g.
     * {@code -XX:StartFlightRecording=filename=/tmp/{name}.jfr}).
     */
    private static final String COMMAND_JVM_ARGS = System.getProperty("motcua.bench.commandJvmArgs", "");
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
        boolean commandsOnly = ONLY.equals("commands");
        if (!commandsOnly && !ONLY.isEmpty()) {
            throw new IllegalArgumentException("motcua.bench.only=" + ONLY + ": known is commands");
        }
        if (!commandsOnly) {
            b.startUp(false);
        }
        b.commandsPerSecond(false);
        if (HELD && b.held.available()) {
            if (!commandsOnly) {
                b.startUp(true);
            }
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

    /**
     * One client's lifecycles, windows alternated between a durable and a not-durable appliance, all running; with
     * {@code -Dmotcua.bench.beforeJar=...} also a durable and a not-durable appliance of that jar (an older build), so
     * a change is measured before and after in the same run.
     */
    private void commandsPerSecond(boolean hold) throws Exception {
        String where = hold ? "held (" + held.describe() + ")" : "this machine";
        List<Path> jars = new ArrayList<>(List.of(JAR));
        if (BEFORE_JAR != null) {
            jars.add(BEFORE_JAR);
        }
        int n = 2 * jars.size();
        List<Process> running = new ArrayList<>();
        try {
            ApplianceHttp[] clients = new ApplianceHttp[n];
            for (int i = 0; i < n; i++) {
                boolean durable = i % 2 == 0;
                Path jar = jars.get(i / 2);
                String name = (i / 2 == 0 ? "" : "before-") + (durable ? "durable" : "lazy");
                Path d = Files.createDirectories(dir.resolve("cmd-" + hold + "-" + name));
                ApplianceProcess conf = new ApplianceProcess(d, toml -> toml
                        .replaceAll("daily_cap    = \\d+", "daily_cap    = 0")
                        .replace("[devices.printer]\n", "[devices.printer]\nsimulated_images = false\n")
                        .replaceAll("(?m)^(\\[devices\\.printer\\][^\\[]*?)^mode = \"simulated\"",
                                "$1mode = \"" + PRINTER + "\"")
                        .replaceAll("(?m)^durable_commits\\s*=.*$", "durable_commits = " + durable));
                Process p = start(appliance(jar, d.resolve("appliance.conf"), commandJvmArgs(name)), hold,
                        d.resolve("appliance.log"));
                running.add(p);
                String base = "http://127.0.0.1:" + conf.port();
                awaitOk(base + "/healthz", p);
                clients[i] = new ApplianceHttp(base);
                for (int c : COUNTER_OF) {
                    clients[i].post("/api/counters/" + c + "/open", "{\"staff\":\"clerk" + c + "\"}");
                }
                lifecycles(clients[i], WARM_UP > 0 ? WARM_UP : window * 2); // the JIT warmed on the same work
            }
            double[][] rates = new double[n][3];
            long[] sent = new long[n];
            long[] wall = new long[n];
            long[] client = new long[n];
            ThreadCpu[] cpu = new ThreadCpu[n];
            for (int round = 0; round < 3; round++) {
                for (int i = 0; i < n; i++) {
                    // each appliance's CPU counted in its own windows only: the others idle meanwhile
                    ThreadCpu before = ThreadCpu.of(running.get(i).pid());
                    long clientBefore = ThreadCpu.ownNanos();
                    Window w = lifecycles(clients[i], window);
                    client[i] += ThreadCpu.ownNanos() - clientBefore;
                    ThreadCpu used = ThreadCpu.of(running.get(i).pid()).minus(before);
                    cpu[i] = cpu[i] == null ? used : cpu[i].plus(used);
                    rates[i][round] = w.rate();
                    sent[i] += w.commands();
                    wall[i] += w.nanos();
                }
            }
            for (int j = 0; j < jars.size(); j++) {
                double durable = median(rates[2 * j]);
                double lazy = median(rates[2 * j + 1]);
                System.out.printf("commands/s, one client, %s%s, printer %s: durable %,.0f (rounds %s), durable_commits = false %,.0f"
                                + " (rounds %s): x%.2f (goal: >= 1,000/s and >= 0.9x); load %s%n", where,
                        j == 0 ? "" : ", before (" + jars.get(j) + ")", PRINTER, durable, rounds(rates[2 * j]), lazy,
                        rounds(rates[2 * j + 1]), durable / lazy, load());
            }
            // Where a command's time goes: the wall time per command beside the CPU the appliance (by thread) and
            // the client spent on it; what is left is waiting (the disk, the scheduler, the other processes).
            for (int i = 0; i < n; i++) {
                System.out.printf("  per command, %s: wall %.0f us; appliance CPU %.0f us (threads: %s); client CPU %.0f us%n",
                        (i / 2 == 0 ? "" : "before, ") + (i % 2 == 0 ? "durable" : "not durable"),
                        wall[i] / 1e3 / sent[i], cpu[i].total() / 1e3 / sent[i], cpu[i].byGroup(sent[i]),
                        client[i] / 1e3 / sent[i]);
            }
            System.out.println();
        } finally {
            for (Process p : running) {
                stop(p);
            }
        }
    }

    private static List<String> commandJvmArgs(String name) {
        return COMMAND_JVM_ARGS.isBlank() ? List.of()
                : Arrays.stream(COMMAND_JVM_ARGS.trim().split("\\s+")).map(a -> a.replace("{name}", name)).toList();
    }

    /** One window of lifecycles: the commands sent and how long they took. */
    record Window(int commands, long nanos) {
        double rate() {
            return commands / (nanos / 1e9);
        }
    }

    private Window lifecycles(ApplianceHttp app, int n) throws Exception {
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
        return new Window(commands, System.nanoTime() - start);
    }

    private List<String> appliance(Path config, List<String> extra) {
        return appliance(JAR, config, extra);
    }

    private List<String> appliance(Path jar, Path config, List<String> extra) {
        List<String> cmd = new ArrayList<>(List.of(java));
        cmd.addAll(FLAGS);
        cmd.addAll(extra);
        cmd.addAll(List.of("-jar", jar.toString(), "--config", config.toString(), "--demo"));
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
     * A process's CPU time from {@code /proc}: the whole (exited threads included) and by thread group, the name a
     * thread has without its number ({@code web-41}: {@code web}, Jetty's pool; {@code ForkJoinPool-1-}: the
     * carriers of virtual threads, which run the printer's jobs).
     */
    record ThreadCpu(long total, Map<String, Long> groups, Map<String, Long> threads) {
        private static final long TICK_NANOS = 10_000_000; // USER_HZ is 100 on Linux

        static ThreadCpu of(long pid) throws IOException {
            Map<String, Long> threads = new TreeMap<>(); // "tid name" -> CPU
            try (var tasks = Files.list(Path.of("/proc", Long.toString(pid), "task"))) {
                for (Path t : tasks.toList()) {
                    try {
                        String stat = Files.readString(t.resolve("stat"));
                        String name = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'))
                                .replaceAll("[-_ ]?[0-9]+[-_ ]?$|-$", "");
                        threads.put(t.getFileName() + " " + name, ticks(stat));
                    } catch (IOException exited) {
                        // the thread ended meanwhile: its time is in the process's total
                    }
                }
            }
            return new ThreadCpu(ticks(Files.readString(Path.of("/proc", Long.toString(pid), "stat"))), Map.of(),
                    threads);
        }

        /** utime + stime of a {@code stat} line, in nanoseconds. */
        private static long ticks(String stat) {
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return (Long.parseLong(f[11]) + Long.parseLong(f[12])) * TICK_NANOS;
        }

        static long ownNanos() {
            return ((com.sun.management.OperatingSystemMXBean) ManagementFactory
                    .getOperatingSystemMXBean()).getProcessCpuTime();
        }

        ThreadCpu plus(ThreadCpu other) {
            Map<String, Long> d = new TreeMap<>(groups);
            other.groups.forEach((k, v) -> d.merge(k, v, Long::sum));
            return new ThreadCpu(total + other.total, d, Map.of());
        }

        /** What was used since {@code before}, by group: each thread's own difference (a new thread's whole time). */
        ThreadCpu minus(ThreadCpu before) {
            Map<String, Long> d = new TreeMap<>();
            threads.forEach((k, v) -> d.merge(k.substring(k.indexOf(' ') + 1), v - before.threads.getOrDefault(k, 0L),
                    Long::sum));
            return new ThreadCpu(total - before.total, d, Map.of());
        }

        /**
         * The groups that took at least 5 us a command, largest first. A thread that ended within the window (Jetty
         * lets idle pool threads go) is missing here but counted in the total.
         */
        String byGroup(long commands) {
            return groups.entrySet().stream().filter(e -> e.getValue() / 1e3 / commands >= 5)
                    .sorted(Map.Entry.<String, Long>comparingByValue(Comparator.reverseOrder()))
                    .map(e -> String.format("%s %.0f", e.getKey(), e.getValue() / 1e3 / commands))
                    .collect(Collectors.joining(", "));
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
