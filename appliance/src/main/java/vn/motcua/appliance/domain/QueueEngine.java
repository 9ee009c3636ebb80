package vn.motcua.appliance.domain;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.BooleanSupplier;

import vn.motcua.appliance.domain.QueueEvent.CounterChanged;
import vn.motcua.appliance.domain.QueueEvent.DayStarted;
import vn.motcua.appliance.domain.QueueEvent.ServiceRated;
import vn.motcua.appliance.domain.QueueEvent.ServiceStarted;
import vn.motcua.appliance.domain.QueueEvent.TicketCalled;
import vn.motcua.appliance.domain.QueueEvent.TicketExpired;
import vn.motcua.appliance.domain.QueueEvent.TicketFinished;
import vn.motcua.appliance.domain.QueueEvent.TicketIssued;
import vn.motcua.appliance.domain.QueueEvent.TicketNoShow;
import vn.motcua.appliance.domain.QueueEvent.TicketParked;
import vn.motcua.appliance.domain.QueueEvent.TicketRecalled;
import vn.motcua.appliance.domain.QueueEvent.TicketTransferred;

/**
 * The queue rules of one office. Pure: no I/O, no threads, time only from the {@link Clock} given.
 * Not thread-safe: one caller at a time (the appliance serialises commands).
 *
 * <p>Every command either returns what it changed, or throws {@link QueueRefusedException} having changed
 * nothing: all checks run before the first mutation.
 */
public final class QueueEngine {
    private final OfficeLayout layout;
    private final Clock clock;
    private final BooleanSupplier wallClockTrusted;
    private final BusinessCalendar calendar;
    private final WaitEstimator estimator;
    private final Map<String, ServiceDef> services;

    private LocalDate day;
    private final Map<String, Integer> lastNumber = new HashMap<>();
    private final Map<String, Integer> issued = new HashMap<>();
    private long lastOrdinal;
    private final Map<String, Ticket> tickets = new LinkedHashMap<>();
    private final Map<Integer, Counter> counters = new TreeMap<>();

    /**
     * The first and last ordinals of today issued while the wall clock was untrusted (first > last: none). Those
     * residents came in on a day the clock could not vouch for: the next roll waits until none of them is active.
     */
    private long untrustedFirst = Long.MAX_VALUE;
    private long untrustedLast = -1;

    private Changes changes;

    /** An engine whose wall clock is always trusted (a host with a real-time clock, the tests). */
    public QueueEngine(OfficeLayout layout, Clock clock, QueueSnapshot snapshot) {
        this(layout, clock, () -> true, snapshot);
    }

    /**
     * @param wallClockTrusted whether the wall clock can be believed now. The Pi has no real-time clock: after a
     *                         power cut it comes back at the last saved time until NTP syncs, maybe for days if the
     *                         district link is down. While it is untrusted, opening hours are not enforced (no
     *                         resident is turned away by a clock that may be hours off) and the day rolls only in
     *                         an idle office (no active ticket); once it is trusted again, the roll still waits for
     *                         every ticket issued under it to end, so nobody's ticket expires because the clock
     *                         jumped when it synchronised. Numbering and the call order never use the clock.
     */
    public QueueEngine(OfficeLayout layout, Clock clock, BooleanSupplier wallClockTrusted, QueueSnapshot snapshot) {
        this.layout = layout;
        this.clock = clock;
        this.wallClockTrusted = wallClockTrusted;
        this.calendar = new BusinessCalendar(layout.rules());
        this.estimator = new WaitEstimator(layout.rules().estimateSample(), layout.rules().defaultServiceTime());
        this.services = layout.servicesByCode();
        restore(snapshot);
        // Restarted under an untrusted clock: any resident waiting may have come in under it.
        if (!wallClockTrusted.getAsBoolean()) {
            untrustedFirst = 0;
            untrustedLast = lastOrdinal;
        }
    }

    /** Carries what this engine knows about tickets issued under an untrusted clock into its replacement. */
    public void handOverClockStateTo(QueueEngine next) {
        next.untrustedFirst = Math.min(next.untrustedFirst, untrustedFirst);
        next.untrustedLast = Math.max(next.untrustedLast, untrustedLast);
    }

    /** An engine for an office that has never issued a ticket. */
    public static QueueEngine fresh(OfficeLayout layout, Clock clock) {
        LocalDate today = new BusinessCalendar(layout.rules()).dayOf(clock.instant());
        return new QueueEngine(layout, clock, new QueueSnapshot(new DayState(today, Map.of(), Map.of(), 0), List.of(), List.of()));
    }

    private void restore(QueueSnapshot s) {
        day = s.day().day();
        lastNumber.putAll(s.day().lastNumber());
        issued.putAll(s.day().issued());
        lastOrdinal = s.day().lastOrdinal();
        s.tickets().stream().sorted(Comparator.comparingLong(Ticket::ordinal)).forEach(t -> tickets.put(t.id(), t));
        tickets.values().stream().filter(t -> t.status() == TicketStatus.FINISHED && t.finishedAt() != null)
                .forEach(t -> estimator.record(t.service(), t.finishedAt(), t.ordinal(), serviceSeconds(t)));
        Map<Integer, Counter> saved = new HashMap<>();
        s.counters().forEach(c -> saved.put(c.number(), c));
        for (CounterDef def : layout.counters()) {
            counters.put(def.number(), saved.getOrDefault(def.number(), Counter.closed(def.number())));
        }
    }

    // ---- residents ----

    public CommandResult issueTicket(String serviceCode, Priority priority, String residentKey) {
        Instant now = clock.instant();
        ServiceDef svc = service(serviceCode);
        if (priority.isPriority() && !layout.rules().priorities().contains(priority)) {
            throw new QueueRefusedException(Refusal.PRIORITY_NOT_OFFERED, priority.name());
        }
        boolean trusted = wallClockTrusted.getAsBoolean();
        if (trusted && layout.closedDays().closed(calendar.local(now).toLocalDate())) {
            throw new QueueRefusedException(Refusal.OFFICE_CLOSED_TODAY, svc.code());
        }
        switch (trusted ? svc.hours().at(calendar.local(now)) : OpeningHours.Availability.OPEN) {
            case OPEN -> { }
            case NOT_YET_OPEN -> throw new QueueRefusedException(Refusal.SERVICE_NOT_YET_OPEN, svc.code());
            case LUNCH_BREAK -> throw new QueueRefusedException(Refusal.SERVICE_LUNCH_BREAK, svc.code());
            case CLOSED_FOR_THE_DAY -> throw new QueueRefusedException(Refusal.SERVICE_CLOSED_FOR_THE_DAY, svc.code());
            case CLOSED_TODAY -> throw new QueueRefusedException(Refusal.SERVICE_CLOSED_TODAY, svc.code());
        }
        int count = issued.getOrDefault(svc.code(), 0);
        if (svc.dailyCap() > 0 && count >= svc.dailyCap()) {
            throw new QueueRefusedException(Refusal.SERVICE_FULL, svc.code() + " cap " + svc.dailyCap());
        }
        Integer last = lastNumber.get(svc.code());
        int next = last == null ? svc.firstNumber() : last + 1;
        if (next > svc.lastNumber()) {
            throw new QueueRefusedException(Refusal.NUMBER_RANGE_EXHAUSTED, svc.code() + " last " + svc.lastNumber());
        }
        int ahead = peopleAhead(svc.code(), priority);
        long wait = estimator.estimateSeconds(svc.code(), ahead, servers(svc.code()));
        begin();
        lastNumber.put(svc.code(), next);
        issued.put(svc.code(), count + 1);
        lastOrdinal++;
        if (!trusted) {
            untrustedFirst = Math.min(untrustedFirst, lastOrdinal);
            untrustedLast = lastOrdinal;
        }
        Ticket t = Ticket.issued(day, svc.format(next), next, svc.code(), priority, lastOrdinal, now, residentKey);
        put(t);
        changes.event(new TicketIssued(now, t.id(), t.number(), t.service(), priority.name(), ahead, wait, residentKey));
        return end(t);
    }

    // ---- counters: calling ----

    public CommandResult callNext(int counterNumber) {
        Counter c = openCounter(counterNumber);
        Ticket next = QueueOrder.nextFor(layout.counter(counterNumber).orElseThrow(), tickets.values())
                .orElseThrow(() -> new QueueRefusedException(Refusal.NOBODY_WAITING, "counter " + counterNumber));
        Instant now = clock.instant();
        begin();
        if (c.currentTicket() != null) {
            Ticket current = tickets.get(c.currentTicket());
            // A call nobody started is not a service: by default the resident did not come (see QueueRules).
            boolean unstarted = current.status() == TicketStatus.CALLED
                    && layout.rules().unstartedCallOnNext() == QueueRules.UnstartedCall.NO_SHOW;
            c = unstarted ? noShow(c, current, now, TicketNoShow.NEXT_CALLED) : finishCurrent(c, now);
        }
        return end(call(c, next, now, "queue"));
    }

    public CommandResult recall(int counterNumber) {
        Counter c = counterOf(counterNumber);
        Ticket t = current(c, TicketStatus.CALLED);
        begin();
        Ticket r = put(t.recalled());
        changes.event(new TicketRecalled(clock.instant(), r.id(), r.number(), c.number(), r.recalls()));
        return end(r);
    }

    /** The resident did not come: the ticket waits aside and can be recalled within the no-show window. */
    public CommandResult skip(int counterNumber) {
        Counter c = counterOf(counterNumber);
        Ticket t = current(c, TicketStatus.CALLED);
        Instant now = clock.instant();
        begin();
        noShow(c, t, now, TicketNoShow.SKIPPED);
        return end(tickets.get(t.id()));
    }

    public CommandResult recallNoShow(int counterNumber, String number) {
        Counter c = idleOpenCounter(counterNumber);
        Ticket t = ticketByNumber(number, TicketStatus.NO_SHOW);
        Instant now = clock.instant();
        if (Duration.between(t.skippedAt(), now).compareTo(layout.rules().noShowRecallWindow()) > 0) {
            throw new QueueRefusedException(Refusal.RECALL_WINDOW_PASSED, number);
        }
        begin();
        return end(call(c, t, now, "no_show"));
    }

    public CommandResult startService(int counterNumber) {
        Counter c = counterOf(counterNumber);
        Ticket t = current(c, TicketStatus.CALLED);
        Instant now = clock.instant();
        begin();
        Ticket s = put(t.withStatus(TicketStatus.SERVING, now));
        changes.event(new ServiceStarted(now, s.id(), s.number(), c.number()));
        return end(s);
    }

    public CommandResult finish(int counterNumber) {
        Counter c = counterOf(counterNumber);
        Ticket t = current(c, TicketStatus.CALLED, TicketStatus.SERVING);
        begin();
        finishCurrent(c, clock.instant());
        return end(tickets.get(t.id()));
    }

    public CommandResult transferToService(int counterNumber, String serviceCode) {
        Counter c = counterOf(counterNumber);
        Ticket t = current(c, TicketStatus.CALLED, TicketStatus.SERVING);
        ServiceDef target = service(serviceCode);
        if (target.code().equals(t.service())) {
            throw new QueueRefusedException(Refusal.TRANSFER_TARGET_INVALID, "already in " + serviceCode);
        }
        if (layout.counters().stream().noneMatch(def -> def.services().contains(target.code()))) {
            // the ticket would wait all day for a call that cannot come
            throw new QueueRefusedException(Refusal.TRANSFER_TARGET_INVALID, "no counter serves " + serviceCode);
        }
        return transfer(c, t, target.code(), 0);
    }

    public CommandResult transferToCounter(int counterNumber, int toCounter) {
        Counter c = counterOf(counterNumber);
        Ticket t = current(c, TicketStatus.CALLED, TicketStatus.SERVING);
        if (toCounter == counterNumber || layout.counter(toCounter).isEmpty()) {
            throw new QueueRefusedException(Refusal.TRANSFER_TARGET_INVALID, "counter " + toCounter);
        }
        if (counters.get(toCounter).status() == CounterStatus.CLOSED) {
            // the resident would wait, unseen, until someone opens it (issue 15: B001 waited for counter 4)
            throw new QueueRefusedException(Refusal.TRANSFER_TARGET_CLOSED, "counter " + toCounter + " is closed");
        }
        return transfer(c, t, t.service(), toCounter);
    }

    private CommandResult transfer(Counter c, Ticket t, String toService, int toCounter) {
        begin();
        Ticket moved = put(t.transferred(toService, toCounter));
        putCounter(c.serving(null));
        changes.event(new TicketTransferred(clock.instant(), t.id(), t.number(), c.number(), t.service(), toService, toCounter));
        return end(moved);
    }

    /** The resident must fetch a missing paper: the counter is free, the ticket can be called back later. */
    public CommandResult park(int counterNumber) {
        Counter c = counterOf(counterNumber);
        Ticket t = current(c, TicketStatus.CALLED, TicketStatus.SERVING);
        Instant now = clock.instant();
        begin();
        Ticket p = put(t.withStatus(TicketStatus.PARKED, now));
        putCounter(c.serving(null));
        changes.event(new TicketParked(now, p.id(), p.number(), c.number()));
        return end(p);
    }

    public CommandResult callParked(int counterNumber, String number) {
        Counter c = idleOpenCounter(counterNumber);
        Ticket t = ticketByNumber(number, TicketStatus.PARKED);
        begin();
        return end(call(c, t, clock.instant(), "parked"));
    }

    public CommandResult rate(int counterNumber, int score) {
        Counter c = counterOf(counterNumber);
        if (score < 1 || score > 4) {
            throw new QueueRefusedException(Refusal.INVALID_RATING, String.valueOf(score));
        }
        Instant now = clock.instant();
        Ticket t = c.lastFinishedTicket() == null ? null : tickets.get(c.lastFinishedTicket());
        if (t == null || t.rating() != 0
                || Duration.between(c.lastFinishedAt(), now).compareTo(layout.rules().ratingWindow()) > 0) {
            throw new QueueRefusedException(Refusal.NOTHING_TO_RATE, "counter " + counterNumber);
        }
        begin();
        Ticket r = put(t.rated(score));
        putCounter(c.ratingUsed());
        changes.event(new ServiceRated(now, r.id(), r.number(), c.number(), r.servedBy(), score));
        return end(r);
    }

    // ---- counters: opening ----

    /** A clerk is open at one counter at a time: opening another while one is open or paused under the name is refused. */
    public CommandResult openCounter(int counterNumber, String staffId) {
        Counter c = counterOf(counterNumber);
        requireWithinCounterHours(c);
        for (Counter other : counters.values()) {
            if (staffId != null && other.number() != counterNumber && other.status() != CounterStatus.CLOSED
                    && staffId.equals(other.staffId())) {
                throw new QueueRefusedException(Refusal.STAFF_AT_ANOTHER_COUNTER,
                        staffId + " is at counter " + other.number());
            }
        }
        return setCounter(c, CounterStatus.OPEN, staffId);
    }

    /**
     * Refused while a ticket is at the counter: the resident called is walking up or being served and expects this
     * clerk, so the clerk finishes, parks, transfers or skips first. A paused counter never holds a ticket that
     * another counter could call, and the display never shows a call nobody will answer.
     */
    public CommandResult pauseCounter(int counterNumber) {
        Counter c = counterOf(counterNumber);
        if (c.status() == CounterStatus.CLOSED) {
            throw new QueueRefusedException(Refusal.COUNTER_CLOSED, "counter " + counterNumber);
        }
        if (c.currentTicket() != null) {
            throw new QueueRefusedException(Refusal.COUNTER_BUSY, "counter " + counterNumber + " has "
                    + c.currentTicket() + ": finish, park, transfer or skip it before pausing");
        }
        return setCounter(c, CounterStatus.PAUSED, c.staffId());
    }

    public CommandResult closeCounter(int counterNumber) {
        Counter c = counterOf(counterNumber);
        if (c.currentTicket() != null) {
            throw new QueueRefusedException(Refusal.COUNTER_BUSY, "counter " + counterNumber + " has " + c.currentTicket());
        }
        return setCounter(c, CounterStatus.CLOSED, null);
    }

    /**
     * A closed counter opens only within its own hours ({@link CounterDef#hours()}); a paused or open one may resume
     * after them (the clerk finishes the day's last residents). An untrusted clock never refuses, as for tickets.
     */
    private void requireWithinCounterHours(Counter c) {
        if (c.status() == CounterStatus.CLOSED && wallClockTrusted.getAsBoolean()
                && layout.counter(c.number()).orElseThrow().hours().at(calendar.local(clock.instant())) != OpeningHours.Availability.OPEN) {
            throw new QueueRefusedException(Refusal.COUNTER_OUTSIDE_HOURS, "counter " + c.number());
        }
    }

    private CommandResult setCounter(Counter c, CounterStatus status, String staffId) {
        begin();
        if (c.status() != status || !java.util.Objects.equals(c.staffId(), staffId)) {
            putCounter(c.withStatus(status, staffId));
            changes.event(new CounterChanged(clock.instant(), c.number(), status.name(), staffId));
        }
        return end(null);
    }

    /**
     * Ends the queue for today before its time (the district closes the office early): every ticket still waiting,
     * parked or skipped expires; tickets already at a counter are left for their clerks to finish. Numbering goes
     * on, so no number is ever issued twice in a day.
     */
    public CommandResult closeQueue(String reason) {
        Instant now = clock.instant();
        begin();
        for (Ticket t : List.copyOf(tickets.values())) {
            if (t.status() == TicketStatus.WAITING || t.status() == TicketStatus.PARKED
                    || t.status() == TicketStatus.NO_SHOW) {
                expire(t, now, "queue_closed: " + reason);
            }
        }
        return end(null);
    }

    // ---- time ----

    /**
     * Applies what time alone changes: a new business day (numbering restarts, unfinished tickets expire,
     * counters close) and no-shows whose recall window passed. A clock set backwards never moves the day back.
     * While the wall clock is untrusted the day rolls only once no ticket is active; after, only once no ticket
     * issued under it is (see the constructor).
     */
    public CommandResult tick() {
        Instant now = clock.instant();
        begin();
        LocalDate today = calendar.dayOf(now);
        if (today.isAfter(day) && !dayRollHeld()) {
            startDay(today, now);
        }
        Duration window = layout.rules().noShowRecallWindow();
        for (Ticket t : List.copyOf(tickets.values())) {
            if (t.status() == TicketStatus.NO_SHOW && Duration.between(t.skippedAt(), now).compareTo(window) > 0) {
                expire(t, now, "no_show_window_passed");
            }
        }
        return end(null);
    }

    private void startDay(LocalDate today, Instant now) {
        for (Ticket t : List.copyOf(tickets.values())) {
            if (!t.status().isTerminal()) {
                expire(t, now, "day_ended");
            }
        }
        for (Counter c : List.copyOf(counters.values())) {
            Counter closed = Counter.closed(c.number());
            if (!closed.equals(c)) {
                putCounter(closed);
                if (c.status() != CounterStatus.CLOSED) {
                    changes.event(new CounterChanged(now, c.number(), CounterStatus.CLOSED.name(), null));
                }
            }
        }
        changes.event(new DayStarted(now, today, day));
        day = today;
        untrustedFirst = Long.MAX_VALUE;
        untrustedLast = -1;
        lastNumber.clear();
        issued.clear();
        lastOrdinal = 0;
        tickets.clear();
        // An engine rebuilt from the store only sees today's finished tickets: forget yesterday's service times
        // here too, so that a restart never changes the estimate a resident is shown.
        estimator.clear();
    }

    private void expire(Ticket t, Instant now, String reason) {
        put(t.withStatus(TicketStatus.EXPIRED, now));
        changes.event(new TicketExpired(now, t.id(), t.number(), t.status().name(), reason));
    }

    // ---- reading ----

    public LocalDate day() {
        return day;
    }

    public OfficeLayout layout() {
        return layout;
    }

    public Collection<Ticket> tickets() {
        return Collections.unmodifiableCollection(tickets.values());
    }

    public Collection<Counter> counters() {
        return Collections.unmodifiableCollection(counters.values());
    }

    /** The ticket call-next at this counter would call now, if any (whether the counter is open or not). */
    public Optional<Ticket> nextFor(int counterNumber) {
        return layout.counter(counterNumber).flatMap(def -> QueueOrder.nextFor(def, tickets.values()));
    }

    public Optional<Ticket> ticket(String number) {
        return Optional.ofNullable(tickets.get(day + "/" + number));
    }

    public long waiting(String serviceCode) {
        return tickets.values().stream().filter(t -> t.isWaiting() && t.service().equals(serviceCode)).count();
    }

    /** Estimated wait for a normal ticket taken now. */
    public long estimatedWaitSeconds(String serviceCode) {
        return estimator.estimateSeconds(serviceCode, peopleAhead(serviceCode, Priority.NORMAL), servers(serviceCode));
    }

    /**
     * About how many waiting tickets are ahead of {@code t} (0 if it is not waiting): those for the same service,
     * or sent to the same counter, that are priority while it is not, or of its class and older. An estimate for
     * the resident, not the call order: which counter calls whom next (transfers, counters serving several
     * services) is decided only when a clerk presses call-next.
     */
    public int peopleAheadOf(Ticket t) {
        if (!t.isWaiting()) {
            return 0;
        }
        int n = 0;
        for (Ticket o : tickets.values()) {
            boolean sameLine = o.targetCounter() == t.targetCounter() && (t.targetCounter() != 0 || o.service().equals(t.service()));
            boolean before = o.priority().isPriority() != t.priority().isPriority() ? o.priority().isPriority() : o.ordinal() < t.ordinal();
            if (o.isWaiting() && sameLine && before) {
                n++;
            }
        }
        return n;
    }

    /** Estimated wait of waiting ticket {@code t} from now (0 if it is not waiting). */
    public long estimatedWaitSecondsOf(Ticket t) {
        return t.isWaiting() ? estimator.estimateSeconds(t.service(), peopleAheadOf(t), servers(t.service())) : 0;
    }

    /**
     * Whether a new day, were it due now, would wait: the wall clock is untrusted and a ticket is active, or a
     * ticket issued while it was untrusted is still active.
     */
    public boolean dayRollHeld() {
        boolean trusted = wallClockTrusted.getAsBoolean();
        return tickets.values().stream().anyMatch(t -> !t.status().isTerminal()
                && (!trusted || (t.ordinal() >= untrustedFirst && t.ordinal() <= untrustedLast)));
    }

    public QueueSnapshot snapshot() {
        return new QueueSnapshot(dayState(), List.copyOf(tickets.values()), List.copyOf(counters.values()));
    }

    // ---- internals ----

    private Ticket call(Counter c, Ticket t, Instant now, String from) {
        Ticket called = put(t.called(c.number(), now));
        putCounter(counters.get(c.number()).serving(called.id()));
        long waited = Math.max(0, Duration.between(t.issuedAt(), now).toSeconds());
        changes.event(new TicketCalled(now, called.id(), called.number(), called.service(), c.number(), from, waited));
        return called;
    }

    private Counter noShow(Counter c, Ticket t, Instant now, String reason) {
        Ticket s = put(t.withStatus(TicketStatus.NO_SHOW, now));
        Counter after = putCounter(c.serving(null));
        changes.event(new TicketNoShow(now, s.id(), s.number(), c.number(), reason));
        return after;
    }

    private Counter finishCurrent(Counter c, Instant now) {
        Ticket t = tickets.get(c.currentTicket());
        Ticket f = put(t.finished(now, c.staffId()));
        Counter after = putCounter(c.finished(f.id(), now));
        long served = serviceSeconds(f);
        estimator.record(f.service(), now, f.ordinal(), served);
        long waited = Math.max(0, Duration.between(f.issuedAt(), f.calledAt()).toSeconds());
        changes.event(new TicketFinished(now, f.id(), f.number(), f.service(), c.number(), c.staffId(), waited, served));
        return after;
    }

    private static long serviceSeconds(Ticket t) {
        Instant from = t.startedAt() != null ? t.startedAt() : t.calledAt();
        return from == null ? 0 : Math.max(0, Duration.between(from, t.finishedAt()).toSeconds());
    }

    private int peopleAhead(String serviceCode, Priority priority) {
        int n = 0;
        for (Ticket t : tickets.values()) {
            if (t.isWaiting() && t.targetCounter() == 0 && t.service().equals(serviceCode)
                    && (!priority.isPriority() || t.priority().isPriority())) {
                n++;
            }
        }
        return n;
    }

    private int servers(String serviceCode) {
        int open = 0;
        int all = 0;
        for (CounterDef def : layout.counters()) {
            if (def.services().contains(serviceCode)) {
                all++;
                if (counters.get(def.number()).status() == CounterStatus.OPEN) {
                    open++;
                }
            }
        }
        return open > 0 ? open : Math.max(1, all);
    }

    private ServiceDef service(String code) {
        ServiceDef s = code == null ? null : services.get(code);
        if (s == null) {
            throw new QueueRefusedException(Refusal.UNKNOWN_SERVICE, String.valueOf(code));
        }
        return s;
    }

    private Counter counterOf(int number) {
        Counter c = counters.get(number);
        if (c == null) {
            throw new QueueRefusedException(Refusal.UNKNOWN_COUNTER, String.valueOf(number));
        }
        return c;
    }

    private Counter openCounter(int number) {
        Counter c = counterOf(number);
        if (c.status() == CounterStatus.CLOSED) {
            throw new QueueRefusedException(Refusal.COUNTER_CLOSED, "counter " + number);
        }
        if (c.status() == CounterStatus.PAUSED) {
            throw new QueueRefusedException(Refusal.COUNTER_PAUSED, "counter " + number);
        }
        return c;
    }

    private Counter idleOpenCounter(int number) {
        Counter c = openCounter(number);
        if (c.currentTicket() != null) {
            throw new QueueRefusedException(Refusal.COUNTER_BUSY, "counter " + number + " has " + c.currentTicket());
        }
        return c;
    }

    private Ticket current(Counter c, TicketStatus... allowed) {
        if (c.currentTicket() == null) {
            throw new QueueRefusedException(Refusal.COUNTER_IDLE, "counter " + c.number());
        }
        Ticket t = tickets.get(c.currentTicket());
        for (TicketStatus s : allowed) {
            if (t.status() == s) {
                return t;
            }
        }
        throw new QueueRefusedException(Refusal.WRONG_TICKET_STATE, t.number() + " is " + t.status());
    }

    private Ticket ticketByNumber(String number, TicketStatus expected) {
        Ticket t = number == null ? null : tickets.get(day + "/" + number);
        if (t == null) {
            throw new QueueRefusedException(Refusal.UNKNOWN_TICKET, String.valueOf(number));
        }
        if (t.status() != expected) {
            throw new QueueRefusedException(Refusal.WRONG_TICKET_STATE, number + " is " + t.status());
        }
        return t;
    }

    private DayState dayState() {
        return new DayState(day, lastNumber, issued, lastOrdinal);
    }

    private Ticket put(Ticket t) {
        tickets.put(t.id(), t);
        changes.tickets.put(t.id(), t);
        return t;
    }

    private Counter putCounter(Counter c) {
        counters.put(c.number(), c);
        changes.counters.put(c.number(), c);
        return c;
    }

    private void begin() {
        changes = new Changes();
    }

    private CommandResult end(Ticket subject) {
        Changes done = changes;
        changes = null;
        return new CommandResult(done.events, new ArrayList<>(done.tickets.values()), new ArrayList<>(done.counters.values()),
                dayState(), subject);
    }

    /** What the current command touched. */
    private static final class Changes {
        final List<QueueEvent> events = new ArrayList<>();
        final Map<String, Ticket> tickets = new LinkedHashMap<>();
        final Map<Integer, Counter> counters = new LinkedHashMap<>();

        void event(QueueEvent e) {
            events.add(e);
        }
    }
}
