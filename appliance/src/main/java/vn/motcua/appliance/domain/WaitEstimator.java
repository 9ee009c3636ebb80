package vn.motcua.appliance.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * Recent service times per service, averaged for a new ticket's estimated wait.
 *
 * <p>"Recent" means the latest by finish time (then issue order), not the latest recorded: after the clock was set
 * backwards the two differ, and an engine rebuilt from the store only knows finish times. Keeping the same
 * samples either way means a restart never changes the estimate a resident is shown.
 */
final class WaitEstimator {
    private record Finish(Instant at, long ordinal) {}

    private static final Comparator<Finish> ORDER = Comparator.comparing(Finish::at).thenComparingLong(Finish::ordinal);

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

    long averageSeconds(String service) {
        TreeMap<Finish, Long> d = recentSeconds.get(service);
        if (d == null || d.isEmpty()) {
            return fallback.toSeconds();
        }
        long sum = 0;
        for (long s : d.values()) {
            sum += s;
        }
        return Math.max(1, sum / d.size());
    }

    /** Wait for someone with {@code peopleAhead} in front, served by {@code servers} counters in parallel. */
    long estimateSeconds(String service, int peopleAhead, int servers) {
        return peopleAhead * averageSeconds(service) / Math.max(1, servers);
    }

    void clear() {
        recentSeconds.clear();
    }
}
