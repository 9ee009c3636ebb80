package vn.motcua.appliance.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.motcua.bus.MutableClock;
import vn.motcua.appliance.TestOffices;
import vn.motcua.appliance.TestStores;
import vn.motcua.appliance.devices.reader.ResidentKeyer;
import vn.motcua.appliance.domain.Priority;
import vn.motcua.appliance.store.CommitJournal;
import vn.motcua.appliance.store.Database;
import vn.motcua.appliance.store.EventStamper;
import vn.motcua.appliance.store.OutboxEvent;
import vn.motcua.appliance.store.QueueStore;
import vn.motcua.appliance.store.Watermarks;

/**
 * A resident has their ID card read at the kiosk, then takes a ticket there: the ticket, its stored row and its
 * ticket.issued event carry the resident key (the keyed hash), never the ID number; it survives a restart; the
 * ticket after it carries nothing.
 */
class CardToTicketTest {
    static final String ID = "079203001234";
    final MutableClock clock = new MutableClock(Instant.parse("2026-11-23T01:00:00Z"));
    final String key = new ResidentKeyer("office-secret-for-tests-0123456789abcdef".getBytes(StandardCharsets.US_ASCII))
            .keyOf(ID);

    @TempDir
    Path dir;

    QueueStore open() throws Exception {
        return new QueueStore(Database.open(dir, clock).connection(), new EventStamper("kiosk-1", clock, "boot-1", () -> true),
                Watermarks.load(dir), CommitJournal.open(dir, 256 * 1024));
    }

    /** What the kiosk's ticket request does with the card token it was given (ApiHandler). */
    static String take(QueueService queue, String card) {
        String residentKey = queue.residentCards().peek(card).orElse(null);
        var r = queue.execute(e -> e.issueTicket("ho-tich", Priority.NORMAL, residentKey));
        if (residentKey != null) {
            queue.residentCards().used(card);
        }
        return r.subject().orElseThrow().number();
    }

    @Test
    void theNextTicketAfterACardCarriesTheResidentKeyThroughStoreAndEvent() throws Exception {
        List<CommittedEvent> committed = new ArrayList<>();
        try (QueueStore store = open()) {
            QueueService queue = new QueueService(TestOffices.small(), clock, store);
            queue.addListener((r, ev) -> committed.addAll(ev));
            String card = queue.residentCards().offer(key, false);
            clock.advance(Duration.ofSeconds(30));
            String first = take(queue, card);
            String second = take(queue, card); // the same kiosk token again: only the next ticket is linked
            assertEquals(key, queue.read(e -> e.ticket(first).orElseThrow().residentKey()));
            assertNull(queue.read(e -> e.ticket(second).orElseThrow().residentKey()));

            assertEquals(2, committed.size());
            // the two events the listeners were told of, as the outbox holds them
            List<OutboxEvent> events = store.rangeFrom(committed.getFirst().seq(), 2);
            assertEquals(committed.stream().map(CommittedEvent::seq).toList(), events.stream().map(OutboxEvent::seq).toList());
            assertTrue(events.get(0).payloadJson().contains("\"residentKey\":\"" + key + "\""), events.get(0).payloadJson());
            assertTrue(events.get(1).payloadJson().contains("\"residentKey\":null"), events.get(1).payloadJson());
            String rows = TestStores.rows(store, List.of("ticket", "outbox"));
            assertTrue(rows.contains(key), "the key is stored");
            assertFalse(rows.contains(ID), "no raw ID number in the ticket or outbox rows");
        }
        // restart: the stored ticket still carries the key
        try (QueueStore store = open()) {
            QueueService queue = new QueueService(TestOffices.small(), clock, store);
            assertEquals(key, queue.read(e -> e.tickets().stream().filter(t -> t.number().equals("A001"))
                    .findFirst().orElseThrow().residentKey()));
        }
    }

    @Test
    void aCardReadMoreThanTwoMinutesAgoLinksNothing() throws Exception {
        try (QueueStore store = open()) {
            QueueService queue = new QueueService(TestOffices.small(), clock, store);
            String card = queue.residentCards().offer(key, false);
            clock.advance(Duration.ofMinutes(2));
            String n = take(queue, card);
            assertNull(queue.read(e -> e.ticket(n).orElseThrow().residentKey()));
        }
    }
}
