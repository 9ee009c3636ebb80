package vn.motcua.appliance.domain;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BooleanSupplier;

/**
 * The queue rules of one office. Pure: no I/O, no threads, time only from the {@link Clock} given.
 * Not thread-safe: one caller at a time (the appliance serialises commands).
 *
 * <p>Every command either returns what it changed, or throws {@link QueueRefusedException} having changed
 * nothing: all checks run before the first mutation.
 *
 * <p>This class is the one door to the rules; the rules themselves live in one class per seam, all sharing one
 * {@link QueueState}: {@link TicketIssuing} (a resident takes a number), {@link CounterCalls} (the resident at a
 * counter), {@link CounterShifts} (a clerk opens, pauses, closes), {@link DayRoll} (what ends tickets without a
 * clerk), {@link OfficeHours} and {@link UntrustedClock} (what the wall clock may decide, and when it may not),
 * {@link WaitEstimates} (what a resident is told about the wait), {@link BookingCheckIns} (booked residents, with
 * {@link BookedLane}) and {@link CommandChecks} (the refusals).
 */
public final class QueueEngine {
    private final OfficeLayout layout;
    private final QueueState state;
    private final Clock clock;
    private final UntrustedClock untrusted;
    private final WaitEstimates estimates;
    private final TicketIssuing issuing;
    private final CounterCalls calls;
    private final CounterShifts shifts;
    private final DayRoll dayRoll;
    private final BookingCheckIns bookingCheckIns;

    /** An engine whose wall clock is always trusted (a host with a real-time clock, the tests). */
    public QueueEngine(OfficeLayout layout, Clock clock, QueueSnapshot snapshot) {
        this(layout, clock, () -> true, snapshot);
    }

    /**
     * @param wallClockTrusted whether the wall clock can be believed now; while it cannot, opening hours are not
     *                         enforced and the day roll waits (see {@link UntrustedClock})
     */
    public QueueEngine(OfficeLayout layout, Clock clock, BooleanSupplier wallClockTrusted, QueueSnapshot snapshot) {
        this.layout = layout;
        this.clock = clock;
        this.state = new QueueState(layout, snapshot);
        this.untrusted = new UntrustedClock(wallClockTrusted, state.lastOrdinal());
        this.estimates = new WaitEstimates(state, layout, clock);
        CommandChecks checks = new CommandChecks(state, layout);
        OfficeHours hours = new OfficeHours(layout);
        this.issuing = new TicketIssuing(layout, clock, hours, untrusted, state, checks, estimates);
        this.calls = new CounterCalls(layout, clock, state, checks, estimates);
        this.shifts = new CounterShifts(clock, hours, untrusted, state, checks);
        this.bookingCheckIns = new BookingCheckIns(layout, clock, untrusted, state, issuing);
        this.dayRoll = new DayRoll(state, clock, layout, untrusted, estimates, bookingCheckIns);
    }

    /** Carries what this engine knows about tickets issued under an untrusted clock into its replacement. */
    public void handOverClockStateTo(QueueEngine next) {
        untrusted.handOverTo(next.untrusted);
    }

    /** An engine for an office that has never issued a ticket. */
    public static QueueEngine fresh(OfficeLayout layout, Clock clock) {
        LocalDate today = new BusinessCalendar(layout.rules()).dayOf(clock.instant());
        return new QueueEngine(layout, clock, new QueueSnapshot(new DayState(today, Map.of(), Map.of(), 0), List.of(), List.of()));
    }

    // ---- residents ----

    public CommandResult issueTicket(String serviceCode, Priority priority, String residentKey) {
        return issuing.issue(serviceCode, priority, residentKey);
    }

    /**
     * Why a walk-in ticket for {@code serviceCode} would be refused if asked now (the checks of {@link #issueTicket},
     * nothing changed), or empty: the kiosks show a closed or full service before a resident presses it.
     */
    public Optional<Refusal> ticketRefusalNow(String serviceCode) {
        return issuing.refusalNow(serviceCode);
    }

    /**
     * A booked resident checks in: the check-in and the ticket are one command. Early and on-time check-ins wait in
     * the booked lane, one past the grace is a walk-in ({@link BookingRules}).
     */
    public CommandResult checkInBooking(String code) {
        return bookingCheckIns.checkIn(code);
    }

    /**
     * The bookings the district sent, as the store holds them (not a command: they change no ticket and no event
     * is due; the store has them already). Booked tickets no longer waiting are left out.
     */
    public void loadBookings(BookingSnapshot bookings) {
        state.lane().load(bookings, state);
    }

    /** What the engine holds about bookings, to carry into a replacement engine. */
    public BookingSnapshot bookings() {
        return state.lane().snapshot();
    }

    /** The open (not yet checked in) booking under this code, if any. */
    public Optional<Booking> openBooking(String code) {
        return Optional.ofNullable(state.lane().open(code));
    }

    /** The slot start of a booked ticket still waiting for its call in the booked lane; empty for a walk-in. */
    public Optional<java.time.Instant> bookedSlotOf(Ticket t) {
        return Optional.ofNullable(state.lane().slotOf(t));
    }

    // ---- counters: calling ----

    public CommandResult callNext(int counterNumber) {
        return calls.callNext(counterNumber);
    }

    public CommandResult recall(int counterNumber) {
        return calls.recall(counterNumber);
    }

    /** The resident did not come: the ticket waits aside and can be recalled within the no-show window. */
    public CommandResult skip(int counterNumber) {
        return calls.skip(counterNumber);
    }

    public CommandResult recallNoShow(int counterNumber, String number) {
        return calls.recallNoShow(counterNumber, number);
    }

    public CommandResult startService(int counterNumber) {
        return calls.startService(counterNumber);
    }

    public CommandResult finish(int counterNumber) {
        return calls.finish(counterNumber);
    }

    public CommandResult transferToService(int counterNumber, String serviceCode) {
        return calls.transferToService(counterNumber, serviceCode);
    }

    public CommandResult transferToCounter(int counterNumber, int toCounter) {
        return calls.transferToCounter(counterNumber, toCounter);
    }

    /** The resident must fetch a missing paper: the counter is free, the ticket can be called back later. */
    public CommandResult park(int counterNumber) {
        return calls.park(counterNumber);
    }

    public CommandResult callParked(int counterNumber, String number) {
        return calls.callParked(counterNumber, number);
    }

    public CommandResult rate(int counterNumber, int score) {
        return calls.rate(counterNumber, score);
    }

    // ---- counters: opening ----

    /** A clerk is open at one counter at a time: opening another while one is open or paused under the name is refused. */
    public CommandResult openCounter(int counterNumber, String staffId) {
        return shifts.open(counterNumber, staffId);
    }

    /**
     * Refused while a ticket is at the counter: the resident called is walking up or being served and expects this
     * clerk, so the clerk finishes, parks, transfers or skips first. A paused counter never holds a ticket that
     * another counter could call, and the display never shows a call nobody will answer.
     */
    public CommandResult pauseCounter(int counterNumber) {
        return shifts.pause(counterNumber);
    }

    public CommandResult closeCounter(int counterNumber) {
        return shifts.close(counterNumber);
    }

    /** Ends the queue for today before its time (the district closes the office early); see {@link DayRoll#closeQueue}. */
    public CommandResult closeQueue(String reason) {
        return dayRoll.closeQueue(reason);
    }

    // ---- time ----

    /**
     * Applies what time alone changes: a new business day (numbering restarts, unfinished tickets expire,
     * counters close) and no-shows whose recall window passed. A clock set backwards never moves the day back.
     * While the wall clock is untrusted the day rolls only once no ticket is active; after, only once no ticket
     * issued under it is (see {@link UntrustedClock}).
     */
    public CommandResult tick() {
        return dayRoll.tick();
    }

    // ---- reading ----

    public LocalDate day() {
        return state.day();
    }

    public OfficeLayout layout() {
        return layout;
    }

    /** Every ticket of the day, finished and expired ones too: for figures and look-ups, not per command. */
    public Collection<Ticket> tickets() {
        return state.tickets();
    }

    /** The tickets not finished or expired, in issue order: what a screen or a count per command reads. */
    public Collection<Ticket> activeTickets() {
        return state.activeTickets();
    }

    /** Today's ticket with this id, if any, at no cost that grows with the day. */
    public Optional<Ticket> ticketById(String id) {
        return Optional.ofNullable(state.ticket(id));
    }

    /** The latest calls as the tickets are now, latest first (at most {@code n}, and at most the 32 kept). */
    public List<Ticket> recentCalls(int n) {
        List<Ticket> all = state.recentCalls();
        return all.size() <= n ? all : all.subList(0, n);
    }

    public Collection<Counter> counters() {
        return state.counters();
    }

    /** The ticket call-next at this counter would call now, if any (whether the counter is open or not). */
    public Optional<Ticket> nextFor(int counterNumber) {
        return layout.counter(counterNumber).flatMap(def -> QueueOrder.nextFor(def, state.activeTickets(), state.lane(),
                layout.rules().bookings(), clock.instant()));
    }

    public Optional<Ticket> ticket(String number) {
        return Optional.ofNullable(state.ticketNumbered(number));
    }

    public long waiting(String serviceCode) {
        return estimates.waiting(serviceCode);
    }

    /** Estimated wait for a normal ticket taken now. */
    public long estimatedWaitSeconds(String serviceCode) {
        return estimates.forNewTicket(serviceCode, Priority.NORMAL);
    }

    /** About how many waiting tickets are ahead of {@code t} (0 if it is not waiting); see {@link WaitEstimates#aheadOf}. */
    public int peopleAheadOf(Ticket t) {
        return estimates.aheadOf(t);
    }

    /** Estimated wait of waiting ticket {@code t} from now (0 if it is not waiting). */
    public long estimatedWaitSecondsOf(Ticket t) {
        return estimates.forTicket(t);
    }

    /**
     * Whether a new day, were it due now, would wait: the wall clock is untrusted and a ticket is active, or a
     * ticket issued while it was untrusted is still active.
     */
    public boolean dayRollHeld() {
        return dayRoll.dayRollHeld();
    }

    public QueueSnapshot snapshot() {
        return state.snapshot();
    }

    /**
     * The queue as it was before the last command or tick: what the service goes back to when the store could not
     * commit it. Built only when asked, from what the command changed.
     */
    public QueueSnapshot beforeLastCommand() {
        return state.beforeLast();
    }
}
