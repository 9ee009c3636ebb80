package vn.motcua.tests.bench;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import org.openqa.selenium.chrome.ChromeDriver;

import vn.motcua.bus.Await;
import vn.motcua.tests.browser.Browsers;
import vn.motcua.tests.harness.ApplianceProcess;

/**
 * The appliance's memory through busy days (issue 20 item 1): the real appliance started by the package's launcher
 * ({@code systemd/bin/motcua-appliance}, its own JVM flags), Chromium showing {@code /display}, three more screens
 * reading the live feed (the kiosk and two staff pages), ten counters open. Each simulated day, residents take
 * {@code perDay} tickets that are called and finished round the ten counters; then the demo's clock is moved a day
 * forward ({@code /sim/clock/advance}) and the day rolls, as a month of office days would, in one process.
 * <p>Printed per day: the JVM's resident set (VmRSS) as the day ends, before anything is collected, and the heap
 * still in use after a full GC ({@code jcmd GC.run}, then {@code GC.heap_info}): the first says what the Pi pays, the
 * second whether the day's tickets stay on the heap. Goal: RSS under 128 MB throughout and flat across days.
 *
 * <p>Also printed per day: the lifecycles (issue + call-next + finish) per second the day ran at, so a flag that saves
 * memory shows what it costs in speed; at the end, where the resident set goes ({@code /proc/<pid>/smaps_rollup}:
 * anonymous against file-backed, the JVM's threads) and, when the flags ask for it
 * ({@code -XX:NativeMemoryTracking=summary}), the JVM's own account ({@code jcmd VM.native_memory summary}).
 *
 * <p>Run: {@code tests/bench.sh memory [days] [tickets-per-day]} (defaults 30 and 2,000). To measure a lever,
 * {@code -Dmotcua.bench.javaOpts="-XX:..."} gives the launcher more flags ({@code MOTCUA_JAVA_OPTS}, last, so they
 * win); {@code -Dmotcua.bench.histogram=true} prints what the live heap holds at the end, by class;
 * {@code -Dmotcua.bench.aot=true} runs with the JDK's AOT cache as a Pi does after its first restart (a short
 * recording run writes it first, as the launcher would).
 */
public final class MemoryBudgetBenchmark {
    /** Counter 1..10 and the service each calls for in this run (the first it serves in the demo). */
    private static final String[] SERVICE_OF = {"ho-tich", "ho-tich", "dat-dai", "dat-dai", "xay-dung", "kinh-doanh",
            "ldtbxh", "chung-thuc", "chung-thuc", "kinh-doanh"};
    private static final Pattern USED = Pattern.compile("used (\\d+)K");
    /** Extra launcher flags for this run (MOTCUA_JAVA_OPTS), to measure a lever against the launcher's own. */
    private static final String JAVA_OPTS = System.getProperty("motcua.bench.javaOpts", "").trim();
    private static final boolean AOT = Boolean.getBoolean("motcua.bench.aot");
    /** What the live heap holds as the last day ends, by class: to see whether finished tickets stay on it. */
    private static final boolean HISTOGRAM = Boolean.getBoolean("motcua.bench.histogram");

    private ApplianceHttp client;
    private String base;

    public static void main(String[] args) throws Exception {
        int days = args.length > 0 ? Integer.parseInt(args[0]) : 30;
        int perDay = args.length > 1 ? Integer.parseInt(args[1]) : 2_000;
        new MemoryBudgetBenchmark().run(days, perDay);
    }

    private void run(int days, int perDay) throws Exception {
        Path dir = Files.createTempDirectory("motcua-memory");
        System.out.printf("Memory benchmark: %d days of %,d tickets, the launcher's flags%s%s, Chromium on /display, %s,"
                + " load %s%n", days, perDay, JAVA_OPTS.isEmpty() ? "" : " + " + JAVA_OPTS,
                AOT ? ", AOT cache" : ", no AOT cache", Runtime.version(), load());
        List<String> rows = new ArrayList<>();
        ChromeDriver display = null;
        List<Thread> screens = new ArrayList<>();
        Path aotDir = dir.resolve("aot");
        if (AOT) {
            recordAotCache(dir.resolve("recording"), aotDir);
        }
        try (ApplianceProcess app = launched(dir, aotDir)) {
            app.start();
            base = "http://127.0.0.1:" + app.port();
            client = new ApplianceHttp(base);
            System.out.println("JVM flags: " + jvmFlags(app.pid()));
            display = Browsers.open(dir.resolve("chromium"), 1920, 1080);
            display.get(base + "/display");
            ChromeDriver d = display;
            Await.until(Duration.ofSeconds(60), () -> d.executeScript("return document.body.dataset.synced") != null,
                    "the hall display shows the queue");
            for (int i = 0; i < 3; i++) {
                screens.add(Thread.ofVirtual().start(() -> client.readToEnd("/events", new java.util.concurrent.atomic.AtomicLong())));
            }
            rows.add(sample(app.pid(), "start (display open, no ticket yet)"));
            long maxRss = 0;
            long firstDayHeap = -1;
            long lastDayHeap = -1;
            long firstDayRss = -1;
            long lastDayRss = -1;
            for (int day = 1; day <= days; day++) {
                String today = get("/api/queue").path("day").asText();
                long began = System.nanoTime();
                for (int c = 1; c <= 10; c++) {
                    post("/api/counters/" + c + "/open", "{\"staff\":\"clerk" + c + "\"}");
                }
                for (int i = 0; i < perDay; i++) {
                    int c = i % 10 + 1;
                    post("/api/tickets", "{\"service\":\"" + SERVICE_OF[c - 1] + "\"}");
                    if (post("/api/counters/" + c + "/call-next", "{}").path("ticket").isObject()) {
                        post("/api/counters/" + c + "/finish", "{}");
                    }
                }
                double perSecond = perDay / ((System.nanoTime() - began) / 1e9);
                long rss = ProcessMemory.rssKiB(app.pid());
                long heap = heapAfterFullGc(app.pid());
                maxRss = Math.max(maxRss, rss);
                if (day == 1) {
                    firstDayHeap = heap;
                    firstDayRss = rss;
                }
                lastDayHeap = heap;
                lastDayRss = rss;
                rows.add("%-36s RSS %,7d KiB   heap after full GC %,7d KiB   %5.1f lifecycles/s   load %s".formatted(
                        "day " + day + " (" + today + ", " + perDay + " tickets)", rss, heap, perSecond, load()));
                System.out.println(rows.getLast());
                post("/sim/clock/advance?minutes=1440", "");
                Await.until(Duration.ofSeconds(120), () -> !today.equals(dayNow()), "the day after " + today + " begins");
            }
            System.out.println();
            System.out.println(whereItGoes(app.pid()));
            rows.forEach(System.out::println);
            System.out.printf("highest RSS %,d KiB (goal: under 131,072 KiB = 128 MB); RSS day %d vs day 1: x%.2f;"
                    + " heap after full GC day %d vs day 1: x%.2f (flat: about x1.0)%n", maxRss, days,
                    (double) lastDayRss / firstDayRss, days, (double) lastDayHeap / firstDayHeap);
        } finally {
            screens.forEach(Thread::interrupt);
            if (display != null) {
                display.quit();
            }
        }
    }

    private static ApplianceProcess launched(Path dir, Path aotDir) throws Exception {
        ApplianceProcess app = new ApplianceProcess(dir, toml -> toml
                .replaceAll("daily_cap    = \\d+", "daily_cap    = 0")
                // an office's printer is a device of its own: not the demo's PNG writer on the appliance's CPU
                .replace("[devices.printer]\n", "[devices.printer]\nsimulated_images = false\n")).withLauncher();
        if (!JAVA_OPTS.isEmpty()) {
            app.withEnvironment("MOTCUA_JAVA_OPTS", JAVA_OPTS);
        }
        if (AOT) {
            app.withEnvironment("MOTCUA_AOT_DIR", aotDir.toString());
        }
        return app;
    }

    /**
     * The launcher's first run after an install: it records, and the JVM writes the AOT cache as it exits cleanly.
     * A few residents are served meanwhile, so the cache holds what a working day loads, not only the start.
     */
    private void recordAotCache(Path dir, Path aotDir) throws Exception {
        Files.createDirectories(aotDir);
        Files.createDirectories(dir);
        try (ApplianceProcess recording = launched(dir, aotDir)) {
            recording.start();
            client = new ApplianceHttp("http://127.0.0.1:" + recording.port());
            post("/api/counters/1/open", "{\"staff\":\"clerk1\"}");
            for (int i = 0; i < 50; i++) {
                post("/api/tickets", "{\"service\":\"ho-tich\"}");
                post("/api/counters/1/call-next", "{}");
                post("/api/counters/1/finish", "{}");
            }
            recording.stop();
        }
        try (var caches = Files.list(aotDir)) {
            List<Path> written = caches.filter(f -> f.toString().endsWith(".aot")).toList();
            if (written.isEmpty()) {
                throw new IllegalStateException("the recording run wrote no AOT cache in " + aotDir + "; see "
                        + dir.resolve("appliance.log"));
            }
            System.out.printf("AOT cache recorded: %s, %,d KiB%n", written.getFirst().getFileName(),
                    Files.size(written.getFirst()) / 1024);
        }
    }

    /**
     * Where the resident set goes once the last day has ended and its full GC has run: the kernel's split into
     * anonymous memory (heap, metaspace, code cache, stacks, malloc) and file-backed pages (libjvm, the CDS or AOT
     * archive, jars), the number of the JVM's threads, and the JVM's own account when native memory tracking is on.
     */
    private static String whereItGoes(long pid) throws Exception {
        StringBuilder out = new StringBuilder("Where the RSS goes (the last day ended, after its full GC):\n");
        for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/smaps_rollup"))) {
            if (line.matches("(Rss|Pss_Anon|Pss_File|Pss_Shmem|Anonymous|Swap):.*")) {
                out.append("  ").append(line.replaceAll("\\s+", " ")).append('\n');
            }
        }
        try (var tasks = Files.list(Path.of("/proc/" + pid + "/task"))) {
            out.append("  threads: ").append(tasks.count()).append('\n');
        }
        if (JAVA_OPTS.contains("NativeMemoryTracking")) {
            String nmt = jcmd(pid, "VM.native_memory summary");
            nmt.lines().filter(l -> l.startsWith("Total") || l.matches("-\\s+\\S.*\\(reserved=.*"))
                    .forEach(l -> out.append("  NMT ").append(l.replaceAll("\\s+", " ").trim()).append('\n'));
        }
        if (HISTOGRAM) {
            out.append("  live heap by class (jcmd GC.class_histogram, top 25):\n");
            jcmd(pid, "GC.class_histogram").lines().skip(2).limit(25)
                    .forEach(l -> out.append("  ").append(l.trim()).append('\n'));
        }
        return out.toString();
    }

    private static String load() throws java.io.IOException {
        return Files.readString(Path.of("/proc/loadavg")).trim();
    }

    private String sample(long pid, String what) throws Exception {
        String row = "%-36s RSS %,7d KiB   heap after full GC %,7d KiB".formatted(what, ProcessMemory.rssKiB(pid),
                heapAfterFullGc(pid));
        System.out.println(row);
        return row;
    }

    /** Heap in use after a full collection, from the JVM itself (young + old generation). */
    private static long heapAfterFullGc(long pid) throws Exception {
        jcmd(pid, "GC.run");
        long used = 0;
        Matcher m = USED.matcher(jcmd(pid, "GC.heap_info"));
        while (m.find()) {
            used += Long.parseLong(m.group(1));
        }
        return used;
    }

    private static String jvmFlags(long pid) throws Exception {
        String all = jcmd(pid, "VM.command_line");
        return all.lines().filter(l -> l.startsWith("jvm_args")).findFirst().orElse(all).trim();
    }

    private static String jcmd(long pid, String command) throws Exception {
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(),
                Long.toString(pid), command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IllegalStateException("jcmd " + command + " failed: " + out);
        }
        return out;
    }

    /** The queue's business day, or null while the appliance does not answer. */
    private String dayNow() {
        try {
            return get("/api/queue").path("day").asText();
        } catch (Exception notNow) {
            return null;
        }
    }

    private JsonNode get(String path) throws Exception {
        return client.get(path);
    }

    private JsonNode post(String path, String json) throws Exception {
        return client.post(path, json);
    }
}
