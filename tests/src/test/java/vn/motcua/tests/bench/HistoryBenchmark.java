package vn.motcua.tests.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import vn.motcua.appliance.config.ApplianceConfig;
import vn.motcua.appliance.config.ConfigLoader;
import vn.motcua.appliance.domain.CounterDef;
import vn.motcua.appliance.domain.OfficeLayout;
import vn.motcua.appliance.domain.Priority;
import vn.motcua.appliance.domain.ServiceDef;
import vn.motcua.appliance.domain.Ticket;
import vn.motcua.appliance.domain.TicketStatus;
import vn.motcua.appliance.history.DayCube;
import vn.motcua.appliance.store.Database;
import vn.motcua.appliance.store.EventStamper;
import vn.motcua.appliance.store.QueueStore;
import vn.motcua.appliance.store.Watermarks;
import vn.motcua.bus.bench.Percentiles;
import vn.motcua.tests.harness.ApplianceProcess;
import vn.motcua.tests.harness.StaffFile;

/**
 * The office's history at its budget (issue 18): two years of a busy office's days (2,000 tickets a day over the
 * demo's ten counters, ten clerks and six services) stored as the day roll stores them, then the real appliance
 * process asked for reports and exports over those two years, side by side in the same run with the same asks over
 * one day (the baseline). Prints: bytes stored per office-day (the H2 file with the two years vs the same database
 * before), p50/p99 of each ask, and the appliance's RSS before and after the two-year asks beside its idle RSS.
 *
 * <p>The days' cells are made by the product's {@link DayCube} from synthetic tickets and written with
 * {@link QueueStore#replaceDayFigures} into the appliance's own database while it is stopped: running 1.4 million real
 * commands would take hours and measure the queue, not the history. Run: {@code tests/bench.sh history [days]}.
 */
public final class HistoryBenchmark {
    private static final ZoneId HANOI = ZoneId.of("Asia/Ho_Chi_Minh");
    private static final int TICKETS_PER_DAY = 2_000;
    private static final int REPEATS = 7;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private String base;
    private String cookie;

    public static void main(String[] args) throws Exception {
        int days = args.length > 0 ? Integer.parseInt(args[0]) : 730;
        new HistoryBenchmark().run(days);
    }

    private void run(int days) throws Exception {
        Path dir = Files.createTempDirectory("motcua-history-bench");
        System.out.printf("History benchmark: %d office-days of %,d tickets, %s, load %s%n", days, TICKETS_PER_DAY,
                Runtime.version(), Files.readString(Path.of("/proc/loadavg")).trim());
        ApplianceProcess app = new ApplianceProcess(dir, toml -> toml);
        StaffFile.write(app.dataDir(), StaffFile.CHI);
        app.start(); // creates the database and its schema
        app.stop();

        ApplianceConfig cfg = ConfigLoader.load(dir.resolve("appliance.conf"));
        Path db = app.dataDir().resolve("motcua.mv.db");
        long before = Files.size(db);
        LocalDate last = LocalDate.now(HANOI).minusDays(1);
        LocalDate first = last.minusDays(days - 1);
        long fillStart = System.nanoTime();
        int cells = fill(cfg, app.dataDir(), first, last);
        long after = Files.size(db);
        System.out.printf("stored: %,d cells in %.1f s; H2 file %,d -> %,d bytes: %,.0f bytes per office-day"
                        + " (%,.0f cells a day), %.1f MiB for the %d days%n", cells, (System.nanoTime() - fillStart) / 1e9,
                before, after, (after - before) / (double) days, cells / (double) days, (after - before) / 1048576.0, days);

        app.start();
        try {
            base = "http://127.0.0.1:" + app.port();
            cookie = login();
            long idle = ProcessMemory.rssKiB(app.pid());
            String oneDay = "period=day&date=" + last;
            String twoYears = "period=custom&from=" + first + "&to=" + last;
            String month = "month=" + last.toString().substring(0, 7);
            List<String[]> asks = List.of(
                    new String[] {"report data, by service", "/manager/reports/data?group=service&"},
                    new String[] {"report data, by clerk", "/manager/reports/data?group=clerk&"},
                    new String[] {"report data, by day", "/manager/reports/data?group=day&"},
                    new String[] {"chart: trend (SVG)", "/manager/reports/chart.svg?kind=trend&group=service&"},
                    new String[] {"export XLSX (every grouping)", "/manager/reports/export.xlsx?group=service&"},
                    new String[] {"export CSV, by day", "/manager/reports/export.csv?group=day&"});
            System.out.printf("%-32s %12s %12s %14s %14s %8s%n", "ask", "1 day p50", "1 day p99", "2 years p50",
                    "2 years p99", "ratio");
            for (String[] ask : asks) {
                Percentiles small = time(ask[1] + oneDay);
                Percentiles big = time(ask[1] + twoYears);
                System.out.printf("%-32s %9.1f ms %9.1f ms %11.1f ms %11.1f ms %7.1fx%n", ask[0], small.p50() / 1e6,
                        small.p99() / 1e6, big.p50() / 1e6, big.p99() / 1e6, big.p50() / (double) Math.max(1, small.p50()));
            }
            Percentiles pdf = time("/manager/reports/monthly.pdf?" + month);
            System.out.printf("%-32s %9.1f ms %9.1f ms (one month, the form an office files)%n", "monthly report PDF",
                    pdf.p50() / 1e6, pdf.p99() / 1e6);
            long afterAsks = ProcessMemory.rssKiB(app.pid());
            System.out.printf("appliance RSS: idle %,d KiB; after the two-year asks %,d KiB (%+,d KiB, x%.2f)%n", idle,
                    afterAsks, afterAsks - idle, afterAsks / (double) idle);
        } finally {
            app.close();
        }
    }

    /** Two years of days, written as the roll writes them: each day's cells replace what the day held. */
    private static int fill(ApplianceConfig cfg, Path dataDir, LocalDate first, LocalDate last) throws Exception {
        OfficeLayout layout = cfg.office();
        DayCube cube = new DayCube(layout, cfg.manager().alertWait());
        Random random = new Random(18);
        int cells = 0;
        Clock clock = Clock.systemUTC();
        try (QueueStore store = new QueueStore(Database.open(dataDir, clock).connection(),
                new EventStamper("bench", clock, "bench", () -> true), Watermarks.load(dataDir), null)) {
            for (LocalDate d = first; !d.isAfter(last); d = d.plusDays(1)) {
                List<vn.motcua.appliance.history.Cell> day = cube.cells(tickets(layout, d, random));
                store.replaceDayFigures(d, day);
                cells += day.size();
            }
        }
        return cells;
    }

    /** A busy day: each ticket at a counter serving its service, by the clerk of that counter, mostly served. */
    private static List<Ticket> tickets(OfficeLayout layout, LocalDate day, Random random) {
        List<ServiceDef> services = layout.services();
        List<CounterDef> counters = layout.counters();
        List<Ticket> out = new ArrayList<>(TICKETS_PER_DAY);
        Instant open = day.atTime(7, 30).atZone(HANOI).toInstant();
        for (int i = 0; i < TICKETS_PER_DAY; i++) {
            ServiceDef s = services.get(random.nextInt(services.size()));
            List<CounterDef> serving = counters.stream().filter(c -> c.services().contains(s.code())).toList();
            CounterDef c = serving.isEmpty() ? counters.getFirst() : serving.get(random.nextInt(serving.size()));
            Instant issued = open.plusSeconds(random.nextInt(9 * 3600));
            Instant called = issued.plusSeconds(random.nextInt(3600));
            Instant finished = called.plusSeconds(60 + random.nextInt(900));
            int fate = random.nextInt(100);
            TicketStatus status = fate < 85 ? TicketStatus.FINISHED : fate < 95 ? TicketStatus.EXPIRED : TicketStatus.NO_SHOW;
            boolean done = status == TicketStatus.FINISHED;
            String number = s.prefix() + String.format("%03d", i % 1000);
            out.add(new Ticket(day + "/" + number + "-" + i, day, number, i, s.code(),
                    random.nextInt(10) == 0 ? Priority.ELDERLY : Priority.NORMAL, i, status, issued, c.number(), 0,
                    status == TicketStatus.EXPIRED && fate > 92 ? null : called, done ? called : null,
                    done ? finished : null, status == TicketStatus.NO_SHOW ? called.plusSeconds(120) : null, 0,
                    random.nextInt(50) == 0 ? 1 : 0, null, done ? "clerk" + c.number() : null,
                    done && random.nextBoolean() ? 1 + random.nextInt(4) : 0, random.nextInt(40) == 0 ? 1 : 0));
        }
        return out;
    }

    private Percentiles time(String path) throws Exception {
        long[] nanos = new long[REPEATS];
        for (int i = 0; i < REPEATS; i++) {
            long t0 = System.nanoTime();
            HttpResponse<byte[]> r = http.send(HttpRequest.newBuilder(URI.create(base + path)).header("Cookie", cookie)
                    .timeout(Duration.ofSeconds(120)).build(), HttpResponse.BodyHandlers.ofByteArray());
            nanos[i] = System.nanoTime() - t0;
            if (r.statusCode() != 200) {
                throw new IllegalStateException(path + " answered " + r.statusCode() + ": " + new String(r.body()));
            }
        }
        return Percentiles.of(nanos);
    }

    private String login() throws Exception {
        HttpResponse<String> ok = http.send(HttpRequest.newBuilder(URI.create(base + "/counter/login"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"user\":\"chi\",\"password\":\"quan-ly-9\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
        if (ok.statusCode() != 200) {
            throw new IllegalStateException("manager login answered " + ok.statusCode() + ": " + ok.body());
        }
        String c = ok.headers().firstValue("set-cookie").orElseThrow();
        return c.substring(0, c.indexOf(';'));
    }
}
