package vn.motcua.appliance.domain;

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

    /** Learns from today's finished tickets, so a restart shows the same estimate as before it. */
    WaitEstimates(QueueState state, OfficeLayout layout) {
        this.state = state;
        this.layout = layout;
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

    /** Estimated wait for a ticket of {@code priority} taken now. */
    long forNewTicket(String serviceCode, Priority priority) {
        return wait(serviceCode, aheadOfNewTicket(serviceCode, priority));
    }

    /** Estimated wait behind {@code ahead} people in the line of {@code serviceCode}. */
    long wait(String serviceCode, int ahead) {
        return estimator.estimateSeconds(serviceCode, ahead, servers(serviceCode));
    }

    /**
     * Waiting tickets a new one would have in front: all of its service's, or only the priority ones for a priority
     * ticket. Tickets sent to one counter are not counted: they wait for that counter, not for the service.
     */
    int aheadOfNewTicket(String serviceCode, Priority priority) {
        int n = 0;
        for (Ticket t : state.activeTickets()) {
            if (t.isWaiting() && t.targetCounter() == 0 && t.service().equals(serviceCode)
                    && (!priority.isPriority() || t.priority().isPriority())) {
                n++;
            }
        }
        return n;
    }

    /**
     * About how many waiting tickets are ahead of {@code t} (0 if it is not waiting): those for the same service,
     * or sent to the same counter, that are priority while it is not, or of its class and older. An estimate for
     * the resident, not the call order: which counter calls whom next (transfers, counters serving several
     * services) is decided only when a clerk presses call-next.
     */
    int aheadOf(Ticket t) {
        if (!t.isWaiting()) {
            return 0;
        }
        int n = 0;
        for (Ticket o : state.activeTickets()) {
            boolean sameLine = o.targetCounter() == t.targetCounter() && (t.targetCounter() != 0 || o.service().equals(t.service()));
            boolean before = o.priority().isPriority() != t.priority().isPriority() ? o.priority().isPriority() : o.ordinal() < t.ordinal();
            if (o.isWaiting() && sameLine && before) {
                n++;
            }
        }
        return n;
    }

    /** Estimated wait of waiting ticket {@code t} from now (0 if it is not waiting). */
    long forTicket(Ticket t) {
        return t.isWaiting() ? wait(t.service(), aheadOf(t)) : 0;
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
