package vn.motcua.appliance.uplink;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import vn.motcua.bus.MutableClock;

class StorageGuardTest {
    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-01T08:00:00Z"));
    private final MemoryOutbox outbox = new MemoryOutbox(clock);
    private final AtomicLong free = new AtomicLong(10_000_000_000L);
    private final StorageGuard guard = new StorageGuard(outbox, free::get, 100_000_000L, 1000, Duration.ofDays(30), clock);

    @Test
    void deliveredRowsArePrunedAfterTheRetentionOnly() {
        outbox.commit("ticket.issued", "{}");
        outbox.markDelivered(List.of(1L));
        clock.advance(Duration.ofDays(20));
        outbox.commit("ticket.issued", "{}");
        outbox.markDelivered(List.of(2L));
        clock.advance(Duration.ofDays(11));
        var s = guard.check();
        assertEquals("ok", s.level());
        assertEquals(1, s.prunedDelivered(), "only the 31-day-old row goes");
    }

    @Test
    void underPressureTelemetryIsShedEveryDeliveredRowPrunedAndQueueEventsKept() {
        for (int i = 0; i < 5; i++) {
            outbox.commit("ticket.issued", "{}");
        }
        outbox.markDelivered(List.of(1L, 2L));
        free.set(150_000_000L); // below twice the minimum
        var s = guard.check();
        assertEquals("pressure", s.level());
        assertEquals(2, s.prunedDelivered());
        assertEquals(3, outbox.pendingCount(), "undelivered queue events are never dropped");
        assertFalse(guard.admitTelemetry());
        assertFalse(guard.admitTelemetry());
        assertEquals(2, guard.check().shedTelemetry());

        free.set(50_000_000L);
        assertEquals("critical", guard.check().level());
        free.set(10_000_000_000L);
        assertEquals("ok", guard.check().level());
        assertTrue(guard.admitTelemetry());
    }

    @Test
    void aHugeBacklogIsPressureEvenWithDiskFree() {
        for (int i = 0; i < 900; i++) {
            outbox.commit("ticket.issued", "{}");
        }
        assertEquals("pressure", guard.check().level());
        for (int i = 0; i < 101; i++) {
            outbox.commit("ticket.issued", "{}");
        }
        assertEquals("critical", guard.check().level());
    }
}
