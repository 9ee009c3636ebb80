package vn.motcua.appliance.domain;

import java.util.Map;

/**
 * The lookups every command makes before it changes anything, each throwing the {@link QueueRefusedException} a
 * clerk or kiosk is shown. Kept apart from the changes so that "all checks run before the first mutation" can be
 * read off each command: checks here, then {@link QueueState#begin()}.
 */
final class CommandChecks {
    private final QueueState state;
    private final Map<String, ServiceDef> services;

    CommandChecks(QueueState state, OfficeLayout layout) {
        this.state = state;
        this.services = layout.servicesByCode();
    }

    ServiceDef service(String code) {
        ServiceDef s = code == null ? null : services.get(code);
        if (s == null) {
            throw new QueueRefusedException(Refusal.UNKNOWN_SERVICE, String.valueOf(code));
        }
        return s;
    }

    Counter counter(int number) {
        Counter c = state.counter(number);
        if (c == null) {
            throw new QueueRefusedException(Refusal.UNKNOWN_COUNTER, String.valueOf(number));
        }
        return c;
    }

    /** A counter that can call: neither closed nor paused. */
    Counter openCounter(int number) {
        Counter c = counter(number);
        if (c.status() == CounterStatus.CLOSED) {
            throw new QueueRefusedException(Refusal.COUNTER_CLOSED, "counter " + number);
        }
        if (c.status() == CounterStatus.PAUSED) {
            throw new QueueRefusedException(Refusal.COUNTER_PAUSED, "counter " + number);
        }
        return c;
    }

    /** An open counter with nobody at it: calling a set-aside ticket back must not drop the one being served. */
    Counter idleOpenCounter(int number) {
        Counter c = openCounter(number);
        if (c.currentTicket() != null) {
            throw new QueueRefusedException(Refusal.COUNTER_BUSY, "counter " + number + " has " + c.currentTicket());
        }
        return c;
    }

    /** The ticket at counter {@code c}, which must be in one of the {@code allowed} states. */
    Ticket current(Counter c, TicketStatus... allowed) {
        if (c.currentTicket() == null) {
            throw new QueueRefusedException(Refusal.COUNTER_IDLE, "counter " + c.number());
        }
        Ticket t = state.ticket(c.currentTicket());
        for (TicketStatus s : allowed) {
            if (t.status() == s) {
                return t;
            }
        }
        throw new QueueRefusedException(Refusal.WRONG_TICKET_STATE, t.number() + " is " + t.status());
    }

    /** Today's ticket {@code number}, which must be {@code expected}. */
    Ticket ticketByNumber(String number, TicketStatus expected) {
        Ticket t = number == null ? null : state.ticketNumbered(number);
        if (t == null) {
            throw new QueueRefusedException(Refusal.UNKNOWN_TICKET, String.valueOf(number));
        }
        if (t.status() != expected) {
            throw new QueueRefusedException(Refusal.WRONG_TICKET_STATE, number + " is " + t.status());
        }
        return t;
    }
}
