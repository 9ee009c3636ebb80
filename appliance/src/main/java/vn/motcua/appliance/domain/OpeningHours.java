package vn.motcua.appliance.domain;

import java.time.DayOfWeek;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.Objects;
import java.util.Set;

/**
 * When a service takes new tickets: the days it is open, from {@code opens} to {@code closes}
 * (local time), minus a lunch break. A break whose start equals its end means no break.
 */
public record OpeningHours(Set<DayOfWeek> days, LocalTime opens, LocalTime closes,
                           LocalTime lunchStarts, LocalTime lunchEnds) {

    public OpeningHours {
        days = Set.copyOf(Objects.requireNonNull(days, "days"));
        Objects.requireNonNull(opens, "opens");
        Objects.requireNonNull(closes, "closes");
        Objects.requireNonNull(lunchStarts, "lunchStarts");
        Objects.requireNonNull(lunchEnds, "lunchEnds");
        if (!opens.isBefore(closes)) {
            throw new IllegalArgumentException("opening time " + opens + " must be before closing time " + closes);
        }
        if (lunchEnds.isBefore(lunchStarts)) {
            throw new IllegalArgumentException("lunch break end " + lunchEnds + " is before its start " + lunchStarts);
        }
    }

    /** Open every day, all day: for tests and for offices that do not limit hours. */
    public static OpeningHours always() {
        return new OpeningHours(Set.of(DayOfWeek.values()), LocalTime.MIN, LocalTime.MAX, LocalTime.NOON, LocalTime.NOON);
    }

    public Availability at(LocalDateTime local) {
        if (!days.contains(local.getDayOfWeek())) {
            return Availability.CLOSED_TODAY;
        }
        LocalTime t = local.toLocalTime();
        if (t.isBefore(opens)) {
            return Availability.NOT_YET_OPEN;
        }
        if (!t.isBefore(closes)) {
            return Availability.CLOSED_FOR_THE_DAY;
        }
        if (!t.isBefore(lunchStarts) && t.isBefore(lunchEnds)) {
            return Availability.LUNCH_BREAK;
        }
        return Availability.OPEN;
    }

    /** The answer to "can a resident take a ticket now?". */
    public enum Availability { OPEN, NOT_YET_OPEN, LUNCH_BREAK, CLOSED_FOR_THE_DAY, CLOSED_TODAY }
}
