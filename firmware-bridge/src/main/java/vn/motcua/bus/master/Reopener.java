package vn.motcua.bus.master;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import vn.motcua.bus.transport.BusTransport;

/**
 * When to try the port again: capped exponential backoff with jitter, 0.2 s doubling to 5 s,
 * reset by a successful open. Used from the master's I/O thread only.
 */
final class Reopener {
    static final Duration MIN = Duration.ofMillis(200);
    static final Duration MAX = Duration.ofSeconds(5);

    private Duration delay = MIN;
    private Instant next = Instant.EPOCH;

    /** How long until the next attempt is due (zero or negative: now). */
    Duration untilDue(Instant now) {
        return Duration.between(now, next);
    }

    /** Tries to open; on failure schedules the next attempt and returns the reason. */
    Optional<String> attempt(BusTransport transport, Instant now) {
        Optional<String> error = transport.open();
        if (error.isEmpty()) {
            delay = MIN;
            return error;
        }
        long jitter = ThreadLocalRandom.current().nextLong(delay.toMillis() / 4 + 1);
        next = now.plus(delay).plusMillis(jitter);
        delay = delay.multipliedBy(2).compareTo(MAX) > 0 ? MAX : delay.multipliedBy(2);
        return error;
    }

    /** The link just failed: first retry after the minimum delay. */
    void lost(Instant now) {
        next = now.plus(MIN);
    }
}
