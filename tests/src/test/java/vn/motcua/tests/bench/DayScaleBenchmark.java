package vn.motcua.tests.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import com.fasterxml.jackson.databind.JsonNode;

import vn.motcua.bus.bench.Percentiles;
import vn.motcua.tests.harness.ApplianceProcess;

/**
 * Per-command cost against the day's size (issue 20 item 2): the real appliance process, durable commits, four
 * screens connected to {@code /events} (the hall display, the kiosk, two staff pages) reading every frame, ten
 * counters open. A window of ticket lifecycles (issue, call-next, finish: three commands) is timed at ticket ~200
 * and again at ticket ~20,000 of the same day in the same run; the ratio of the two rates is the figure. Between the
 * windows the day fills with the same lifecycles, so the tickets of the day are finished ones (the queue itself stays
 * short, as in an office), which is what must not slow a command down. The JIT is warmed first on the day before:
 * the benchmark sets the day to roll a minute or two after start and runs lifecycles until it has, so the window
 * at ticket ~200 measures a warm appliance on a young day, not a cold one.
 *
 * <p>Run: {@code tests/bench.sh day-scale [tickets] [window]} (defaults 20000 and 300 lifecycles).
 */
public final class DayScaleBenchmark {
    private static final ZoneId HANOI = ZoneId.of("Asia/Ho_Chi_Minh");
    private static final String[] SERVICES = {"ho-tich", "dat-dai", "xay-dung", "kinh-doanh", "ldtbxh", "chung-thuc"};
    /** A counter that serves each service above, first in its preference. */
    private static final int[] COUNTER_OF = {2, 4, 5, 6, 7, 8};

    private ApplianceHttp client;
    private int issued;
    /** Commands the last {@link #lifecycles} ran. */
    private int lastCommands;

    public static void main(String[] args) throws Exception {
        int tickets = args.length > 0 ? Integer.parseInt(args[0]) : 20_000;
        int window = args.length > 1 ? Integer.parseInt(args[1]) : 300;
        new DayScaleBenchmark().run(tickets, window);
    }

    private void run(int tickets, int window) throws Exception {
        Path dir = Files.createTempDirectory("motcua-day-scale");
        System.out.printf("Day-scale benchmark: windows of %d lifecycles at ticket ~200 and ~%,d, %s, load %s%n",
                window, tickets, Runtime.version(), Files.readString(Path.of("/proc/loadavg")).trim());
        // the warm-up day ends at the first whole minute at least 70 s away
        LocalTime rollAt = LocalTime.now(HANOI).plusSeconds(70).truncatedTo(ChronoUnit.MINUTES).plusMinutes(1);
        // room for 20,000 tickets in a day: six services of up to 9,999 numbers, no daily cap
        try (ApplianceProcess app = new ApplianceProcess(dir, toml -> toml
                .replaceAll("last_number  = 999\\b", "last_number  = 9999")
                .replaceAll("daily_cap    = \\d+", "daily_cap    = 0")
                // an office's printer is a device of its own: not the demo's PNG writer on the appliance's CPU
                .replace("[devices.printer]\n", "[devices.printer]\nsimulated_images = false\n")
                .replaceAll("(?m)^day_starts_at\\s*=.*$", "day_starts_at = \"" + rollAt + "\""))) {
            app.start();
            client = new ApplianceHttp("http://127.0.0.1:" + app.port());
            List<Thread> screens = new ArrayList<>();
            AtomicLong frames = new AtomicLong();
            for (int i = 0; i < 4; i++) {
                screens.add(Thread.ofVirtual().start(() -> client.readToEnd("/events", frames)));
            }
            String firstDay = post("/api/queue", null).path("day").asText();
            openCounters();
            int warm = 0;
            while (post("/api/queue", null).path("day").asText().equals(firstDay)) {
                try {
                    lifecycles(50, null);
                    warm += 50;
                } catch (IllegalStateException closedByTheRoll) {
                    // the roll closed the counters mid-lifecycle: a call or a finish then finds the counter closed
                    String m = closedByTheRoll.getMessage();
                    if (!m.contains("COUNTER_CLOSED") && !m.contains("COUNTER_IDLE")) {
                        throw closedByTheRoll;
                    }
                }
            }
            System.out.printf("warmed with %,d lifecycles on %s; the day rolled at %s%n", warm, firstDay, rollAt);
            issued = 0;
            openCounters(); // the roll closed them
            lifecycles(200 - window / 2, null); // to ticket ~200 - window/2
            long[] early = new long[window * 3];
            double earlyRate = lifecycles(window, early);
            early = java.util.Arrays.copyOf(early, lastCommands);
            lifecycles(tickets - issued - window / 2, null);
            long[] late = new long[window * 3];
            double lateRate = lifecycles(window, late);
            late = java.util.Arrays.copyOf(late, lastCommands);
            Percentiles pe = Percentiles.of(early);
            Percentiles pl = Percentiles.of(late);
            System.out.printf("at ticket ~%,5d: %6.0f commands/s  p50 %.2f ms  p99 %.2f ms%n", 200, earlyRate,
                    pe.p50() / 1e6, pe.p99() / 1e6);
            System.out.printf("at ticket ~%,5d: %6.0f commands/s  p50 %.2f ms  p99 %.2f ms%n", issued - window / 2,
                    lateRate, pl.p50() / 1e6, pl.p99() / 1e6);
            System.out.printf("rate at ~%,d vs ~200: x%.2f (goal: within 1.2x, i.e. >= 0.83); frames read by the four"
                    + " screens: %,d; appliance RSS %,d KiB%n", issued - window / 2, lateRate / earlyRate, frames.get(),
                    ProcessMemory.rssKiB(app.pid()));
            screens.forEach(Thread::interrupt);
        }
    }

    private void openCounters() throws Exception {
        for (int counter : COUNTER_OF) {
            post("/api/counters/" + counter + "/open", "{\"staff\":\"clerk" + counter + "\"}");
        }
    }

    /**
     * {@code n} lifecycles round the services; each command's latency into {@code nanos} if given. A call-next that
     * calls nobody (the roll expired the ticket just issued) is not followed by a finish; the rate counts what ran.
     */
    private double lifecycles(int n, long[] nanos) throws Exception {
        long start = System.nanoTime();
        int commands = 0;
        for (int i = 0; i < n; i++) {
            int s = issued % SERVICES.length;
            long t0 = System.nanoTime();
            post("/api/tickets", "{\"service\":\"" + SERVICES[s] + "\"}");
            long t1 = System.nanoTime();
            JsonNode called = post("/api/counters/" + COUNTER_OF[s] + "/call-next", "{}");
            long t2 = System.nanoTime();
            boolean someone = called.path("ticket").isObject();
            if (someone) {
                post("/api/counters/" + COUNTER_OF[s] + "/finish", "{}");
            }
            long t3 = System.nanoTime();
            issued++;
            if (nanos != null) {
                nanos[commands] = t1 - t0;
                nanos[commands + 1] = t2 - t1;
                if (someone) {
                    nanos[commands + 2] = t3 - t2;
                }
            }
            commands += someone ? 3 : 2;
        }
        lastCommands = commands;
        return commands / ((System.nanoTime() - start) / 1e9);
    }

    private JsonNode post(String path, String json) throws Exception {
        return client.post(path, json);
    }
}
