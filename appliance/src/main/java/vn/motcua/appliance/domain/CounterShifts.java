package vn.motcua.appliance.domain;

import java.time.Clock;
import java.util.Objects;

import vn.motcua.appliance.domain.QueueEvent.CounterChanged;

/** A clerk opens, pauses and closes a counter. */
final class CounterShifts {
    private final Clock clock;
    private final OfficeHours hours;
    private final UntrustedClock untrusted;
    private final QueueState state;
    private final CommandChecks checks;

    CounterShifts(Clock clock, OfficeHours hours, UntrustedClock untrusted, QueueState state, CommandChecks checks) {
        this.clock = clock;
        this.hours = hours;
        this.untrusted = untrusted;
        this.state = state;
        this.checks = checks;
    }

    CommandResult open(int counterNumber, String staffId) {
        Counter c = checks.counter(counterNumber);
        hours.requireCounterMayOpen(c, clock.instant(), untrusted.trusted());
        for (Counter other : state.counters()) {
            if (staffId != null && other.number() != counterNumber && other.status() != CounterStatus.CLOSED
                    && staffId.equals(other.staffId())) {
                throw new QueueRefusedException(Refusal.STAFF_AT_ANOTHER_COUNTER,
                        staffId + " is at counter " + other.number());
            }
        }
        return set(c, CounterStatus.OPEN, staffId);
    }

    CommandResult pause(int counterNumber) {
        Counter c = checks.counter(counterNumber);
        if (c.status() == CounterStatus.CLOSED) {
            throw new QueueRefusedException(Refusal.COUNTER_CLOSED, "counter " + counterNumber);
        }
        if (c.currentTicket() != null) {
            throw new QueueRefusedException(Refusal.COUNTER_BUSY, "counter " + counterNumber + " has "
                    + c.currentTicket() + ": finish, park, transfer or skip it before pausing");
        }
        return set(c, CounterStatus.PAUSED, c.staffId());
    }

    CommandResult close(int counterNumber) {
        Counter c = checks.counter(counterNumber);
        if (c.currentTicket() != null) {
            throw new QueueRefusedException(Refusal.COUNTER_BUSY, "counter " + counterNumber + " has " + c.currentTicket());
        }
        return set(c, CounterStatus.CLOSED, null);
    }

    /** Opening an open counter again under the same clerk changes nothing and says nothing. */
    private CommandResult set(Counter c, CounterStatus status, String staffId) {
        state.begin();
        if (c.status() != status || !Objects.equals(c.staffId(), staffId)) {
            state.putCounter(c.withStatus(status, staffId));
            state.event(new CounterChanged(clock.instant(), c.number(), status.name(), staffId));
        }
        return state.end(null);
    }
}
