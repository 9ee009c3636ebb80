package vn.motcua.appliance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import vn.motcua.appliance.history.Cell;
import vn.motcua.appliance.history.Figures;
import vn.motcua.appliance.history.Histogram;
import vn.motcua.appliance.history.SimulatedOffice;
import vn.motcua.appliance.store.OutboxEvent;
import vn.motcua.appliance.store.QueueStore;
import vn.motcua.appliance.store.StoreFixture;
import vn.motcua.bus.MutableClock;

/** The technician's {@code --recompute-figures} over a store that ran simulated office days. */
class FigureRecomputeTest {
    private static final int DAYS = 10; // two working weeks: eight working days, two weekends
    @TempDir
    static Path dir;
    static Path config;
    static List<LocalDate> workingDays;
    private final MutableClock clock = new MutableClock(Instant.parse("2026-12-01T01:00:00Z"));

    @BeforeAll
    static void runTheOffice() throws Exception {
        Path data = dir.resolve("data");
        try (SimulatedOffice.Result r = SimulatedOffice.run(data, 7L, DAYS)) {
            workingDays = r.independent().days();
        }
        // the demo office's config over that data, with the simulation's alert_wait
        config = dir.resolve("appliance.conf");
        Files.writeString(config, TestStores.demoToml(data).replace("alert_wait    = \"30m\"",
                "alert_wait    = \"" + SimulatedOffice.ALERT_WAIT.toMinutes() + "m\""));
    }

    private record Run(int status, Map<String, String> days, String out, String err) {}

    private static Run recompute(LocalDate from, LocalDate to, boolean write) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = new FigureRecompute(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8)).run(config, from, to, write);
        String o = out.toString(StandardCharsets.UTF_8);
        Map<String, String> days = new TreeMap<>();
        o.lines().filter(l -> Character.isDigit(l.charAt(0))).forEach(l -> days.put(l.substring(0, 10), l.substring(11)));
        return new Run(status, days, o, err.toString(StandardCharsets.UTF_8));
    }

    private static Run everything(boolean write) {
        return recompute(FigureRecompute.EARLIEST, FigureRecompute.LATEST, write);
    }

    @Test
    void figuresWrittenByTheRollsAreTheSameAsTheOnesRecomputedFromTheEvents() {
        Run r = everything(false);
        assertEquals(0, r.status(), r.out() + r.err());
        assertEquals(DAYS, r.days().size(), "every rolled day, weekends too (no tickets, no cells): " + r.out());
        r.days().values().forEach(line -> assertEquals("same", line, r.out()));
    }

    @Test
    void aDayThatDiffersOrIsMissingIsReportedAndOnlyWrittenWhenAsked() throws Exception {
        LocalDate changed = workingDays.get(1);
        LocalDate lost = workingDays.get(2);
        List<Cell> original;
        List<Cell> tampered = new ArrayList<>();
        try (QueueStore store = StoreFixture.open(dir.resolve("data"), clock)) {
            original = store.dayFigures(changed, changed);
            Cell first = original.getFirst();
            tampered.add(new Cell(first.key(), first.figures().plus(new Figures(new int[0], 0, 1, 0, 0, 0, 0, 0,
                    Histogram.EMPTY, Histogram.EMPTY, new int[4]))));
            tampered.addAll(original.subList(1, original.size()));
            store.replaceDayFigures(changed, tampered);
            store.replaceDayFigures(lost, List.of());
        }
        Run check = everything(false);
        assertEquals(1, check.status(), check.out());
        assertTrue(check.days().get(changed.toString()).startsWith("differs: 1 of " + original.size() + " cells: "
                + original.getFirst().key().service()), check.out());
        assertTrue(check.days().get(changed.toString()).contains("served "), check.out());
        assertEquals("missing", check.days().get(lost.toString()), check.out());
        try (QueueStore store = StoreFixture.open(dir.resolve("data"), clock)) {
            assertEquals(tampered, store.dayFigures(changed, changed), "a check writes nothing");
        }
        Run fix = everything(true);
        assertEquals(0, fix.status(), fix.out());
        assertTrue(fix.days().get(changed.toString()).endsWith("→ written (" + original.size() + " cells)"), fix.out());
        assertTrue(fix.days().get(lost.toString()).startsWith("missing → written"), fix.out());
        try (QueueStore store = StoreFixture.open(dir.resolve("data"), clock)) {
            assertEquals(original, store.dayFigures(changed, changed));
        }
        everything(false).days().values().forEach(line -> assertEquals("same", line));
    }

    @Test
    void onlyTheDaysOfTheRangeAndAnInvertedRangeIsRefused() {
        Run r = recompute(workingDays.get(3), workingDays.get(4), false);
        assertEquals(List.of(workingDays.get(3).toString(), workingDays.get(4).toString()), List.copyOf(r.days().keySet()));
        Run bad = recompute(workingDays.get(4), workingDays.get(3), false);
        assertEquals(2, bad.status());
        assertTrue(bad.err().contains("is before --from"), bad.err());
    }

    @Test
    void aDayWhoseEventsWerePrunedSaysSoAndKeepsItsFigures() throws Exception {
        // a separate copy: the other tests use every day whole
        Path copy = dir.resolve("pruned");
        copyTree(dir.resolve("data"), copy);
        Path conf = dir.resolve("pruned.conf");
        Files.writeString(conf, Files.readString(config).replace(dir.resolve("data").toString(), copy.toString()));
        LocalDate first = workingDays.getFirst();
        List<Cell> kept;
        try (QueueStore store = StoreFixture.open(copy, clock)) {
            kept = store.dayFigures(first, first);
            // delivered and pruned up to the middle of the first day
            List<OutboxEvent> events = store.rangeFrom(1, 100_000);
            long middle = events.stream().filter(e -> e.type().equals("ticket.finished")).skip(5).findFirst()
                    .orElseThrow().seq();
            store.markDelivered(events.stream().map(OutboxEvent::seq).filter(s -> s <= middle).toList());
            store.pruneDeliveredBefore(Instant.parse("2100-01-01T00:00:00Z"));
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int status = new FigureRecompute(new PrintStream(out, true, StandardCharsets.UTF_8), System.err)
                .run(conf, first, workingDays.get(1), true);
        String o = out.toString(StandardCharsets.UTF_8);
        assertEquals(0, status, o);
        assertTrue(o.contains(first + " raw events pruned: kept as stored"), o);
        assertTrue(o.contains(workingDays.get(1) + " same"), o);
        try (QueueStore store = StoreFixture.open(copy, clock)) {
            assertEquals(kept, store.dayFigures(first, first));
        }
    }

    @Test
    void theCommandLineRefusesARunningApplianceAndChecksAStoppedOne() throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = List.of(java, "-cp", System.getProperty("java.class.path"), Main.class.getName(),
                "--recompute-figures", config.toString(), "--from", workingDays.getFirst().toString());
        try (QueueStore running = StoreFixture.open(dir.resolve("data"), clock)) {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(p.waitFor(120, TimeUnit.SECONDS));
            assertEquals(3, p.exitValue(), output);
            assertTrue(output.contains("motcua: the database is in use: stop the appliance first"), output);
            assertTrue(running.lastSeq() > 0);
        }
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(120, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue(), output);
        assertTrue(output.contains(workingDays.getFirst() + " same"), output);
        Process bad = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), Main.class.getName(),
                "--recompute-figures", config.toString(), "--from", "2026-13-01").redirectErrorStream(true).start();
        String refused = new String(bad.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(bad.waitFor(120, TimeUnit.SECONDS));
        assertEquals(2, bad.exitValue(), refused);
        assertTrue(refused.contains("--from 2026-13-01: not a day (YYYY-MM-DD)"), refused);
    }

    private static void copyTree(Path from, Path to) throws java.io.IOException {
        try (var files = Files.walk(from)) {
            for (Path f : files.toList()) {
                Path target = to.resolve(from.relativize(f).toString());
                if (Files.isDirectory(f)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(f, target);
                }
            }
        }
    }
}
