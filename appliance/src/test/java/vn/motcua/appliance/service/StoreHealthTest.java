package vn.motcua.appliance.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import vn.motcua.appliance.store.StoreCondition;
import vn.motcua.appliance.store.TestSpace;
import vn.motcua.bus.MutableClock;

class StoreHealthTest {
    private final StoreCondition condition = new StoreCondition(new MutableClock(Instant.parse("2026-11-23T01:00:00Z")));

    @Test
    void greenWithTheFreeSpaceThenLowOnSpaceStillGreenThenRedNamingTheCause() {
        var health = StoreHealth.of(condition, () -> Health.Status.ok("open"));
        TestSpace.set(condition, 512L << 20, 64L << 20);
        assertEquals(new Health.Status(true, "open", "512.0 MiB free (536870912 bytes)"), health.get());
        TestSpace.set(condition, 10L << 20, 64L << 20);
        assertEquals(new Health.Status(true, "low on space", "10.0 MiB free (10485760 bytes), below 64.0 MiB"), health.get());
        condition.writeFailed("journal", new IOException("No space left on device"));
        Health.Status red = health.get();
        assertFalse(red.ok());
        assertEquals("disk full", red.state());
        assertTrue(red.detail().startsWith("journal failed since 2026-11-23T01:00:00Z: No space left on device; 10.0 MiB free"),
                red.detail());
    }

    @Test
    void aDatabaseMovedAsideAtOpenStaysRedUntilALaterFailureIsNamedInstead() {
        var health = StoreHealth.of(condition, () -> Health.Status.fault("recovered", "moved"));
        assertEquals("recovered", health.get().state());
        condition.databaseFailed(new IOException("Input/output error"));
        assertEquals("failing", health.get().state());
        assertTrue(health.get().detail().contains("the database is reopened when space returns"), health.get().detail());
    }
}
