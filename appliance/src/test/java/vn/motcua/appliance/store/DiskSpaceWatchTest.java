package vn.motcua.appliance.store;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import vn.motcua.bus.MutableClock;

class DiskSpaceWatchTest {
    @Test
    void reportsTheFreeSpaceAndWhetherItIsBelowTheThreshold(@TempDir Path dir) {
        StoreCondition c = new StoreCondition(new MutableClock(Instant.parse("2026-11-23T01:00:00Z")));
        assertTrue(c.freeBytes() < 0, "unknown before the first look");
        new DiskSpaceWatch(dir, 1, c).look();
        assertTrue(c.freeBytes() > 0);
        assertFalse(c.spaceLow());
        new DiskSpaceWatch(dir, Long.MAX_VALUE, c).look();
        assertTrue(c.spaceLow());
    }
}
