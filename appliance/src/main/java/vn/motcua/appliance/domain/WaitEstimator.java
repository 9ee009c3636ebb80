package vn.motcua.appliance.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * Recent service times per service, for a new ticket's estimated wait: the median of the latest
 * {@code estimate_sample} service times, and the configured default service time until {@link #MIN_SAMPLES} were
 * seen. The median, not the mean: one service finished in 0 s (a clerk pressing done twice) or one of two hours
 * must not tell four waiting residents "&lt; 1 phút" or "2 giờ"; an outlier moves the median by at most one place.
 *
 * <p>"Recent" means the latest by finish time (then issue order), not the latest recorded: after the clock was set
 * backwards the two differ, and an engine rebuilt from the store only knows finish times. Keeping the same
 * samples either way means a restart never changes the estimate a resident is shown.
 */
final class WaitEstimator {
    private record Finish(Instant at, long ordinal) {}

    private static final Comparator<Finish> ORDER = Comparator.comparing(Finish::at).thenComparingLong(Finish::ordinal);

    /** Fewer finished services than this (or than the sample, if smaller) say too little: the default is used. */
    static final int MIN_SAMPLES = 5;

    private final int sample;
    private final Duration fallback;
    private final Map<String, TreeMap<Finish, Long>> recentSeconds = new HashMap<>();

    WaitEstimator(int sample, Duration fallback) {
        this.sample = sample;
        this.fallback = fallback;
    }

    /** Records the service time of a ticket finished {@code at}; {@code ordinal} orders tickets finished together. */
    void record(String service, Instant at, long ordinal, long serviceSeconds) {
        TreeMap<Finish, Long> d = recentSeconds.computeIfAbsent(service, k -> new TreeMap<>(ORDER));
        d.put(new Finish(at, ordinal), Math.max(0, serviceSeconds));
        while (d.size() > sample) {
            d.pollFirstEntry();
        }
    }

    /** The typical service time of {@code service}, in seconds (at least 1). */
    long typicalSeconds(String service) {
        TreeMap<Finish, Long> d = recentSeconds.get(service);
        if (d == null || d.size() < Math.min(MIN_SAMPLES, sample)) {
            return fallback.toSeconds();
        }
        long[] sorted = d.values().stream().mapToLong(Long::longValue).sorted().toArray();
        int mid = sorted.length / 2;
        long median = sorted.length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
        return Math.max(1, median);
    }

    /** Wait for someone with {@code peopleAhead} in front, served by {@code servers} counters in parallel. */
    long estimateSeconds(String service, int peopleAhead, int servers) {
        return peopleAhead * typicalSeconds(service) / Math.max(1, servers);
    }

    void clear() {
        recentSeconds.clear();
    }
}
