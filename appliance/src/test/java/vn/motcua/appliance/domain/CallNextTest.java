package vn.motcua.appliance.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static vn.motcua.appliance.domain.Office.assertRefused;
import static vn.motcua.appliance.domain.Office.event;
import static vn.motcua.appliance.domain.Office.only;
import static vn.motcua.appliance.domain.Office.types;

import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import vn.motcua.appliance.domain.QueueEvent.TicketCalled;
import vn.motcua.appliance.domain.QueueEvent.TicketFinished;
import vn.motcua.appliance.domain.QueueEvent.TicketNoShow;

/** A clerk presses call-next: who comes to the counter. */
class CallNextTest {
    private final TestClock clock = Office.clockAt(Office.MONDAY_9AM);
    private final QueueEngine engine = QueueEngine.fresh(Office.layout(), clock);

    @BeforeEach
    void openCounters() {
        engine.openCounter(1, "s1");
        engine.openCounter(2, "s2");
        engine.openCounter(3, "s3");
        engine.openCounter(4, "s4");
    }

    @Test
    void theClerkCallsTheOldestTicketAndTheCounterShowsIt() {
        issue("hotich", Priority.NORMAL);
        issue("hotich", Priority.NORMAL);
        clock.advanceMinutes(7);

        CommandResult r = engine.callNext(1);

        Ticket t = r.subject().orElseThrow();
        assertEquals("A001", t.number());
        assertEquals(TicketStatus.CALLED, t.status());
        assertEquals(1, t.counter());
        assertEquals(clock.instant(), t.calledAt());
        assertEquals(new TicketCalled(clock.instant(), "2026-11-23/A001", "A001", "hotich", 1, "queue", 420),
                only(r, TicketCalled.class));
        assertEquals(List.of(t), r.changedTickets());
        Counter c = r.changedCounters().getFirst();
        assertEquals("2026-11-23/A001", c.currentTicket());
        assertEquals(CounterStatus.OPEN, c.status());
        assertEquals("s1", c.staffId());
    }

    @Test
    void priorityTicketsComeFirstEvenFromALessPreferredService() {
        issue("hotich", Priority.NORMAL);
        issue("chungthuc", Priority.ELDERLY);
        issue("hotich", Priority.DISABLED);
        // Counter 1 prefers hộ tịch, but any priority ticket goes first; among priority ones, preference then age.
        assertEquals("A002", engine.callNext(1).ticket().number());
        engine.finish(1);
        assertEquals("C0001", engine.callNext(1).ticket().number());
        engine.finish(1);
        assertEquals("A001", engine.callNext(1).ticket().number());
    }

    @Test
    void aCounterServesItsPreferredServiceFirstThenTheOldestOfTheNext() {
        issue("chungthuc", Priority.NORMAL); // C0001, oldest
        issue("hotich", Priority.NORMAL);    // A001
        issue("chungthuc", Priority.NORMAL); // C0002
        assertEquals("A001", engine.callNext(1).ticket().number(), "counter 1 prefers hộ tịch");
        assertEquals("C0001", engine.callNext(2).ticket().number(), "counter 2 prefers chứng thực");
        engine.finish(1);
        assertEquals("C0002", engine.callNext(1).ticket().number(), "no hộ tịch left: counter 1 takes chứng thực");
    }

    @Test
    void aCounterNeverCallsAServiceItDoesNotServe() {
        issue("datdai", Priority.ELDERLY);
        assertRefused(engine, Refusal.NOBODY_WAITING, () -> engine.callNext(1));
        assertEquals("B001", engine.callNext(4).ticket().number(), "counter 4 serves đất đai second");
    }

    @Test
    void aTicketSentToACounterByNumberIsCalledThereAheadOfItsServiceQueue() {
        issue("hotich", Priority.NORMAL); // A001
        issue("hotich", Priority.NORMAL); // A002
        issue("chungthuc", Priority.NORMAL); // C0001
        engine.callNext(1);                  // A001 at counter 1
        engine.transferToCounter(1, 2);      // ... sent to counter 2
        assertEquals("A002", engine.callNext(1).ticket().number(), "counter 1 does not take A001 back");
        // Counter 2 prefers chứng thực, but a ticket sent to it by name goes first.
        assertEquals("A001", engine.callNext(2).ticket().number());
        assertEquals(0, engine.ticket("A001").orElseThrow().targetCounter(), "calling clears the target");
        engine.finish(2);
        assertEquals("C0001", engine.callNext(2).ticket().number());
    }

    @Test
    void aPriorityTicketStillGoesAheadOfOneSentByNumber() {
        issue("hotich", Priority.NORMAL);
        engine.callNext(1);
        engine.transferToCounter(1, 2);      // A001 sent to counter 2
        issue("chungthuc", Priority.PREGNANT);
        assertEquals("C0001", engine.callNext(2).ticket().number());
    }

    @Test
    void callingNextWhileATicketIsCurrentFinishesItFirst() {
        issue("hotich", Priority.NORMAL);
        issue("hotich", Priority.NORMAL);
        engine.callNext(1);
        clock.advanceMinutes(2);
        engine.startService(1);
        clock.advanceMinutes(5);

        CommandResult r = engine.callNext(1);

        assertEquals(List.of("ticket.finished", "ticket.called"), types(r));
        TicketFinished f = event(r, 0, TicketFinished.class);
        assertEquals("A001", f.number());
        assertEquals(300, f.serviceSeconds());
        assertEquals(0, f.waitedSeconds());
        assertEquals("s1", f.staffId());
        assertEquals("A002", event(r, 1, TicketCalled.class).number());
        assertEquals(TicketStatus.FINISHED, engine.ticket("A001").orElseThrow().status());
        assertEquals("s1", engine.ticket("A001").orElseThrow().servedBy());
        assertEquals(2, r.changedTickets().size());
        Counter c = r.changedCounters().getFirst();
        assertEquals("2026-11-23/A002", c.currentTicket());
        assertEquals("2026-11-23/A001", c.lastFinishedTicket());
    }

    @Test
    void callingNextOverACallNobodyStartedMakesItANoShowNotServed() {
        issue("hotich", Priority.NORMAL);
        issue("hotich", Priority.NORMAL);
        engine.callNext(1);
        clock.advanceMinutes(3);
        CommandResult r = engine.callNext(1);
        assertEquals(List.of("ticket.no_show", "ticket.called"), types(r));
        assertEquals(new TicketNoShow(clock.instant(), "2026-11-23/A001", "A001", 1, TicketNoShow.NEXT_CALLED),
                event(r, 0, TicketNoShow.class));
        Ticket a = engine.ticket("A001").orElseThrow();
        assertEquals(TicketStatus.NO_SHOW, a.status());
        assertNull(a.finishedAt());
        assertNull(a.servedBy());
        assertEquals("A002", r.ticket().number());
        DayFigures f = DayFigures.of(List.copyOf(engine.tickets()), t -> true);
        assertEquals(0, f.served());
        assertEquals(1, f.noShows());
        // like a skip: recallable within the window, and nothing to rate at counter 1
        assertRefused(engine, Refusal.NOTHING_TO_RATE, () -> engine.rate(1, 1));
        engine.finish(1);
        assertEquals("A001", engine.recallNoShow(1, "A001").ticket().number());
    }

    @Test
    void callingNextOverAStartedTicketFinishesIt() {
        issue("hotich", Priority.NORMAL);
        issue("hotich", Priority.NORMAL);
        engine.callNext(1);
        engine.startService(1);
        clock.advanceMinutes(3);
        TicketFinished f = event(engine.callNext(1), 0, TicketFinished.class);
        assertEquals(180, f.serviceSeconds());
        assertEquals(TicketStatus.FINISHED, engine.ticket("A001").orElseThrow().status());
    }

    @Test
    void anOfficeWhoseClerksNeverPressStartCountsTheCallAsTheService() {
        QueueEngine served = QueueEngine.fresh(Office.layout(QueueRules.UnstartedCall.SERVED), clock);
        served.openCounter(1, "s1");
        served.issueTicket("hotich", Priority.NORMAL, null);
        served.issueTicket("hotich", Priority.NORMAL, null);
        served.callNext(1);
        clock.advanceMinutes(3);
        TicketFinished f = event(served.callNext(1), 0, TicketFinished.class);
        assertEquals(180, f.serviceSeconds());
        assertEquals(served.ticket("A001").orElseThrow().calledAt(), served.ticket("A001").orElseThrow().startedAt());
        assertEquals(1, DayFigures.of(List.copyOf(served.tickets()), t -> true).served());
    }

    @Test
    void nobodyWaitingIsRefusedAndTheCurrentTicketStaysCurrent() {
        issue("hotich", Priority.NORMAL);
        engine.callNext(1);
        assertRefused(engine, Refusal.NOBODY_WAITING, () -> engine.callNext(1));
        assertEquals(TicketStatus.CALLED, engine.ticket("A001").orElseThrow().status());
    }

    @Test
    void aClosedOrPausedCounterCannotCall() {
        issue("hotich", Priority.NORMAL);
        engine.pauseCounter(1);
        assertRefused(engine, Refusal.COUNTER_PAUSED, () -> engine.callNext(1));
        engine.closeCounter(2);
        assertRefused(engine, Refusal.COUNTER_CLOSED, () -> engine.callNext(2));
        assertRefused(engine, Refusal.UNKNOWN_COUNTER, () -> engine.callNext(9));
        assertRefused(engine, Refusal.UNKNOWN_COUNTER, () -> engine.callNext(0));
    }

    @Test
    void pauseIsRefusedWhileATicketIsAtTheCounterAndChangesNothing() {
        issue("hotich", Priority.NORMAL);
        engine.callNext(1);
        assertRefused(engine, Refusal.COUNTER_BUSY, () -> engine.pauseCounter(1)); // called: the resident is coming
        engine.startService(1);
        assertRefused(engine, Refusal.COUNTER_BUSY, () -> engine.pauseCounter(1)); // being served
        assertEquals(TicketStatus.SERVING, engine.ticket("A001").orElseThrow().status());
        assertEquals(CounterStatus.OPEN, counter(1).status());
        engine.finish(1);
        engine.pauseCounter(1);
        assertNull(counter(1).currentTicket());
        assertEquals(CounterStatus.PAUSED, counter(1).status());
    }

    @Test
    void waitedSecondsIsNeverNegative() {
        issue("hotich", Priority.NORMAL);
        clock.advanceMinutes(-10);
        assertEquals(0, only(engine.callNext(1), TicketCalled.class).waitedSeconds());
    }

    private Counter counter(int n) {
        return engine.counters().stream().filter(c -> c.number() == n).findFirst().orElseThrow();
    }

    private void issue(String service, Priority p) {
        engine.issueTicket(service, p, null);
    }
}
