package vn.motcua.appliance.domain;

import java.time.Duration;
import java.util.Objects;

/**
 * How booked residents are called (config {@code [queue] booking_grace}, {@code booking_early_arrivals_wait}).
 *
 * <p>The rule: a booked ticket is called at or after its slot start, ahead of every walk-in the counter would call
 * (booked tickets among themselves by slot start, then issue order). A resident who checks in before the slot
 * waits for it when {@code earlyArrivalsWait}; otherwise they queue as a walk-in until the slot starts and go
 * ahead from then. A booking not checked in by slot start + {@code grace} becomes a no-show event; a check-in after
 * that is issued a walk-in ticket (the kiosk says so).
 */
public record BookingRules(Duration grace, boolean earlyArrivalsWait) {
    public BookingRules {
        Objects.requireNonNull(grace, "grace");
        if (grace.isNegative()) {
            throw new IllegalArgumentException("booking grace must not be negative");
        }
    }

    public static BookingRules defaults() {
        return new BookingRules(Duration.ofMinutes(10), true);
    }
}
