package vn.motcua.appliance.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;

import vn.motcua.bus.MutableClock;
import vn.motcua.appliance.TestOffices;
import vn.motcua.appliance.domain.OfficeLayout;
import vn.motcua.appliance.domain.Priority;
import vn.motcua.appliance.domain.Ticket;
import vn.motcua.appliance.domain.TicketStatus;
import vn.motcua.appliance.store.EventJson;
import vn.motcua.appliance.store.OutboxEvent;
import vn.motcua.appliance.store.QueueStore;
import vn.motcua.appliance.store.StoreException;
import vn.motcua.appliance.store.StoreFixture;

/** The end-of-day summary: one per business day, in the roll's own commit, from the stored tickets. */
class DaySummaryTest {
    private static final LocalDate MONDAY = LocalDate.of(2026, 11, 23);
    /** 04:00 on Tuesday in Hà Nội: the roll. */
    private static final Instant TUESDAY_ROLL = Instant.parse("2026-11-23T21:00:00Z");

    @TempDir
    Path dir;
    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-23T01:00:00Z")); // Monday 08:00
    private final OfficeLayout office = TestOffices.small();
    private QueueStore store;
    private QueueService queue;

    private void open() throws Exception {
        store = StoreFixture.open(dir, clock);
        queue = new QueueService(office, clock, store);
    }

    @AfterEach
    void close() throws Exception {
        if (store != null) {
            store.close();
        }
    }

    /** Lan serves two residents at counter 1 (one rates), Minh's resident does not come; one still waits at closing. */
    private void monday() throws Exception {
        open();
        queue.execute(e -> e.openCounter(1, "lan"));
        queue.execute(e -> e.openCounter(2, "minh"));
        queue.execute(e -> e.issueTicket("ho-tich", Priority.NORMAL, "hmac-resident-1"));
        queue.execute(e -> e.issueTicket("dat-dai", Priority.NORMAL, null));
        queue.execute(e -> e.issueTicket("ho-tich", Priority.NORMAL, null));
        queue.execute(e -> e.issueTicket("dat-dai", Priority.NORMAL, null));
        clock.advance(Duration.ofMinutes(10));
        queue.execute(e -> e.callNext(1)); // A001 waited 600 s
        queue.execute(e -> e.startService(1));
        clock.advance(Duration.ofMinutes(5));
        queue.execute(e -> e.finish(1)); // served in 300 s
        queue.execute(e -> e.rate(1, 1));
        queue.execute(e -> e.callNext(2)); // B001 waited 900 s
        queue.execute(e -> e.skip(2));
        clock.advance(Duration.ofHours(1));
        queue.execute(e -> e.callNext(1)); // A002 waited 4500 s
        queue.execute(e -> e.startService(1));
        clock.advance(Duration.ofMinutes(4));
        queue.execute(e -> e.finish(1)); // served in 240 s; B002 is still waiting at the roll
    }

    private List<OutboxEvent> outbox() {
        return store.rangeFrom(1, 10_000);
    }

    private List<OutboxEvent> summaries() {
        return outbox().stream().filter(e -> e.type().equals(DaySummary.TYPE)).toList();
    }

    @Test
    void crossingTheRollCommitsOneSummaryOfTheDayRightAfterTheDayStarted() throws Exception {
        monday();
        clock.set(TUESDAY_ROLL.minusSeconds(60));
        queue.tick();
        assertEquals(List.of(), summaries(), "03:59: the day is not over");
        clock.set(TUESDAY_ROLL.plusSeconds(1));
        queue.tick();
        clock.advance(Duration.ofHours(5));
        queue.tick();
        queue.execute(e -> e.issueTicket("ho-tich", Priority.NORMAL, null));

        List<OutboxEvent> all = outbox();
        assertEquals(1, summaries().size());
        OutboxEvent summary = summaries().getFirst();
        OutboxEvent started = all.stream().filter(e -> e.type().equals("queue.day_started")).findFirst().orElseThrow();
        assertEquals(started.seq() + 1, summary.seq(), "written in the roll's own commit, right after it");

        JsonNode p = EventJson.mapper().readTree(summary.payloadJson());
        assertEquals("2026-11-23", p.get("day").asText());
        assertEquals("Asia/Ho_Chi_Minh", p.get("zone").asText());
        JsonNode total = p.get("total");
        assertEquals(4, total.get("tickets").asInt());
        assertEquals(2, total.get("served").asInt());
        assertEquals(1, total.get("noShows").asInt());
        assertEquals((600 + 900 + 4500) / 3, total.get("averageWaitSeconds").asLong());
        assertEquals(4500, total.get("longestWaitSeconds").asLong());
        assertEquals(270, total.get("averageServiceSeconds").asLong());
        assertEquals(1, total.get("ratings").asInt());
        assertEquals(1.0, total.get("averageRating").asDouble());
        assertEquals(2, p.get("services").get("dat-dai").get("tickets").asInt());
        assertEquals(0, p.get("services").get("dat-dai").get("served").asInt());
        assertEquals(2, p.get("staff").get("lan").get("served").asInt());
        assertFalse(p.get("staff").has("minh"), "minh finished nobody");
        assertEquals(4, p.get("hours").get("8").get("tickets").asInt(), "issued at 08:00 local time");
        assertEquals(0, p.get("staffOmitted").asInt());
        assertFalse(summary.payloadJson().contains("hmac-resident-1"), "no resident keys");
    }

    @Test
    void powerOffAcrossTheRollSummarisesAtTheFirstTickAfterStartAndNeverAgain() throws Exception {
        monday();
        store.close();
        clock.set(Instant.parse("2026-11-25T01:30:00Z")); // Wednesday 08:30: off all of Tuesday
        open();
        assertEquals(List.of(), summaries(), "nothing before the first tick");
        queue.tick();
        assertEquals(1, summaries().size());
        assertEquals("2026-11-23", EventJson.mapper().readTree(summaries().getFirst().payloadJson()).get("day").asText());

        for (int restart = 0; restart < 3; restart++) {
            store.close();
            clock.advance(Duration.ofMinutes(1));
            open();
            queue.tick();
            queue.execute(e -> e.issueTicket("ho-tich", Priority.NORMAL, null));
        }
        assertEquals(1, summaries().size(), "restarts on the same day add none");
        assertEquals(1L, store.countsByType().get(DaySummary.TYPE));
    }

    @Test
    void aRollWhoseCommitFailsLeavesNeitherTheRollNorTheSummaryAndTheNextTickMakesBoth() throws Exception {
        monday();
        // Fails exactly the commit that carries a summary: after it was computed, before anything is durable.
        store.withConnection(c -> {
            try (Statement st = c.createStatement()) {
                return st.execute("ALTER TABLE outbox ADD CONSTRAINT refuse_summary CHECK (event_type <> 'day.summary')");
            }
        });
        clock.set(TUESDAY_ROLL.plusSeconds(1));
        assertThrows(StoreException.class, queue::tick);
        assertEquals(MONDAY, queue.read(e -> e.day()), "memory rebuilt from the store: still Monday");
        assertTrue(outbox().stream().noneMatch(e -> e.type().equals("queue.day_started")));
        assertEquals(List.of(), summaries());

        store.withConnection(c -> {
            try (Statement st = c.createStatement()) {
                return st.execute("ALTER TABLE outbox DROP CONSTRAINT refuse_summary");
            }
        });
        store.close();
        open(); // and a restart between the failure and the next try changes nothing
        queue.tick();
        queue.tick();
        assertEquals(1, summaries().size());
        assertEquals(1, outbox().stream().filter(e -> e.type().equals("queue.day_started")).count());
        assertEquals(4, EventJson.mapper().readTree(summaries().getFirst().payloadJson()).get("total").get("tickets").asInt());
    }

    @Test
    void aDayWithThousandsOfStaffIdsStillFitsTheOutboxKeepingTheBusiest() throws Exception {
        List<Ticket> tickets = new ArrayList<>();
        Instant at = Instant.parse("2026-11-23T01:00:00Z");
        for (int i = 0; i < 6000; i++) {
            String staff = "clerk-with-a-long-name-" + (i % 3000);
            tickets.add(new Ticket(MONDAY + "/A" + (1000 + i), MONDAY, "A" + (1000 + i), 1000 + i, "ho-tich",
                    Priority.NORMAL, i, TicketStatus.FINISHED, at, 1, 0, at.plusSeconds(60), at.plusSeconds(70),
                    at.plusSeconds(400), null, 0, 0, null, i < 10 ? "busiest" : staff, 0, 0));
        }
        DaySummary.Payload p = DaySummary.payload(MONDAY, TUESDAY_ROLL, tickets, office, DaySummary.DEFAULT_ALERT_WAIT);
        assertTrue(EventJson.write(p).length() <= DaySummary.MAX_PAYLOAD_CHARS, "fits the outbox payload column");
        assertTrue(p.staffOmitted() > 0);
        assertEquals(3001, p.staff().size() + p.staffOmitted());
        assertEquals(10, p.staff().get("busiest").tickets(), "the busiest clerk is kept");
        assertEquals(6000, p.total().tickets(), "totals count everyone");
        assertTrue(p.cells().stream().allMatch(c -> c.staffId().isEmpty()), "the cells merged the clerks");
        assertEquals(6000, p.cells().stream().mapToInt(c -> java.util.Arrays.stream(c.issued()).sum()).sum(),
                "the merged cells still count every ticket");
    }
}
