package vn.motcua.appliance.history;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;

/**
 * One booking of a day as the office's history counts it ({@link Figures}: booked, checked in, on time, no-show),
 * whatever it was read from: the store's booking row at the roll or for today, or the day's booking events for the
 * technician's recompute ({@link DayBookings}).
 *
 * @param onTime  checked in early or within the grace (a check-in that was not late)
 * @param noShow  reported as a no-show once its grace was over, even if checked in late after that
 */
public record DayBooking(String code, LocalDate day, String service, Instant slotStart, boolean checkedIn,
                         boolean onTime, boolean noShow) {
    public DayBooking {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(day, "day");
        Objects.requireNonNull(service, "service");
        Objects.requireNonNull(slotStart, "slotStart");
        if (onTime && !checkedIn) {
            throw new IllegalArgumentException("on time but not checked in");
        }
    }

    /** Its share of its cell's figures: one booked, and what became of it. */
    Figures figures() {
        return new Figures(new int[0], 0, 0, 0, 0, 0, 0, 0, Histogram.EMPTY, Histogram.EMPTY, new int[4], 1,
                checkedIn ? 1 : 0, onTime ? 1 : 0, noShow ? 1 : 0);
    }
}
