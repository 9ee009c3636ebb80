package vn.motcua.appliance.domain;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;

/** A clock a test moves by hand, forwards or (like a Pi without RTC after NTP sync) backwards. */
final class TestClock extends Clock {
    private final ZoneId zone;
    private Instant now;

    TestClock(LocalDateTime local, ZoneId zone) {
        this.zone = zone;
        this.now = local.atZone(zone).toInstant();
    }

    /** Sets the wall clock to a local time in the office's zone. */
    TestClock set(LocalDateTime local) {
        now = local.atZone(zone).toInstant();
        return this;
    }

    TestClock advance(Duration d) {
        now = now.plus(d);
        return this;
    }

    TestClock advanceMinutes(long minutes) {
        return advance(Duration.ofMinutes(minutes));
    }

    LocalDateTime local() {
        return LocalDateTime.ofInstant(now, zone);
    }

    @Override
    public ZoneId getZone() {
        return zone;
    }

    @Override
    public Clock withZone(ZoneId z) {
        throw new UnsupportedOperationException("the engine takes its zone from the rules, not the clock");
    }

    @Override
    public Instant instant() {
        return now;
    }
}
