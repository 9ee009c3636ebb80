package vn.motcua.appliance.domain;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * What the kiosk, the ticket and the screens tell a resident about the wait: people ahead and the estimated time.
 * Reads the queue and never changes it; it only learns service times from tickets as they finish
 * ({@link WaitEstimator}).
 */
final class WaitEstimates {
    private final QueueState state;
    private final OfficeLayout layout;
    private final WaitEstimator estimator;
    private final Clock clock;

    /** Learns from today's finished tickets, so a restart shows the same estimate as before it. */
    WaitEstimates(QueueState state, OfficeLayout layout, Clock clock) {
        this.state = state;
        this.layout = layout;
        this.clock = clock;
        this.estimator = new WaitEstimator(layout.rules().estimateSample(), layout.rules().defaultServiceTime());
        state.tickets().stream().filter(t -> t.status() == TicketStatus.FINISHED && t.finishedAt() != null)
                .forEach(this::learn);
    }

    /** Takes the service time of ticket {@code f}, just finished, into the sample. */
    void learn(Ticket f) {
        estimator.record(f.service(), f.finishedAt(), f.ordinal(), serviceSeconds(f));
    }

    /**
     * An engine rebuilt from the store only sees today's finished tickets: a new day forgets yesterday's service
     * times here too, so that a restart never changes the estimate a resident is shown.
     */
    void forgetDay() {
        estimator.clear();
    }

    /** Seconds from the start of service (or the call, if never started) to the finish; 0 if not known. */
    static long serviceSeconds(Ticket t) {
        Instant from = t.startedAt() != null ? t.startedAt() : t.calledAt();
        return from == null ? 0 : Math.max(0, Duration.between(from, t.finishedAt()).toSeconds());
    }

    long waiting(String serviceCode) {
        return state.activeTickets().stream().filter(t -> t.isWaiting() && t.service().equals(serviceCode)).count();
    }

    /** Estimated wait for a walk-in ticket of {@code priority} taken now. */
    long forNewTicket(String serviceCode, Priority priority) {
        return forNewTicket(serviceCode, priority, null);
    }

    /** Estimated wait for a ticket of {@code priority} taken now, booked for {@code slot} (null: a walk-in). */
    long forNewTicket(String serviceCode, Priority priority, Instant slot) {
        return waitFor(serviceCode, aheadOfNewTicket(serviceCode, priority, slot), slot);
    }

    /** Estimated wait behind {@code ahead} people in the line of {@code serviceCode}. */
    long wait(String serviceCode, int ahead) {
        return estimator.estimateSeconds(serviceCode, ahead, servers(serviceCode));
    }

    /**
     * Waiting tickets a new one would have in front, in the call order ({@link QueueOrder#before}): of its service,
     * the booked ones due before it, then for a walk-in the priority ones and for a priority ticket only those.
     * Tickets sent to one counter are not counted: they wait for that counter, not for the service. A booked ticket
     * that waits for its slot counts those in front of it when its slot comes.
     */
    int aheadOfNewTicket(String serviceCode, Priority priority, Instant slot) {
        Instant at = callableFrom(slot);
        int n = 0;
        for (Ticket t : state.activeTickets()) {
            if (t.targetCounter() == 0 && t.service().equals(serviceCode)
                    && QueueOrder.before(t, slot, priority.isPriority(), Long.MAX_VALUE, state.lane(), rules(), at)) {
                n++;
            }
        }
        return n;
    }

    /**
     * About how many waiting tickets are ahead of {@code t} (0 if it is not waiting): those for the same service,
     * or sent to the same counter, that the call order puts before it ({@link QueueOrder#before}: booked ones due
     * before it, priority ones while it is not, then older ones). An estimate for the resident, not the call order:
     * which counter calls whom next (transfers, counters serving several services) is decided only when a clerk
     * presses call-next.
     */
    int aheadOf(Ticket t) {
        if (!t.isWaiting()) {
            return 0;
        }
        Instant slot = state.lane().slotOf(t);
        Instant at = callableFrom(slot);
        int n = 0;
        for (Ticket o : state.activeTickets()) {
            boolean sameLine = o.targetCounter() == t.targetCounter() && (t.targetCounter() != 0 || o.service().equals(t.service()));
            if (sameLine && o != t && QueueOrder.before(o, slot, t.priority().isPriority(), t.ordinal(), state.lane(), rules(), at)) {
                n++;
            }
        }
        return n;
    }

    /** Estimated wait of waiting ticket {@code t} from now (0 if it is not waiting). */
    long forTicket(Ticket t) {
        return t.isWaiting() ? waitFor(t.service(), aheadOf(t), state.lane().slotOf(t)) : 0;
    }

    /** The wait behind {@code ahead}, and never less than the time until a slot an early arrival waits for. */
    private long waitFor(String serviceCode, int ahead, Instant slot) {
        long behind = wait(serviceCode, ahead);
        Instant now = clock.instant();
        Instant at = callableFrom(slot);
        return at.isAfter(now) ? Math.max(behind, Duration.between(now, at).toSeconds()) : behind;
    }

    /** When a ticket booked for {@code slot} (null: a walk-in) can first be called: now, or its slot if it waits for it. */
    private Instant callableFrom(Instant slot) {
        Instant now = clock.instant();
        return slot != null && rules().earlyArrivalsWait() && now.isBefore(slot) ? slot : now;
    }

    private BookingRules rules() {
        return layout.rules().bookings();
    }

    /**
     * Counters serving the service in parallel: the open ones, or, while none is open (before the morning
     * opening), all that could, so the first residents of the day are not shown an endless wait.
     */
    private int servers(String serviceCode) {
        int open = 0;
        int all = 0;
        for (CounterDef def : layout.counters()) {
            if (def.services().contains(serviceCode)) {
                all++;
                if (state.counter(def.number()).status() == CounterStatus.OPEN) {
                    open++;
                }
            }
        }
        return open > 0 ? open : Math.max(1, all);
    }
}
