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
 * <p>Run: {@code tests/bench.sh memory [days] [tickets-per-day]} (defaults 30 and 2,000).
 */
public final class MemoryBudgetBenchmark {
    /** Counter 1..10 and the service each calls for in this run (the first it serves in the demo). */
    private static final String[] SERVICE_OF = {"ho-tich", "ho-tich", "dat-dai", "dat-dai", "xay-dung", "kinh-doanh",
            "ldtbxh", "chung-thuc", "chung-thuc", "kinh-doanh"};
    private static final Pattern USED = Pattern.compile("used (\\d+)K");

    private ApplianceHttp client;
    private String base;

    public static void main(String[] args) throws Exception {
        int days = args.length > 0 ? Integer.parseInt(args[0]) : 30;
        int perDay = args.length > 1 ? Integer.parseInt(args[1]) : 2_000;
        new MemoryBudgetBenchmark().run(days, perDay);
    }

    private void run(int days, int perDay) throws Exception {
        Path dir = Files.createTempDirectory("motcua-memory");
        System.out.printf("Memory benchmark: %d days of %,d tickets, the launcher's flags, Chromium on /display, %s,"
                + " load %s%n", days, perDay, Runtime.version(), Files.readString(Path.of("/proc/loadavg")).trim());
        List<String> rows = new ArrayList<>();
        ChromeDriver display = null;
        List<Thread> screens = new ArrayList<>();
        try (ApplianceProcess app = new ApplianceProcess(dir, toml -> toml
                .replaceAll("daily_cap    = \\d+", "daily_cap    = 0")
                // an office's printer is a device of its own: not the demo's PNG writer on the appliance's CPU
                .replace("[devices.printer]\n", "[devices.printer]\nsimulated_images = false\n")).withLauncher()) {
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
                long rss = ProcessMemory.rssKiB(app.pid());
                long heap = heapAfterFullGc(app.pid());
                maxRss = Math.max(maxRss, rss);
                if (day == 1) {
                    firstDayHeap = heap;
                    firstDayRss = rss;
                }
                lastDayHeap = heap;
                lastDayRss = rss;
                rows.add("%-36s RSS %,7d KiB   heap after full GC %,7d KiB".formatted("day " + day + " (" + today
                        + ", " + perDay + " tickets)", rss, heap));
                System.out.println(rows.getLast());
                post("/sim/clock/advance?minutes=1440", "");
                Await.until(Duration.ofSeconds(120), () -> !today.equals(dayNow()), "the day after " + today + " begins");
            }
            System.out.println();
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
