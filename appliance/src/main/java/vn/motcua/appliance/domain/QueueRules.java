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
 */
public record QueueRules(ZoneId zone, LocalTime dayStartsAt, Duration noShowRecallWindow, Duration ratingWindow,
                         Duration defaultServiceTime, int estimateSample, Set<Priority> priorities) {

    public static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");

    public QueueRules {
        Objects.requireNonNull(zone, "zone");
        Objects.requireNonNull(dayStartsAt, "dayStartsAt");
        Objects.requireNonNull(noShowRecallWindow, "noShowRecallWindow");
        Objects.requireNonNull(ratingWindow, "ratingWindow");
        Objects.requireNonNull(defaultServiceTime, "defaultServiceTime");
        priorities = Set.copyOf(priorities);
        if (noShowRecallWindow.isNegative() || ratingWindow.isNegative() || defaultServiceTime.isNegative()
                || defaultServiceTime.isZero()) {
            throw new IllegalArgumentException("queue durations must be positive");
        }
        if (estimateSample < 1 || estimateSample > 1000) {
            throw new IllegalArgumentException("estimate sample must be 1..1000, was " + estimateSample);
        }
    }

    public static QueueRules defaults() {
        return new QueueRules(VIETNAM, LocalTime.of(4, 0), Duration.ofMinutes(15), Duration.ofMinutes(5),
                Duration.ofMinutes(6), 20, Set.of(Priority.ELDERLY, Priority.DISABLED, Priority.PREGNANT));
    }
}
