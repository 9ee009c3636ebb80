package vn.motcua.appliance.service;

import java.sql.SQLException;
import java.time.Clock;
import java.util.List;
import java.util.function.Supplier;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import vn.motcua.appliance.domain.Booking;
import vn.motcua.appliance.domain.BookingSnapshot;
import vn.motcua.appliance.domain.CommandResult;
import vn.motcua.appliance.domain.OfficeLayout;
import vn.motcua.appliance.domain.QueueEngine;
import vn.motcua.appliance.domain.QueueEvent;
import vn.motcua.appliance.domain.QueueRefusedException;
import vn.motcua.appliance.domain.QueueSnapshot;
import vn.motcua.appliance.devices.KeypadCursor;
import vn.motcua.appliance.store.BookingCounts;
import vn.motcua.appliance.store.OutboxEvent;
import vn.motcua.appliance.store.StoredBooking;
import vn.motcua.appliance.store.QueueStore;
import vn.motcua.appliance.store.StoreCondition;
import vn.motcua.appliance.store.StoreException;
import vn.motcua.appliance.store.StorePausedException;

/**
 * Runs queue commands one at a time: the engine decides, the store commits durably, then listeners hear
 * about it. A command is acknowledged (its result returned) only after its commit is on disk. If the store
 * fails, the engine is rebuilt from what the store holds, so memory never runs ahead of the disk.
 */
public final class QueueService {
    private static final Logger log = LoggerFactory.getLogger(QueueService.class);

    private volatile OfficeLayout layout;
    private final Clock clock;
    private final java.util.function.BooleanSupplier wallClockTrusted;
    private final QueueStore store;
    private final List<QueueListener> listeners = new CopyOnWriteArrayList<>();
    private final AtomicLong refused = new AtomicLong();
    private final AtomicLong storeFailures = new AtomicLong();
    private final AtomicLong summaryFailures = new AtomicLong();
    private final DaySummary daySummary;
    private final ResidentCards residentCards;
    private QueueEngine engine;
    /** The engine's bookings before the command under way: what it goes back to when the commit fails. */
    private BookingSnapshot bookingsBefore = BookingSnapshot.none();

    public QueueService(OfficeLayout layout, Clock clock, QueueStore store) throws SQLException {
        this(layout, clock, () -> true, store);
    }

    /** @param wallClockTrusted whether the wall clock can be believed now (see {@link QueueEngine}) */
    public QueueService(OfficeLayout layout, Clock clock, java.util.function.BooleanSupplier wallClockTrusted, QueueStore store)
            throws SQLException {
        this(layout, clock, wallClockTrusted, store, DaySummary.DEFAULT_ALERT_WAIT);
    }

    /**
     * @param alertWait the manager's {@code [manager] alert_wait}: a wait that long is a breach in the office's
     *                  history ({@link vn.motcua.appliance.history.Figures#breaches()})
     */
    public QueueService(OfficeLayout layout, Clock clock, java.util.function.BooleanSupplier wallClockTrusted, QueueStore store,
                        java.time.Duration alertWait) throws SQLException {
        this.layout = layout;
        this.clock = clock;
        this.wallClockTrusted = wallClockTrusted;
        this.store = store;
        this.daySummary = new DaySummary(store, alertWait);
        this.residentCards = new ResidentCards(clock);
        store.knowServices(layout.servicesByCode().keySet());
        this.engine = rebuild();
    }

    private QueueEngine rebuild() throws SQLException {
        QueueEngine fresh = QueueEngine.fresh(layout, clock);
        QueueEngine e = new QueueEngine(layout, clock, wallClockTrusted, store.loadSnapshot(fresh.day()));
        // from the day before: its bookings nobody checked in still become no-shows at the first tick
        e.loadBookings(store.loadBookings(e.day().minusDays(1)));
        return e;
    }

    public void addListener(QueueListener l) {
        listeners.add(l);
    }

    /**
     * Applies time (new day, expired no-shows), then the command. Throws {@link QueueRefusedException} when the
     * command does not apply, {@link StoreException} when it could not be made durable; in both cases the
     * command changed nothing.
     */
    public synchronized CommandResult execute(Function<QueueEngine, CommandResult> command) {
        return execute(command, null);
    }

    /**
     * As {@link #execute(Function)}, for a command a counter board's keypad press caused: the press is committed
     * with the command, so the bus can be told at start which presses were already applied.
     */
    public synchronized CommandResult execute(Function<QueueEngine, CommandResult> command, KeypadCursor press) {
        return execute(command, press, r -> List.of());
    }

    /**
     * As {@link #execute(Function)}, with events made from the command's result written in the same transaction and
     * journal record: a satellite kiosk's press key with the ticket it got ({@code web.satellite.SatellitePresses}),
     * so the key and its ticket survive a crash together or not at all.
     */
    public synchronized CommandResult executeWith(Function<QueueEngine, CommandResult> command,
                                                  Function<CommandResult, List<QueueStore.Appended>> with) {
        return execute(command, null, with);
    }

    private CommandResult execute(Function<QueueEngine, CommandResult> command, KeypadCursor press,
                                  Function<CommandResult, List<QueueStore.Appended>> with) {
        tickLocked();
        CommandResult r;
        bookingsBefore = engine.bookings();
        try {
            r = command.apply(engine);
        } catch (QueueRefusedException e) {
            refused.incrementAndGet();
            throw e;
        }
        commitLocked(r, press, with.apply(r), engine::beforeLastCommand);
        return r;
    }

    /** Closes the store between two commands, never under one: the last step of shutting down. */
    public synchronized void closeStore() throws SQLException {
        store.close();
    }

    /** Applies what time alone changes; called by the scheduler. */
    public synchronized void tick() {
        tickLocked();
    }

    private void tickLocked() {
        bookingsBefore = engine.bookings();
        CommandResult t = engine.tick();
        if (!t.isEmpty()) {
            commitLocked(t, null, List.of(), engine::beforeLastCommand);
        }
    }

    /**
     * @param before the engine's state before {@code r}: what it goes back to if {@code r} cannot be committed and
     *               the store cannot be read (H2 failed; the commits since are in the journal alone)
     */
    private void commitLocked(CommandResult r, KeypadCursor press, List<QueueStore.Appended> with,
                              Supplier<QueueSnapshot> before) {
        StoreCondition.Failure failing = store.condition().failure();
        if (failing != null && r.events().stream().anyMatch(e -> e instanceof QueueEvent.TicketIssued)) {
            refused.incrementAndGet();
            engine = restored(before);
            throw StorePausedException.newTickets(failing); // calls go on; see docs/architecture.md "A full disk"
        }
        List<OutboxEvent> events;
        try {
            List<QueueStore.Appended> extra = summaryFor(r);
            if (!with.isEmpty()) {
                extra = new java.util.ArrayList<>(extra);
                extra.addAll(with);
            }
            events = store.commit(r, press, extra);
        } catch (StoreException e) {
            storeFailures.incrementAndGet();
            log.error("Store commit failed; reloading queue state from the database", e);
            engine = restored(before);
            StoreCondition.Failure f = store.condition().failure();
            throw f != null && f.noSpace() && !(e instanceof StorePausedException) ? StorePausedException.full(e) : e;
        }
        List<CommittedEvent> committed = events.stream().map(e -> new CommittedEvent(e.seq(), e.type())).toList();
        for (QueueListener l : listeners) {
            try {
                l.onCommitted(r, committed);
            } catch (RuntimeException e) {
                log.warn("Queue listener {} failed", l.getClass().getSimpleName(), e);
            }
        }
    }

    /**
     * The engine as the store holds it; from {@code before} while H2 has failed (it lacks what the journal alone
     * holds) or cannot be read. Never ahead of the disk: {@code before} was committed.
     */
    private QueueEngine restored(Supplier<QueueSnapshot> before) {
        QueueEngine current = engine;
        QueueEngine back;
        try {
            back = store.condition().databaseFailed() ? fromSnapshot(before.get()) : rebuild();
        } catch (SQLException | StoreException e) {
            log.warn("Queue state could not be read back from the database ({}); restored from memory", e.toString());
            back = fromSnapshot(before.get());
        }
        current.handOverClockStateTo(back);
        return back;
    }

    private QueueEngine fromSnapshot(QueueSnapshot s) {
        QueueEngine e = new QueueEngine(layout, clock, wallClockTrusted, s);
        e.loadBookings(bookingsBefore);
        return e;
    }

    /**
     * The district's bookings of {@code day}: stored durably, then held by the engine. Under the queue's lock, between
     * two commands. Returns whether anything changed (the retained list comes again on every reconnect).
     */
    public synchronized boolean replaceBookings(java.time.LocalDate day, List<Booking> bookings) throws SQLException {
        boolean changed = store.replaceBookings(day, bookings);
        if (changed) {
            engine.loadBookings(store.loadBookings(engine.day().minusDays(1)));
        }
        return changed;
    }

    /** One booking as stored, whatever its state. */
    public synchronized java.util.Optional<StoredBooking> storedBooking(String code) {
        return store.findBooking(code);
    }

    /** Today's booking counts, for the manager. */
    public synchronized BookingCounts bookingCounts() {
        return store.bookingCounts(engine.day());
    }

    /**
     * After the store failed: reopens H2 if it failed (rebuilt from the journal, as at start) and rebuilds the queue
     * from it, or proves the store writes again; under the queue's lock, so no command runs in between. Throws,
     * changing nothing, while the store still fails.
     */
    public synchronized void healStore(StoreHealer healer) throws Exception {
        healer.heal(store);
        QueueEngine current = engine;
        QueueEngine rebuilt = rebuild();
        current.handOverClockStateTo(rebuilt);
        engine = rebuilt;
    }

    /** What {@link #healStore} runs; throws while the store still fails. */
    public interface StoreHealer {
        void heal(QueueStore store) throws Exception;
    }

    /**
     * The day's summary when {@code r} rolls the day, to commit with it. A store failure propagates (the roll is
     * then not committed and is tried again); a bug in the figures is logged and counted, and the day still rolls:
     * the office opening matters more than one day's report.
     */
    private List<QueueStore.Appended> summaryFor(CommandResult r) {
        try {
            return daySummary.forCommit(r, layout);
        } catch (StoreException e) {
            throw e;
        } catch (RuntimeException e) {
            summaryFailures.incrementAndGet();
            log.error("Day summary could not be computed; the day rolls without it", e);
            return List.of();
        }
    }

    /** Day summaries that could not be computed (see {@link #summaryFor}). */
    public long summaryFailureCount() {
        return summaryFailures.get();
    }

    /** Reads the engine's state under the same lock commands use. */
    public synchronized <T> T read(Function<QueueEngine, T> query) {
        return query.apply(engine);
    }

    /** Each counter board's last keypad press applied by a committed command, as stored. */
    public List<KeypadCursor> keypadCursors() {
        return store.keypadCursors();
    }

    /** The citizen ID card just read at the kiosk, for the resident's next ticket. */
    public ResidentCards residentCards() {
        return residentCards;
    }

    public long refusedCount() {
        return refused.get();
    }

    /** The store's free space and failures, for the health page and the metrics. */
    public StoreCondition storeCondition() {
        return store.condition();
    }

    public long storeFailureCount() {
        return storeFailures.get();
    }

    public OfficeLayout layout() {
        return layout;
    }

    /**
     * Puts a new office layout (services, counters, hours) in force without losing a ticket. Refused, changing
     * nothing, when a ticket would be stranded: a counter that goes away while serving, or a service that goes
     * away while residents wait for it.
     */
    public synchronized void replaceLayout(OfficeLayout next) {
        QueueEngine current = engine;
        for (vn.motcua.appliance.domain.Counter c : current.counters()) {
            if (c.currentTicket() != null && next.counter(c.number()).isEmpty()) {
                throw new IllegalArgumentException("counter " + c.number() + " is serving a ticket and would be removed");
            }
        }
        for (vn.motcua.appliance.domain.Ticket t : current.tickets()) {
            if (!t.status().isTerminal() && t.counter() == 0 && next.service(t.service()).isEmpty()) {
                throw new IllegalArgumentException("service " + t.service() + " has waiting tickets and would be removed");
            }
            if (!t.status().isTerminal() && t.targetCounter() != 0 && next.counter(t.targetCounter()).isEmpty()) {
                throw new IllegalArgumentException("counter " + t.targetCounter() + " has a ticket sent to it and would be removed");
            }
        }
        QueueEngine replacement = new QueueEngine(next, clock, wallClockTrusted, current.snapshot());
        replacement.loadBookings(current.bookings());
        current.handOverClockStateTo(replacement);
        engine = replacement;
        layout = next;
        store.knowServices(next.servicesByCode().keySet());
    }
}
