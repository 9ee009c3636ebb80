package vn.motcua.appliance.domain;

import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Objects;
import java.util.Set;

/**
 * Office-wide queue rules.
 *
 * @param zone               local zone for opening hours and the daily reset
 * @param dayStartsAt        local time at which a new business day starts (numbering restarts)
 * @param noShowRecallWindow how long a skipped ticket can still be recalled before it expires
 * @param ratingWindow       how long after a ticket is finished the resident may rate it
 * @param defaultServiceTime service time assumed for wait estimates before any ticket was served
 * @param estimateSample     how many recent service times the estimate averages
 * @param priorities         priority classes this office grants (NORMAL is always allowed)
 * @param unstartedCallOnNext what call-next does to the counter's ticket that was called and never started
 * @param bookings           how booked residents are called ({@link BookingRules})
 */
public record QueueRules(ZoneId zone, LocalTime dayStartsAt, Duration noShowRecallWindow, Duration ratingWindow,
                         Duration defaultServiceTime, int estimateSample, Set<Priority> priorities,
                         UnstartedCall unstartedCallOnNext, BookingRules bookings) {

    /**
     * The fate of a ticket still CALLED (the clerk never pressed start) when its clerk calls the next one.
     * {@link #NO_SHOW}, the default: nobody came, so it is skipped like a press of skip (recallable within the
     * no-show window) and never counted as served. {@link #SERVED}: for an office whose clerks never press start,
     * the call was the service (finished, service time from the call).
     */
    public enum UnstartedCall { NO_SHOW, SERVED }

    public static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");

    public QueueRules {
        Objects.requireNonNull(zone, "zone");
        Objects.requireNonNull(dayStartsAt, "dayStartsAt");
        Objects.requireNonNull(noShowRecallWindow, "noShowRecallWindow");
        Objects.requireNonNull(ratingWindow, "ratingWindow");
        Objects.requireNonNull(defaultServiceTime, "defaultServiceTime");
        Objects.requireNonNull(unstartedCallOnNext, "unstartedCallOnNext");
        Objects.requireNonNull(bookings, "bookings");
        priorities = Set.copyOf(priorities);
        if (noShowRecallWindow.isNegative() || ratingWindow.isNegative() || defaultServiceTime.isNegative()
                || defaultServiceTime.isZero()) {
            throw new IllegalArgumentException("queue durations must be positive");
        }
        if (estimateSample < 1 || estimateSample > 1000) {
            throw new IllegalArgumentException("estimate sample must be 1..1000, was " + estimateSample);
        }
    }

    /** With the default booking rules ({@link BookingRules#defaults()}). */
    public QueueRules(ZoneId zone, LocalTime dayStartsAt, Duration noShowRecallWindow, Duration ratingWindow,
                      Duration defaultServiceTime, int estimateSample, Set<Priority> priorities,
                      UnstartedCall unstartedCallOnNext) {
        this(zone, dayStartsAt, noShowRecallWindow, ratingWindow, defaultServiceTime, estimateSample, priorities,
                unstartedCallOnNext, BookingRules.defaults());
    }

    /** With the default rule for an unstarted call ({@link UnstartedCall#NO_SHOW}). */
    public QueueRules(ZoneId zone, LocalTime dayStartsAt, Duration noShowRecallWindow, Duration ratingWindow,
                      Duration defaultServiceTime, int estimateSample, Set<Priority> priorities) {
        this(zone, dayStartsAt, noShowRecallWindow, ratingWindow, defaultServiceTime, estimateSample, priorities,
                UnstartedCall.NO_SHOW);
    }

    public static QueueRules defaults() {
        return new QueueRules(VIETNAM, LocalTime.of(4, 0), Duration.ofMinutes(15), Duration.ofMinutes(5),
                Duration.ofMinutes(6), 20, Set.of(Priority.ELDERLY, Priority.DISABLED, Priority.PREGNANT));
    }
}
