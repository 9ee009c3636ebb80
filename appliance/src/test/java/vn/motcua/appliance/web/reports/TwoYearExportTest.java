package vn.motcua.appliance.web.reports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import vn.motcua.appliance.Appliance;
import vn.motcua.appliance.TestStores;
import vn.motcua.appliance.config.ConfigLoader;
import vn.motcua.appliance.domain.Priority;
import vn.motcua.appliance.domain.QueueEngine;
import vn.motcua.appliance.history.Cell;
import vn.motcua.appliance.history.CellKey;
import vn.motcua.appliance.history.Figures;
import vn.motcua.appliance.history.Grouping;
import vn.motcua.appliance.history.Histogram;
import vn.motcua.appliance.history.Period;
import vn.motcua.appliance.history.Report;
import vn.motcua.appliance.service.OfficeHistory;
import vn.motcua.appliance.web.auth.PasswordHash;
import vn.motcua.appliance.web.auth.StaffAccounts;
import vn.motcua.bus.MutableClock;

/**
 * Issue 18: "a 2-year export of a busy office completes in seconds". Two years (730 days) of a busy office's cells
 * in the real store: 6 services, 6 counters with 8 clerks, 10 opening hours, about 600 tickets a day, which is
 * 200-odd cells a day once every ticket has found its service × counter × clerk × hour (148,000 cells). The XLSX
 * of the whole range (7 sheets) and the CSV by day are then asked over HTTP as a manager would, and timed from
 * request to last byte: reading the store, summing, writing. Each must answer whole; the times are printed for
 * BENCHMARKS.md, never asserted (a loaded machine is no place for a timed bound).
 */
class TwoYearExportTest {
    private static final int DAYS = 730;

    @TempDir
    Path dir;

    @Test
    void twoYearsOfABusyOfficeExportInSeconds() throws Exception {
        Files.writeString(dir.resolve("staff.accounts"),
                StaffAccounts.line("chi", "*", PasswordHash.hash("quan-ly-9".toCharArray())) + "\n");
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        try (Appliance appliance = new Appliance(ConfigLoader.parse(TestStores.demoToml(dir), "test"),
                new MutableClock(Instant.now()))) {
            appliance.start();
            String base = "http://127.0.0.1:" + appliance.webPort();
            HttpResponse<String> login = http.send(HttpRequest.newBuilder(URI.create(base + "/counter/login"))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"user\":\"chi\",\"password\":\"quan-ly-9\"}")).build(),
                    HttpResponse.BodyHandlers.ofString());
            String cookie = login.headers().firstValue("set-cookie").orElseThrow().split(";")[0];
            LocalDate today = appliance.queue().read(QueueEngine::day);
            LocalDate from = today.minusDays(DAYS);
            long cells = 0;
            long writing = System.nanoTime();
            Random random = new Random(730);
            List<String> services = new ArrayList<>(appliance.queue().layout().servicesByCode().keySet());
            for (LocalDate d = from; d.isBefore(today); d = d.plusDays(1)) {
                List<Cell> day = busyDay(d, services, random);
                appliance.store().replaceDayFigures(d, day);
                cells += day.size();
            }
            System.out.printf("two-year export: %d cells over %d days written in %d ms%n", cells, DAYS,
                    (System.nanoTime() - writing) / 1_000_000);

            // Where the time goes: the store's rows streamed into the six groupings (no list of cells is kept), then
            // the workbook from those reports.
            Runtime rt = Runtime.getRuntime();
            System.gc();
            long heapBefore = rt.totalMemory() - rt.freeMemory();
            long read = System.nanoTime();
            Map<Grouping, Report> reports = Report.of(Period.custom(from, today), EnumSet.allOf(Grouping.class),
                    new OfficeHistory(appliance.store(), appliance.queue(), Duration.ofMinutes(30)));
            long summed = System.nanoTime();
            System.gc();
            System.out.printf("two-year export: the six groupings hold %d MB of heap (the cells streamed through)%n",
                    (rt.totalMemory() - rt.freeMemory() - heapBefore) >> 20);
            long written = System.nanoTime();
            new XlsxExport("", "", new ReportLabels(appliance.queue().layout())).write(reports,
                    java.time.LocalDateTime.now(), new java.io.ByteArrayOutputStream());
            System.out.printf("two-year export: %d cells read and summed into six groupings %d ms, the workbook %d ms%n",
                    cells, (summed - read) / 1_000_000, (System.nanoTime() - written) / 1_000_000);
            long baseline = rssKb();
            for (String path : List.of("/manager/reports/export.xlsx?period=custom&from=" + from + "&to=" + today,
                    "/manager/reports/export.csv?period=custom&from=" + from + "&to=" + today + "&group=day")) {
                long start = System.nanoTime();
                HttpResponse<byte[]> r = http.send(HttpRequest.newBuilder(URI.create(base + path))
                        .header("Cookie", cookie).timeout(Duration.ofMinutes(2)).build(),
                        HttpResponse.BodyHandlers.ofByteArray());
                Duration took = Duration.ofNanos(System.nanoTime() - start);
                assertEquals(200, r.statusCode(), path);
                assertTrue(r.body().length > 1000, path + ": a whole export");
                // timed, not asserted: the figures go to BENCHMARKS.md (a loaded machine is no place for a bound)
                System.out.printf("two-year export: %s: %d bytes in %d ms%n", path.substring(0, path.indexOf('?')),
                        r.body().length, took.toMillis());
            }
            System.out.printf("two-year export: RSS of the appliance's JVM %d MB before the exports, %d MB after%n",
                    baseline / 1024, rssKb() / 1024);
        }
    }

    /** This JVM's resident set (the appliance runs in it), from /proc; 0 where there is none. */
    private static long rssKb() throws java.io.IOException {
        Path status = Path.of("/proc/self/status");
        if (!Files.exists(status)) {
            return 0;
        }
        for (String line : Files.readAllLines(status)) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("[^0-9]", ""));
            }
        }
        return 0;
    }

    /** About 600 tickets over the day's cells, each clerk at one counter with two or three services. */
    private static List<Cell> busyDay(LocalDate d, List<String> services, Random random) {
        Map<CellKey, Figures> day = new TreeMap<>();
        for (int clerk = 1; clerk <= 8; clerk++) {
            int counter = 1 + (clerk - 1) % 6;
            for (int hour = 7; hour < 17; hour++) {
                for (int s = 0; s < 2 + clerk % 2; s++) {
                    String service = services.get((clerk + s) % services.size());
                    day.merge(new CellKey(d, service, counter, "nv" + clerk, hour), figures(random, 3), Figures::plus);
                }
            }
        }
        for (String service : services) {
            for (int hour = 7; hour < 17; hour++) {
                day.merge(new CellKey(d, service, 0, "", hour), figures(random, 1), Figures::plus);
            }
        }
        List<Cell> out = new ArrayList<>(day.size());
        day.forEach((k, f) -> out.add(new Cell(k, f)));
        return out;
    }

    private static Figures figures(Random random, int tickets) {
        int[] issued = new int[Priority.values().length];
        issued[0] = tickets;
        Histogram waits = Histogram.EMPTY;
        Histogram times = Histogram.EMPTY;
        int[] ratings = new int[4];
        for (int i = 0; i < tickets; i++) {
            waits = waits.plus(random.nextInt(2400));
            times = times.plus(60 + random.nextInt(600));
            ratings[random.nextInt(4)]++;
        }
        return new Figures(issued, tickets, tickets, 0, 0, 0, 0, 0, waits, times, ratings);
    }
}
