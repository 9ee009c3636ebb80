package vn.motcua.appliance.service;

import java.sql.SQLException;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import vn.motcua.appliance.domain.CommandResult;
import vn.motcua.appliance.domain.OfficeLayout;
import vn.motcua.appliance.domain.QueueEngine;
import vn.motcua.appliance.domain.QueueRefusedException;
import vn.motcua.appliance.store.KeypadCursor;
import vn.motcua.appliance.store.OutboxEvent;
import vn.motcua.appliance.store.QueueStore;
import vn.motcua.appliance.store.StoreException;

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

    public QueueService(OfficeLayout layout, Clock clock, QueueStore store) throws SQLException {
        this(layout, clock, () -> true, store);
    }

    /** @param wallClockTrusted whether the wall clock can be believed now (see {@link QueueEngine}) */
    public QueueService(OfficeLayout layout, Clock clock, java.util.function.BooleanSupplier wallClockTrusted, QueueStore store)
            throws SQLException {
        this.layout = layout;
        this.clock = clock;
        this.wallClockTrusted = wallClockTrusted;
        this.store = store;
        this.daySummary = new DaySummary(store);
        this.residentCards = new ResidentCards(clock);
        store.knowServices(layout.servicesByCode().keySet());
        this.engine = rebuild();
    }

    private QueueEngine rebuild() throws SQLException {
        QueueEngine fresh = QueueEngine.fresh(layout, clock);
        return new QueueEngine(layout, clock, wallClockTrusted, store.loadSnapshot(fresh.day()));
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
        tickLocked();
        CommandResult r;
        try {
            r = command.apply(engine);
        } catch (QueueRefusedException e) {
            refused.incrementAndGet();
            throw e;
        }
        commitLocked(r, press);
        return r;
    }

    /** Applies what time alone changes; called by the scheduler. */
    public synchronized void tick() {
        tickLocked();
    }

    private void tickLocked() {
        CommandResult t = engine.tick();
        if (!t.isEmpty()) {
            commitLocked(t, null);
        }
    }

    private void commitLocked(CommandResult r, KeypadCursor press) {
        List<OutboxEvent> events;
        try {
            events = store.commit(r, press, summaryFor(r));
        } catch (StoreException e) {
            storeFailures.incrementAndGet();
            log.error("Store commit failed; reloading queue state from the database", e);
            try {
                engine = rebuild();
            } catch (SQLException reload) {
                e.addSuppressed(reload);
            }
            throw e;
        }
        for (QueueListener l : listeners) {
            try {
                l.onCommitted(r, events);
            } catch (RuntimeException e) {
                log.warn("Queue listener {} failed", l.getClass().getSimpleName(), e);
            }
        }
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
        current.handOverClockStateTo(replacement);
        engine = replacement;
        layout = next;
        store.knowServices(next.servicesByCode().keySet());
    }
}
