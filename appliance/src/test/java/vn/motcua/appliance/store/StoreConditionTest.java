package vn.motcua.appliance.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.sql.SQLException;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import vn.motcua.bus.MutableClock;

class StoreConditionTest {
    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-23T01:00:00Z"));

    @Test
    void aFailedWriteIsNamedWithItsCauseAndKeepsTheTimeItStartedUntilRecovered() {
        StoreCondition c = new StoreCondition(clock);
        assertFalse(c.failing());
        c.writeFailed("journal", new SQLException("wrapped", new IOException("No space left on device")));
        clock.advance(java.time.Duration.ofMinutes(1));
        c.writeFailed("watermarks", new IOException("Input/output error"));
        assertTrue(c.failing());
        assertFalse(c.databaseFailed());
        assertEquals("watermarks", c.failure().what());
        assertEquals("Input/output error", c.failure().cause());
        assertFalse(c.failure().noSpace(), "an I/O error on a disk with room is not 'full'");
        assertEquals(Instant.parse("2026-11-23T01:00:00Z"), c.failure().since());
        c.databaseFailed(new SQLException("General error: MVStoreException: Writing failed"));
        assertTrue(c.databaseFailed());
        c.recovered();
        assertFalse(c.failing());
        assertFalse(c.databaseFailed());
    }

    @Test
    void aFailureOnANearlyFullDiskIsTakenForLackOfSpaceEvenWhenTheErrorDoesNotSaySo() {
        StoreCondition c = new StoreCondition(clock);
        c.freeSpace(4096, 64L << 20);
        assertTrue(c.spaceLow());
        c.databaseFailed(new SQLException("The database has been closed"));
        assertTrue(c.failure().noSpace());
    }

    @Test
    void noSpaceIsFoundAnywhereInTheCauses() {
        assertTrue(StoreCondition.noSpace(new RuntimeException(new IOException("No space left on device"))));
        assertTrue(StoreCondition.noSpace(new IOException("Disk quota exceeded")));
        assertFalse(StoreCondition.noSpace(new IOException("Input/output error")));
    }

    @Test
    void theCauseShownIsOneSanitisedLine() {
        String shown = StoreCondition.rootMessage(new IOException("bad\u0007 thing\nsecond line"));
        assertEquals("bad? thing", shown);
    }
}
