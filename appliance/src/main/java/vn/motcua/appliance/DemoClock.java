package vn.motcua.appliance;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The demo's clock: the system clock plus an offset that only grows, moved by {@code POST /sim/clock/advance}, so a
 * demonstrator (or a soak benchmark) can show a day roll, or a month of office days in one process, without waiting
 * for them. Only with {@code --demo}; a real office always runs on the system clock. Every part that asks the time
 * asks the one injected clock, so the queue, the day roll and the figures all see the same moved time.
 */
public final class DemoClock extends Clock {
    private final Clock system;
    private final AtomicLong offsetMillis;

    public DemoClock(Clock system) {
        this(system, new AtomicLong());
    }

    private DemoClock(Clock system, AtomicLong offsetMillis) {
        this.system = system;
        this.offsetMillis = offsetMillis;
    }

    /** Moves the time forward by {@code by} (never back: a queue's clock that runs backwards is another test). */
    public Instant advance(Duration by) {
        if (by.isNegative()) {
            throw new IllegalArgumentException("the demo clock only moves forward");
        }
        offsetMillis.addAndGet(by.toMillis());
        return instant();
    }

    /** How far ahead of the system clock this clock runs. */
    public Duration ahead() {
        return Duration.ofMillis(offsetMillis.get());
    }

    @Override
    public ZoneId getZone() {
        return system.getZone();
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return new DemoClock(system.withZone(zone), offsetMillis); // the same offset, shared
    }

    @Override
    public long millis() {
        return system.millis() + offsetMillis.get();
    }

    @Override
    public Instant instant() {
        return system.instant().plusMillis(offsetMillis.get());
    }
}
