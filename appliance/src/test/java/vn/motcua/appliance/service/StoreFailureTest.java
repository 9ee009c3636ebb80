package vn.motcua.appliance.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.sql.Connection;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import vn.motcua.appliance.TestOffices;
import vn.motcua.appliance.domain.Priority;
import vn.motcua.appliance.domain.TicketStatus;
import vn.motcua.appliance.store.CommitJournal;
import vn.motcua.appliance.store.Database;
import vn.motcua.appliance.store.EventStamper;
import vn.motcua.appliance.store.QueueStore;
import vn.motcua.appliance.store.StoreCondition;
import vn.motcua.appliance.store.StorePausedException;
import vn.motcua.appliance.store.TestSpace;
import vn.motcua.appliance.store.Watermarks;
import vn.motcua.bus.MutableClock;

/**
 * The queue while its store fails: new tickets refused with the bilingual error and the queue unchanged; calls go
 * on (durable in the journal alone); once the store is healed, tickets are taken again and the queue read back
 * from the reopened database is the one in memory.
 */
class StoreFailureTest {
    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-23T01:00:00Z"));

    @Test
    void newTicketsPauseCallsGoOnAndAHealedStoreTakesTicketsAgain(@TempDir Path dir) throws Exception {
        Connection h2 = Database.open(dir, clock).connection();
        StoreCondition condition = new StoreCondition(clock);
        QueueStore store = new QueueStore(h2, new EventStamper("test-device", clock, "boot-1", () -> true),
                Watermarks.load(dir), CommitJournal.open(dir, 256 * 1024), condition);
        QueueService queue = new QueueService(TestOffices.small(), clock, store);
        queue.execute(e -> e.openCounter(1, "lan"));
        queue.execute(e -> e.issueTicket("ho-tich", Priority.NORMAL, null));
        queue.execute(e -> e.issueTicket("ho-tich", Priority.NORMAL, null));

        h2.close(); // H2 after its write failed on a full disk
        TestSpace.set(condition, 0, 64L << 20);
        queue.execute(e -> e.callNext(1)); // the journal takes it
        StorePausedException refused = assertThrows(StorePausedException.class,
                () -> queue.execute(e -> e.issueTicket("ho-tich", Priority.NORMAL, null)));
        assertEquals("STORE_FULL", refused.code());
        assertEquals(2, (int) queue.<Integer>read(e -> e.tickets().size()), "the refused ticket left nothing behind");
        queue.execute(e -> e.finish(1));
        queue.execute(e -> e.callNext(1));
        var inMemory = queue.read(e -> e.snapshot());

        queue.healStore(s -> {
            s.reopen(() -> Database.reopen(dir));
            condition.recovered();
        });
        assertEquals(inMemory, queue.read(e -> e.snapshot()), "the reopened database holds what memory held");
        assertEquals(TicketStatus.FINISHED, queue.read(e -> e.tickets().iterator().next().status()));
        queue.execute(e -> e.issueTicket("ho-tich", Priority.NORMAL, null));
        assertEquals(3, (int) queue.<Integer>read(e -> e.tickets().size()));
        store.close();
    }
}
