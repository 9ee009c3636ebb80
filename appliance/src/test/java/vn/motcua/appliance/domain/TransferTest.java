package vn.motcua.appliance.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static vn.motcua.appliance.domain.Office.assertRefused;
import static vn.motcua.appliance.domain.Office.only;

import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import vn.motcua.appliance.domain.QueueEvent.TicketTransferred;

/** A clerk sends a resident to another service or to a named counter. */
class TransferTest {
    private final TestClock clock = Office.clockAt(Office.MONDAY_9AM);
    private final QueueEngine engine = QueueEngine.fresh(Office.layout(), clock);

    @BeforeEach
    void residentsQueue() {
        for (int c = 1; c <= 4; c++) {
            engine.openCounter(c, "s" + c);
        }
        engine.issueTicket("chungthuc", Priority.NORMAL, null); // C0001, ordinal 1
        engine.issueTicket("hotich", Priority.NORMAL, null);    // A001, ordinal 2
        engine.issueTicket("chungthuc", Priority.NORMAL, null); // C0002, ordinal 3
        engine.callNext(1);                                      // A001 at counter 1
    }

    @Test
    void aTicketSentToAnotherServiceKeepsItsNumberAndItsPlaceByIssueTime() {
        clock.advanceMinutes(3);
        CommandResult r = engine.transferToService(1, "chungthuc");

        assertEquals(new TicketTransferred(clock.instant(), "2026-11-23/A001", "A001", 1, "hotich", "chungthuc", 0),
                only(r, TicketTransferred.class));
        Ticket t = r.ticket();
        assertEquals("A001", t.number());
        assertEquals("chungthuc", t.service());
        assertEquals(TicketStatus.WAITING, t.status());
        assertEquals(2, t.ordinal());
        assertEquals(1, t.transfers());
        assertNull(t.calledAt());
        assertNull(r.changedCounters().getFirst().currentTicket());
        // Issued after C0001 but before C0002: it goes between them.
        assertEquals("C0001", engine.callNext(2).ticket().number());
        engine.finish(2);
        assertEquals("A001", engine.callNext(2).ticket().number());
        engine.finish(2);
        assertEquals("C0002", engine.callNext(2).ticket().number());
    }

    @Test
    void aTicketBeingServedCanBeTransferredAndItsServiceTimeStartsAfresh() {
        engine.startService(1);
        engine.transferToService(1, "datdai");
        Ticket t = engine.ticket("A001").orElseThrow();
        assertNull(t.startedAt());
        assertEquals(1, engine.waiting("datdai"));
        assertEquals("A001", engine.callNext(3).ticket().number());
    }

    @Test
    void aTicketSentToACounterWaitsForThatCounterOnly() {
        clock.advanceMinutes(1);
        CommandResult r = engine.transferToCounter(1, 3);
        assertEquals(new TicketTransferred(clock.instant(), "2026-11-23/A001", "A001", 1, "hotich", "hotich", 3),
                only(r, TicketTransferred.class));
        assertEquals(3, r.ticket().targetCounter());
        assertEquals("hotich", r.ticket().service());
        assertEquals("A001", engine.nextFor(3).orElseThrow().number(), "what counter 3's call-next would call");
        assertEquals("C0001", engine.callNext(1).ticket().number(), "counter 1 does not take A001 back");
        assertEquals("C0002", engine.callNext(2).ticket().number(), "nor does counter 2, though it serves hộ tịch");
        assertRefused(engine, Refusal.NOBODY_WAITING, () -> engine.callNext(2));
        assertEquals("A001", engine.callNext(3).ticket().number(), "counter 3 calls it though it serves only đất đai");
    }

    @Test
    void aTransferToACounterThatIsClosedIsRefusedAndTheTicketStaysAtItsCounter() {
        engine.closeCounter(4);
        // issue 15: B001 was sent to closed counter 4 and waited, unseen, until someone opened it
        assertRefused(engine, Refusal.TRANSFER_TARGET_CLOSED, () -> engine.transferToCounter(1, 4));
        Ticket t = engine.ticket("A001").orElseThrow();
        assertEquals(TicketStatus.CALLED, t.status());
        assertEquals(1, t.counter());
        assertEquals(0, t.targetCounter());
        engine.openCounter(4, "s4");
        engine.pauseCounter(4);
        assertEquals(4, engine.transferToCounter(1, 4).ticket().targetCounter(), "a paused counter comes back: it may take it");
        engine.openCounter(4, "s4");
        assertEquals("A001", engine.callNext(4).ticket().number());
    }

    @Test
    void aTransferToTheSameServiceOrCounterOrAnUnknownOneIsRefused() {
        assertRefused(engine, Refusal.TRANSFER_TARGET_INVALID, () -> engine.transferToService(1, "hotich"));
        assertRefused(engine, Refusal.UNKNOWN_SERVICE, () -> engine.transferToService(1, "xyz"));
        assertRefused(engine, Refusal.UNKNOWN_SERVICE, () -> engine.transferToService(1, null));
        assertRefused(engine, Refusal.TRANSFER_TARGET_INVALID, () -> engine.transferToCounter(1, 1));
        assertRefused(engine, Refusal.TRANSFER_TARGET_INVALID, () -> engine.transferToCounter(1, 9));
        assertRefused(engine, Refusal.UNKNOWN_COUNTER, () -> engine.transferToCounter(8, 2));
    }

    @Test
    void aTransferToAServiceNoCounterServesIsRefused() {
        OpeningHours always = OpeningHours.always();
        OfficeLayout lonely = new OfficeLayout(
                List.of(new ServiceDef("hotich", "Hộ tịch", "Civil status", 'A', 1, 999, 0, always),
                        new ServiceDef("thue", "Thuế", "Tax", 'T', 1, 999, 0, always)),
                List.of(new CounterDef(1, "Quầy 1", List.of("hotich"))), QueueRules.defaults());
        QueueEngine e = QueueEngine.fresh(lonely, new TestClock(java.time.LocalDateTime.of(2026, 11, 23, 9, 0), QueueRules.VIETNAM));
        e.openCounter(1, "lan");
        e.issueTicket("hotich", Priority.NORMAL, null);
        e.callNext(1);
        assertRefused(e, Refusal.TRANSFER_TARGET_INVALID, () -> e.transferToService(1, "thue"));
    }

    @Test
    void anIdleCounterOrAFinishedTicketCannotBeTransferred() {
        assertRefused(engine, Refusal.COUNTER_IDLE, () -> engine.transferToService(2, "datdai"));
        assertRefused(engine, Refusal.COUNTER_IDLE, () -> engine.transferToCounter(2, 3));
        engine.finish(1);
        assertRefused(engine, Refusal.COUNTER_IDLE, () -> engine.transferToService(1, "datdai"));
        assertRefused(engine, Refusal.COUNTER_IDLE, () -> engine.transferToCounter(1, 3));
        assertEquals(TicketStatus.FINISHED, engine.ticket("A001").orElseThrow().status());
    }

    @Test
    void aTransferredTicketCanBeTransferredAgainAndCountsEachMove() {
        engine.transferToService(1, "datdai");
        engine.callNext(3);
        engine.transferToCounter(3, 4);
        Ticket t = engine.callNext(4).ticket();
        assertEquals(List.of("A001", "datdai", 2, 0), List.of(t.number(), t.service(), t.transfers(), t.targetCounter()));
    }
}
