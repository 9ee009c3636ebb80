package vn.motcua.appliance.history;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.SQLException;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Function;

import vn.motcua.appliance.domain.CommandResult;
import vn.motcua.appliance.domain.Counter;
import vn.motcua.appliance.domain.CounterDef;
import vn.motcua.appliance.domain.CounterStatus;
import vn.motcua.appliance.domain.OfficeLayout;
import vn.motcua.appliance.domain.OpeningHours;
import vn.motcua.appliance.domain.Priority;
import vn.motcua.appliance.domain.QueueEngine;
import vn.motcua.appliance.domain.QueueRefusedException;
import vn.motcua.appliance.domain.QueueRules;
import vn.motcua.appliance.domain.ServiceDef;
import vn.motcua.appliance.domain.Ticket;
import vn.motcua.appliance.domain.TicketStatus;
import vn.motcua.appliance.service.OfficeHistory;
import vn.motcua.appliance.service.QueueService;
import vn.motcua.appliance.store.CommitJournal;
import vn.motcua.appliance.store.Database;
import vn.motcua.appliance.store.EventStamper;
import vn.motcua.appliance.store.OutboxEvent;
import vn.motcua.appliance.store.QueueStore;
import vn.motcua.appliance.store.Watermarks;
import vn.motcua.bus.MutableClock;

/**
 * Office days run through the real engine and store ({@link QueueService} over a {@link QueueStore} with its commit
 * journal, in a folder), the clock driven forward: seeded random arrivals with priorities over four services, five
 * counters opened by a pool of clerks who call, start, finish, skip, recall, park, transfer (to a service and to a
 * counter), ratings after service, tickets left at the day's end. Weekends are closed (no tickets). Two restarts:
 * one day's roll is committed and H2 then loses it (only the journal has it, replayed at the next open), and another
 * day the appliance is stopped in the evening so the next start rolls.
 *
 * <p>The {@link Result} gives what a check needs: the figures as the reports read them, the layout, the raw events
 * and their independent computation.
 */
public final class SimulatedOffice {
    public static final ZoneId ZONE = QueueRules.VIETNAM;
    /** A Monday, so the first ISO week is whole. */
    public static final LocalDate FIRST_DAY = LocalDate.of(2026, 9, 7);
    public static final Duration ALERT_WAIT = Duration.ofMinutes(20);
    static final List<String> CLERKS = List.of("cb01", "cb02", "cb03", "cb04", "cb05", "cb06", "cb07", "cb08");
    /** What arrives, all but normal granted by {@link QueueRules#defaults()}. */
    static final List<Priority> PRIORITIES = List.of(Priority.NORMAL, Priority.ELDERLY, Priority.DISABLED,
            Priority.PREGNANT);
    /** The appliance's own journal size, so a technician's tool can open the same folder as a start does. */
    private static final long JOURNAL_BYTES = 8L * 1024 * 1024;

    /** What the run left: the open store and the office's history over it. Close it. */
    public record Result(Path dir, OfficeLayout layout, QueueStore store, QueueService queue, FigureSource figures,
                         List<OutboxEvent> rawEvents, IndependentFigures independent, LocalDate firstDay,
                         LocalDate lastDay, List<LocalDate> restartedDays) implements AutoCloseable {

        /** The independent expectation of a report's rows. */
        public Map<Comparable<?>, Figures> expected(Period period, Grouping grouping) {
            return independent.expected(period, grouping);
        }

        @Override
        public void close() throws SQLException {
            queue.closeStore();
        }
    }

    public static OfficeLayout layout() {
        return new OfficeLayout(List.of(
                new ServiceDef("ho-tich", "Hộ tịch", "Civil status", 'A', 1, 999, 0, OpeningHours.always()),
                new ServiceDef("dat-dai", "Đất đai", "Land", 'B', 1, 999, 0, OpeningHours.always()),
                new ServiceDef("xay-dung", "Xây dựng", "Construction", 'C', 1, 999, 0, OpeningHours.always()),
                new ServiceDef("kinh-doanh", "Đăng ký kinh doanh", "Business registration", 'D', 1, 999, 0, OpeningHours.always())),
                List.of(new CounterDef(1, "Quầy 1", List.of("ho-tich", "dat-dai")),
                        new CounterDef(2, "Quầy 2", List.of("dat-dai")),
                        new CounterDef(3, "Quầy 3", List.of("xay-dung", "kinh-doanh")),
                        new CounterDef(4, "Quầy 4", List.of("ho-tich", "xay-dung", "kinh-doanh")),
                        new CounterDef(5, "Quầy 5", List.of("kinh-doanh", "ho-tich"))),
                QueueRules.defaults());
    }

    private final Path dir;
    private final Random rnd;
    private final OfficeLayout layout = layout();
    private final MutableClock clock;
    private int boots;
    private QueueStore store;
    private QueueService queue;

    private SimulatedOffice(Path dir, long seed) {
        this.dir = dir;
        this.rnd = new Random(seed);
        this.clock = new MutableClock(at(FIRST_DAY, LocalTime.of(7, 0)));
    }

    /**
     * Runs {@code days} days from {@link #FIRST_DAY} and rolls the last one, so every day is in the store. The day
     * a third of the way in (or the next working day) is rolled with H2 losing the roll; the one two thirds in, the appliance is stopped
     * before its roll.
     */
    public static Result run(Path dir, long seed, int days) throws Exception {
        SimulatedOffice o = new SimulatedOffice(dir, seed);
        o.open();
        List<LocalDate> restarted = new ArrayList<>();
        LocalDate last = FIRST_DAY.plusDays(days - 1);
        int lostRoll = weekdayFrom(days / 3);
        int stoppedBeforeRoll = weekdayFrom(2 * days / 3);
        for (int d = 0; d < days; d++) {
            LocalDate day = FIRST_DAY.plusDays(d);
            if (day.getDayOfWeek() != DayOfWeek.SATURDAY && day.getDayOfWeek() != DayOfWeek.SUNDAY) {
                o.officeDay(day);
            }
            if (d == lostRoll) {
                o.rollLostByH2(day.plusDays(1));
                restarted.add(day);
            } else if (d == stoppedBeforeRoll) {
                o.restartOvernight(day.plusDays(1));
                restarted.add(day);
            } else {
                o.clock.set(at(day.plusDays(1), LocalTime.of(4, 1)));
                o.queue.tick(); // the roll at day_starts_at
            }
        }
        List<OutboxEvent> raw = o.store.rangeFrom(1, Integer.MAX_VALUE);
        return new Result(dir, o.layout, o.store, o.queue, new OfficeHistory(o.store, o.queue, ALERT_WAIT), raw,
                IndependentFigures.of(raw, ZONE, ALERT_WAIT), FIRST_DAY, last, List.copyOf(restarted));
    }

    /** The index of the first working day at or after {@code index}: a restart on a day with tickets. */
    private static int weekdayFrom(int index) {
        int i = index;
        while (FIRST_DAY.plusDays(i).getDayOfWeek().getValue() > DayOfWeek.FRIDAY.getValue()) {
            i++;
        }
        return i;
    }

    private static Instant at(LocalDate day, LocalTime time) {
        return day.atTime(time).atZone(ZONE).toInstant();
    }

    private void open() throws SQLException, IOException {
        boots++;
        Database.Opened db = Database.open(dir, clock);
        store = new QueueStore(db.connection(), new EventStamper("sim-device", clock, "boot-" + boots, () -> true),
                Watermarks.load(dir), CommitJournal.open(dir, JOURNAL_BYTES));
        queue = new QueueService(layout, clock, () -> true, store, ALERT_WAIT);
    }

    /**
     * The roll is committed (H2 and journal), then the power goes before H2 wrote it: the database comes back as
     * it was before the roll and only the journal holds the roll, with its day summary; the next open replays it.
     */
    private void rollLostByH2(LocalDate next) throws Exception {
        queue.closeStore(); // a clean stop at night: H2 and the journal agree
        Path h2 = dir.resolve("motcua.mv.db");
        Path h2Before = dir.resolve("h2-before-roll");
        Files.copy(h2, h2Before, StandardCopyOption.REPLACE_EXISTING);
        open();
        clock.set(at(next, LocalTime.of(4, 1)));
        queue.tick(); // the roll, committed to H2 and synced in the journal
        Path journalAtCut = dir.resolve("journal-at-cut");
        Files.copy(dir.resolve("motcua.journal"), journalAtCut, StandardCopyOption.REPLACE_EXISTING);
        queue.closeStore();
        // the power cut: H2's write-behind never reached the disk; the journal is as it was synced
        Files.move(h2Before, h2, StandardCopyOption.REPLACE_EXISTING);
        Files.move(journalAtCut, dir.resolve("motcua.journal"), StandardCopyOption.REPLACE_EXISTING);
        open();
    }

    /** Stopped in the evening, started after the roll time: the start's first tick rolls the day. */
    private void restartOvernight(LocalDate next) throws Exception {
        queue.closeStore();
        clock.set(at(next, LocalTime.of(6, 45)));
        open();
        queue.tick();
    }

    private void officeDay(LocalDate day) {
        clock.set(at(day, LocalTime.of(7, 30)));
        queue.tick();
        List<String> clerks = new ArrayList<>(CLERKS);
        Collections.shuffle(clerks, rnd);
        int nextClerk = 0;
        for (CounterDef c : layout.counters()) {
            if (rnd.nextInt(10) < 9) {
                String staff = clerks.get(nextClerk++);
                attempt(e -> e.openCounter(c.number(), staff));
            }
        }
        int arrivals = 25 + rnd.nextInt(35);
        List<Instant> times = new ArrayList<>();
        long span = Duration.ofHours(8).toSeconds(); // 07:30 .. 15:30
        for (int i = 0; i < arrivals; i++) {
            times.add(at(day, LocalTime.of(7, 30)).plusSeconds(rnd.nextLong(span)));
        }
        Collections.sort(times);
        Instant end = at(day, LocalTime.of(16, 30));
        Instant swap = at(day, LocalTime.of(12, rnd.nextInt(60)));
        boolean swapped = false;
        int issued = 0;
        while (clock.instant().isBefore(end)) {
            clock.advance(Duration.ofSeconds(20 + rnd.nextInt(160)));
            while (issued < times.size() && !times.get(issued).isAfter(clock.instant())) {
                issue();
                issued++;
            }
            if (!swapped && clock.instant().isAfter(swap) && nextClerk < clerks.size()) {
                swapped = swapClerk(clerks.get(nextClerk++));
            }
            List<Integer> order = new ArrayList<>(List.of(1, 2, 3, 4, 5));
            Collections.shuffle(order, rnd);
            for (int n : order) {
                act(n);
            }
        }
        // some counters close for the night; the rest are left open (the roll closes them), tickets still waiting
        for (CounterDef c : layout.counters()) {
            if (rnd.nextBoolean()) {
                attempt(e -> e.closeCounter(c.number()));
            }
        }
    }

    private void issue() {
        double r = rnd.nextDouble();
        String service = r < 0.4 ? "ho-tich" : r < 0.65 ? "dat-dai" : r < 0.85 ? "xay-dung" : "kinh-doanh";
        double p = rnd.nextDouble();
        Priority priority = PRIORITIES.get(p < 0.85 ? 0 : p < 0.92 ? 1 : p < 0.97 ? 2 : 3);
        attempt(e -> e.issueTicket(service, priority, null));
    }

    /** A clerk takes over a counter at lunch: closed when idle, opened under the fresh staff id. */
    private boolean swapClerk(String staff) {
        int n = 1 + rnd.nextInt(5);
        Counter c = counter(n);
        if (c.currentTicket() != null) {
            return false;
        }
        attempt(e -> e.closeCounter(n));
        return attempt(e -> e.openCounter(n, staff));
    }

    private void act(int n) {
        Counter c = counter(n);
        if (c.status() != CounterStatus.OPEN) {
            return;
        }
        double r = rnd.nextDouble();
        if (c.currentTicket() == null) {
            if (r < 0.06) {
                firstWith(TicketStatus.PARKED).ifPresent(t -> attempt(e -> e.callParked(n, t.number())));
            } else if (r < 0.09) {
                firstWith(TicketStatus.NO_SHOW).ifPresent(t -> attempt(e -> e.recallNoShow(n, t.number())));
            } else if (r < 0.75) {
                attempt(e -> e.callNext(n));
            }
            return;
        }
        TicketStatus status = queue.read(e -> e.tickets().stream().filter(t -> t.id().equals(c.currentTicket()))
                .findFirst().orElseThrow().status());
        if (status == TicketStatus.CALLED) {
            if (r < 0.08) {
                attempt(e -> e.skip(n));
            } else if (r < 0.12) {
                attempt(e -> e.callNext(n)); // the called resident never came: no-show by call-next
            } else if (r < 0.16) {
                attempt(e -> e.recall(n));
            } else if (r < 0.8) {
                attempt(e -> e.startService(n));
            } else if (r < 0.84) {
                attempt(e -> e.finish(n)); // served without pressing start
            }
        } else if (status == TicketStatus.SERVING) {
            if (r < 0.35) {
                if (attempt(e -> e.finish(n)) && rnd.nextInt(10) < 6) {
                    int score = 1 + Math.min(3, (int) Math.floor(Math.abs(rnd.nextGaussian()) * 1.3));
                    attempt(e -> e.rate(n, score));
                }
            } else if (r < 0.38) {
                String to = layout.services().get(rnd.nextInt(layout.services().size())).code();
                attempt(e -> e.transferToService(n, to));
            } else if (r < 0.40) {
                int to = 1 + rnd.nextInt(5);
                attempt(e -> e.transferToCounter(n, to));
            } else if (r < 0.43) {
                attempt(e -> e.park(n));
            } else if (r < 0.5) {
                attempt(e -> e.callNext(n)); // finishes the one served, calls the next
            }
        }
    }

    private Counter counter(int n) {
        return queue.read(e -> e.counters().stream().filter(c -> c.number() == n).findFirst().orElseThrow());
    }

    private java.util.Optional<Ticket> firstWith(TicketStatus status) {
        return queue.read(e -> e.tickets().stream().filter(t -> t.status() == status).findFirst());
    }

    /** A command the engine may refuse (nobody waiting, a closed counter): then nothing changed, as at a real desk. */
    private boolean attempt(Function<QueueEngine, CommandResult> command) {
        try {
            queue.execute(command);
            return true;
        } catch (QueueRefusedException refused) {
            return false;
        }
    }
}
