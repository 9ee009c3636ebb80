package vn.motcua.appliance.domain;

import java.time.Clock;
import java.time.Instant;

import vn.motcua.appliance.domain.QueueEvent.TicketIssued;

/** A resident takes a number: the kiosk, the district's booking and the staff's "issue for" all come here. */
final class TicketIssuing {
    private final OfficeLayout layout;
    private final Clock clock;
    private final OfficeHours hours;
    private final UntrustedClock untrusted;
    private final QueueState state;
    private final CommandChecks checks;
    private final WaitEstimates estimates;

    TicketIssuing(OfficeLayout layout, Clock clock, OfficeHours hours, UntrustedClock untrusted, QueueState state,
                  CommandChecks checks, WaitEstimates estimates) {
        this.layout = layout;
        this.clock = clock;
        this.hours = hours;
        this.untrusted = untrusted;
        this.state = state;
        this.checks = checks;
        this.estimates = estimates;
    }

    CommandResult issue(String serviceCode, Priority priority, String residentKey) {
        return issue(serviceCode, priority, residentKey, null, t -> { });
    }

    /**
     * Issues a ticket; {@code alsoInCommand} adds what else the same command changes (a booking's check-in), after
     * every check has passed, so the command still changes all or nothing. {@code bookedSlot}: the slot of a ticket
     * that joins the booked lane (its people ahead and wait are counted as the call order will treat it), else null.
     */
    CommandResult issue(String serviceCode, Priority priority, String residentKey, Instant bookedSlot,
                        java.util.function.Consumer<Ticket> alsoInCommand) {
        Instant now = clock.instant();
        ServiceDef svc = checks.service(serviceCode);
        if (priority.isPriority() && !layout.rules().priorities().contains(priority)) {
            throw new QueueRefusedException(Refusal.PRIORITY_NOT_OFFERED, priority.name());
        }
        // read once: the hours checked and the ticket's bookkeeping must agree on the same answer
        boolean trusted = untrusted.trusted();
        int next = requireIssuable(svc, now, trusted);
        // what the resident is told is what stood before this ticket joined the queue
        int ahead = estimates.aheadOfNewTicket(svc.code(), priority, bookedSlot);
        long wait = estimates.forNewTicket(svc.code(), priority, bookedSlot);
        state.begin();
        long ordinal = state.bookIssue(svc.code(), next);
        untrusted.issued(ordinal, trusted);
        Ticket t = state.put(Ticket.issued(state.day(), svc.format(next), next, svc.code(), priority, ordinal, now, residentKey));
        state.event(new TicketIssued(now, t.id(), t.number(), t.service(), priority.name(), ahead, wait, residentKey));
        alsoInCommand.accept(t);
        return state.end(t);
    }

    /**
     * Why a walk-in ticket for {@code serviceCode} would be refused now, by the very checks {@link #issue} makes
     * (unknown service, the office's or the service's hours, its daily cap, its numbers used up), changing nothing;
     * empty when it would be issued. What a kiosk shows on a service's button before anyone presses it.
     */
    java.util.Optional<Refusal> refusalNow(String serviceCode) {
        try {
            requireIssuable(checks.service(serviceCode), clock.instant(), untrusted.trusted());
            return java.util.Optional.empty();
        } catch (QueueRefusedException e) {
            return java.util.Optional.of(e.reason());
        }
    }

    /** Refuses a ticket for {@code svc} now (hours, cap, number range), else answers its number. */
    private int requireIssuable(ServiceDef svc, Instant now, boolean trusted) {
        hours.requireServiceOpen(svc, now, trusted);
        if (svc.dailyCap() > 0 && state.issuedToday(svc.code()) >= svc.dailyCap()) {
            throw new QueueRefusedException(Refusal.SERVICE_FULL, svc.code() + " cap " + svc.dailyCap());
        }
        Integer last = state.lastNumber(svc.code());
        int next = last == null ? svc.firstNumber() : last + 1;
        if (next > svc.lastNumber()) {
            throw new QueueRefusedException(Refusal.NUMBER_RANGE_EXHAUSTED, svc.code() + " last " + svc.lastNumber());
        }
        return next;
    }
}
