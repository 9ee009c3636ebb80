package vn.motcua.appliance.domain;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;

/** Recent service times per service, averaged for a new ticket's estimated wait. */
final class WaitEstimator {
    private final int sample;
    private final Duration fallback;
    private final Map<String, Deque<Long>> recentSeconds = new HashMap<>();

    WaitEstimator(int sample, Duration fallback) {
        this.sample = sample;
        this.fallback = fallback;
    }

    void record(String service, long serviceSeconds) {
        Deque<Long> d = recentSeconds.computeIfAbsent(service, k -> new ArrayDeque<>());
        d.addLast(Math.max(0, serviceSeconds));
        while (d.size() > sample) {
            d.removeFirst();
        }
    }

    long averageSeconds(String service) {
        Deque<Long> d = recentSeconds.get(service);
        if (d == null || d.isEmpty()) {
            return fallback.toSeconds();
        }
        long sum = 0;
        for (long s : d) {
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
