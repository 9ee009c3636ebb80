package vn.motcua.appliance.domain;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import vn.motcua.appliance.domain.QueueEvent.ServiceRated;
import vn.motcua.appliance.domain.QueueEvent.ServiceStarted;
import vn.motcua.appliance.domain.QueueEvent.TicketCalled;
import vn.motcua.appliance.domain.QueueEvent.TicketFinished;
import vn.motcua.appliance.domain.QueueEvent.TicketNoShow;
import vn.motcua.appliance.domain.QueueEvent.TicketParked;
import vn.motcua.appliance.domain.QueueEvent.TicketRecalled;
import vn.motcua.appliance.domain.QueueEvent.TicketTransferred;

/**
 * What a clerk does with the resident at the counter: call, recall, skip, serve, finish, transfer, park, and the
 * resident's rating afterwards. Each method checks first and changes after {@link QueueState#begin()}.
 */
final class CounterCalls {
    private final OfficeLayout layout;
    private final Clock clock;
    private final QueueState state;
    private final CommandChecks checks;
    private final WaitEstimates estimates;

    CounterCalls(OfficeLayout layout, Clock clock, QueueState state, CommandChecks checks, WaitEstimates estimates) {
        this.layout = layout;
        this.clock = clock;
        this.state = state;
        this.checks = checks;
        this.estimates = estimates;
    }

    CommandResult callNext(int counterNumber) {
        Counter c = checks.openCounter(counterNumber);
        Instant now = clock.instant();
        Ticket next = QueueOrder.nextFor(layout.counter(counterNumber).orElseThrow(), state.activeTickets(), state.lane(),
                        layout.rules().bookings(), now)
                .orElseThrow(() -> new QueueRefusedException(Refusal.NOBODY_WAITING, "counter " + counterNumber));
        state.begin();
        if (c.currentTicket() != null) {
            Ticket current = state.ticket(c.currentTicket());
            // A call nobody started is not a service: by default the resident did not come (see QueueRules).
            boolean unstarted = current.status() == TicketStatus.CALLED
                    && layout.rules().unstartedCallOnNext() == QueueRules.UnstartedCall.NO_SHOW;
            c = unstarted ? noShow(c, current, now, TicketNoShow.NEXT_CALLED) : finishCurrent(c, now);
        }
        return state.end(call(c, next, now, "queue"));
    }

    CommandResult recall(int counterNumber) {
        Counter c = checks.counter(counterNumber);
        Ticket t = checks.current(c, TicketStatus.CALLED);
        state.begin();
        Ticket r = state.put(t.recalled());
        state.event(new TicketRecalled(clock.instant(), r.id(), r.number(), c.number(), r.recalls()));
        return state.end(r);
    }

    CommandResult skip(int counterNumber) {
        Counter c = checks.counter(counterNumber);
        Ticket t = checks.current(c, TicketStatus.CALLED);
        Instant now = clock.instant();
        state.begin();
        noShow(c, t, now, TicketNoShow.SKIPPED);
        return state.end(state.ticket(t.id()));
    }

    CommandResult recallNoShow(int counterNumber, String number) {
        Counter c = checks.idleOpenCounter(counterNumber);
        Ticket t = checks.ticketByNumber(number, TicketStatus.NO_SHOW);
        Instant now = clock.instant();
        if (Duration.between(t.skippedAt(), now).compareTo(layout.rules().noShowRecallWindow()) > 0) {
            throw new QueueRefusedException(Refusal.RECALL_WINDOW_PASSED, number);
        }
        state.begin();
        return state.end(call(c, t, now, "no_show"));
    }

    CommandResult startService(int counterNumber) {
        Counter c = checks.counter(counterNumber);
        Ticket t = checks.current(c, TicketStatus.CALLED);
        Instant now = clock.instant();
        state.begin();
        Ticket s = state.put(t.withStatus(TicketStatus.SERVING, now));
        state.event(new ServiceStarted(now, s.id(), s.number(), c.number()));
        return state.end(s);
    }

    CommandResult finish(int counterNumber) {
        Counter c = checks.counter(counterNumber);
        Ticket t = checks.current(c, TicketStatus.CALLED, TicketStatus.SERVING);
        state.begin();
        finishCurrent(c, clock.instant());
        return state.end(state.ticket(t.id()));
    }

    CommandResult transferToService(int counterNumber, String serviceCode) {
        Counter c = checks.counter(counterNumber);
        Ticket t = checks.current(c, TicketStatus.CALLED, TicketStatus.SERVING);
        ServiceDef target = checks.service(serviceCode);
        if (target.code().equals(t.service())) {
            throw new QueueRefusedException(Refusal.TRANSFER_TARGET_INVALID, "already in " + serviceCode);
        }
        if (layout.counters().stream().noneMatch(def -> def.services().contains(target.code()))) {
            // the ticket would wait all day for a call that cannot come
            throw new QueueRefusedException(Refusal.TRANSFER_TARGET_INVALID, "no counter serves " + serviceCode);
        }
        return transfer(c, t, target.code(), 0);
    }

    CommandResult transferToCounter(int counterNumber, int toCounter) {
        Counter c = checks.counter(counterNumber);
        Ticket t = checks.current(c, TicketStatus.CALLED, TicketStatus.SERVING);
        if (toCounter == counterNumber || layout.counter(toCounter).isEmpty()) {
            throw new QueueRefusedException(Refusal.TRANSFER_TARGET_INVALID, "counter " + toCounter);
        }
        if (state.counter(toCounter).status() == CounterStatus.CLOSED) {
            // the resident would wait, unseen, until someone opens it (issue 15: B001 waited for counter 4)
            throw new QueueRefusedException(Refusal.TRANSFER_TARGET_CLOSED, "counter " + toCounter + " is closed");
        }
        return transfer(c, t, t.service(), toCounter);
    }

    private CommandResult transfer(Counter c, Ticket t, String toService, int toCounter) {
        state.begin();
        Ticket moved = state.put(t.transferred(toService, toCounter));
        state.putCounter(c.serving(null));
        state.event(new TicketTransferred(clock.instant(), t.id(), t.number(), c.number(), t.service(), toService, toCounter));
        return state.end(moved);
    }

    CommandResult park(int counterNumber) {
        Counter c = checks.counter(counterNumber);
        Ticket t = checks.current(c, TicketStatus.CALLED, TicketStatus.SERVING);
        Instant now = clock.instant();
        state.begin();
        Ticket p = state.put(t.withStatus(TicketStatus.PARKED, now));
        state.putCounter(c.serving(null));
        state.event(new TicketParked(now, p.id(), p.number(), c.number()));
        return state.end(p);
    }

    CommandResult callParked(int counterNumber, String number) {
        Counter c = checks.idleOpenCounter(counterNumber);
        Ticket t = checks.ticketByNumber(number, TicketStatus.PARKED);
        state.begin();
        return state.end(call(c, t, clock.instant(), "parked"));
    }

    /** Only the last ticket finished at the counter, once, within the rating window: the pad is at that counter. */
    CommandResult rate(int counterNumber, int score) {
        Counter c = checks.counter(counterNumber);
        if (score < 1 || score > 4) {
            throw new QueueRefusedException(Refusal.INVALID_RATING, String.valueOf(score));
        }
        Instant now = clock.instant();
        Ticket t = c.lastFinishedTicket() == null ? null : state.ticket(c.lastFinishedTicket());
        if (t == null || t.rating() != 0
                || Duration.between(c.lastFinishedAt(), now).compareTo(layout.rules().ratingWindow()) > 0) {
            throw new QueueRefusedException(Refusal.NOTHING_TO_RATE, "counter " + counterNumber);
        }
        state.begin();
        Ticket r = state.put(t.rated(score));
        state.putCounter(c.ratingUsed());
        state.event(new ServiceRated(now, r.id(), r.number(), c.number(), r.servedBy(), score));
        return state.end(r);
    }

    private Ticket call(Counter c, Ticket t, Instant now, String from) {
        Ticket called = state.put(t.called(c.number(), now));
        // the counter as it is now: call-next may have just finished or skipped its previous ticket
        state.putCounter(state.counter(c.number()).serving(called.id()));
        long waited = Math.max(0, Duration.between(t.issuedAt(), now).toSeconds());
        state.event(new TicketCalled(now, called.id(), called.number(), called.service(), c.number(), from, waited));
        return called;
    }

    private Counter noShow(Counter c, Ticket t, Instant now, String reason) {
        Ticket s = state.put(t.withStatus(TicketStatus.NO_SHOW, now));
        Counter after = state.putCounter(c.serving(null));
        state.event(new TicketNoShow(now, s.id(), s.number(), c.number(), reason));
        return after;
    }

    private Counter finishCurrent(Counter c, Instant now) {
        Ticket t = state.ticket(c.currentTicket());
        Ticket f = state.put(t.finished(now, c.staffId()));
        Counter after = state.putCounter(c.finished(f.id(), now));
        estimates.learn(f);
        long waited = Math.max(0, Duration.between(f.issuedAt(), f.calledAt()).toSeconds());
        state.event(new TicketFinished(now, f.id(), f.number(), f.service(), c.number(), c.staffId(), waited,
                WaitEstimates.serviceSeconds(f)));
        return after;
    }
}
