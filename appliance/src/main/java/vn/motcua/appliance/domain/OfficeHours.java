package vn.motcua.appliance.domain;

import java.time.Instant;
import java.time.LocalDateTime;

/**
 * The opening hours as the wall clock tells them: the office's closed days, each service's hours, each counter's
 * hours. Enforced only while the clock is trusted ({@link UntrustedClock}): no resident or clerk is turned away
 * by a clock that may be hours off.
 */
final class OfficeHours {
    private final OfficeLayout layout;
    private final BusinessCalendar calendar;

    OfficeHours(OfficeLayout layout) {
        this.layout = layout;
        this.calendar = new BusinessCalendar(layout.rules());
    }

    /** Refuses a ticket for {@code svc} at {@code now}, unless {@code trusted} is false (the clock may not say). */
    void requireServiceOpen(ServiceDef svc, Instant now, boolean trusted) {
        if (!trusted) {
            return;
        }
        LocalDateTime local = calendar.local(now);
        if (layout.closedDays().closed(local.toLocalDate())) {
            throw new QueueRefusedException(Refusal.OFFICE_CLOSED_TODAY, svc.code());
        }
        switch (svc.hours().at(local)) {
            case OPEN -> { }
            case NOT_YET_OPEN -> throw new QueueRefusedException(Refusal.SERVICE_NOT_YET_OPEN, svc.code());
            case LUNCH_BREAK -> throw new QueueRefusedException(Refusal.SERVICE_LUNCH_BREAK, svc.code());
            case CLOSED_FOR_THE_DAY -> throw new QueueRefusedException(Refusal.SERVICE_CLOSED_FOR_THE_DAY, svc.code());
            case CLOSED_TODAY -> throw new QueueRefusedException(Refusal.SERVICE_CLOSED_TODAY, svc.code());
        }
    }

    /**
     * A closed counter opens only within its own hours ({@link CounterDef#hours()}); a paused or open one may resume
     * after them (the clerk finishes the day's last residents).
     */
    void requireCounterMayOpen(Counter c, Instant now, boolean trusted) {
        if (trusted && c.status() == CounterStatus.CLOSED
                && layout.counter(c.number()).orElseThrow().hours().at(calendar.local(now)) != OpeningHours.Availability.OPEN) {
            throw new QueueRefusedException(Refusal.COUNTER_OUTSIDE_HOURS, "counter " + c.number());
        }
    }
}
