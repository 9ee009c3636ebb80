package vn.motcua.appliance.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static vn.motcua.appliance.domain.Office.assertRefused;
import static vn.motcua.appliance.domain.Office.only;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import vn.motcua.appliance.domain.QueueEvent.TicketCalled;
import vn.motcua.appliance.domain.QueueEvent.TicketParked;

/** A resident is sent to fetch a missing paper and called back when they return. */
class ParkTest {
    private final TestClock clock = Office.clockAt(Office.MONDAY_9AM);
    private final QueueEngine engine = QueueEngine.fresh(Office.layout(), clock);

    @BeforeEach
    void aResidentIsBeingServed() {
        engine.openCounter(1, "s1");
        engine.openCounter(2, "s2");
        engine.issueTicket("hotich", Priority.NORMAL, null);
        engine.issueTicket("hotich", Priority.NORMAL, null);
        engine.callNext(1);
        engine.startService(1);
    }

    @Test
    void parkingFreesTheCounterForTheNextResident() {
        clock.advanceMinutes(4);
        CommandResult r = engine.park(1);
        assertEquals(new TicketParked(clock.instant(), "2026-11-23/A001", "A001", 1), only(r, TicketParked.class));
        assertEquals(TicketStatus.PARKED, r.ticket().status());
        assertNull(r.changedCounters().getFirst().currentTicket());
        assertEquals("A002", engine.callNext(1).ticket().number(), "a parked ticket is not in the queue");
        assertEquals(0, engine.waiting("hotich"));
    }

    @Test
    void theResidentReturnsAndAnIdleCounterCallsThemBackByNumber() {
        engine.park(1);
        clock.advanceMinutes(40);
        CommandResult r = engine.callParked(2, "A001");
        TicketCalled e = only(r, TicketCalled.class);
        assertEquals(new TicketCalled(clock.instant(), "2026-11-23/A001", "A001", "hotich", 2, "parked", 40 * 60), e);
        assertEquals(TicketStatus.CALLED, r.ticket().status());
        assertNull(r.ticket().startedAt(), "the new service time starts when the clerk starts again");
        assertEquals("2026-11-23/A001", r.changedCounters().getFirst().currentTicket());
    }

    @Test
    void eachParkIsCountedOnTheTicketAndSurvivesTheCallBack() {
        assertEquals(0, engine.ticket("A001").orElseThrow().parks());
        engine.park(1);
        engine.callParked(2, "A001");
        engine.startService(2);
        CommandResult again = engine.park(2);
        assertEquals(2, again.ticket().parks(), "the office history's parked needs it: the status alone forgets");
        assertEquals(2, engine.callParked(1, "A001").ticket().parks());
        assertEquals(2, engine.finish(1).ticket().parks());
    }

    @Test
    void aParkedTicketDoesNotExpireWithTime() {
        engine.park(1);
        clock.advanceMinutes(5 * 60);
        engine.tick();
        assertEquals(TicketStatus.PARKED, engine.ticket("A001").orElseThrow().status());
    }

    @Test
    void parkingAndCallingBackNeedTheRightStates() {
        engine.finish(1);
        assertRefused(engine, Refusal.COUNTER_IDLE, () -> engine.park(1));
        engine.callNext(1); // A002 called
        engine.park(1);
        assertRefused(engine, Refusal.WRONG_TICKET_STATE, () -> engine.callParked(1, "A001"));
        assertRefused(engine, Refusal.UNKNOWN_TICKET, () -> engine.callParked(1, "A404"));
        assertRefused(engine, Refusal.UNKNOWN_TICKET, () -> engine.callParked(1, "a002"));
        engine.issueTicket("hotich", Priority.NORMAL, null);
        engine.callNext(1); // A003 called
        assertRefused(engine, Refusal.COUNTER_BUSY, () -> engine.callParked(1, "A002"));
        engine.pauseCounter(2);
        assertRefused(engine, Refusal.COUNTER_PAUSED, () -> engine.callParked(2, "A002"));
        assertRefused(engine, Refusal.COUNTER_CLOSED, () -> engine.callParked(3, "A002"));
        assertRefused(engine, Refusal.UNKNOWN_COUNTER, () -> engine.callParked(6, "A002"));
        engine.openCounter(2, "s2");
        assertEquals("A002", engine.callParked(2, "A002").ticket().number());
    }
}
