package vn.motcua.appliance.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.motcua.appliance.domain.Office.assertRefused;
import static vn.motcua.appliance.domain.Office.only;

import java.util.List;

import org.junit.jupiter.api.Test;

import vn.motcua.appliance.domain.QueueEvent.CounterChanged;

/** A clerk opens, pauses and closes a counter. */
class CounterStatusTest {
    private final TestClock clock = Office.clockAt(Office.MONDAY_9AM);
    private final QueueEngine engine = QueueEngine.fresh(Office.layout(), clock);

    @Test
    void everyCounterStartsClosed() {
        assertEquals(List.of(1, 2, 3, 4), engine.counters().stream().map(Counter::number).toList());
        engine.counters().forEach(c -> assertEquals(Counter.closed(c.number()), c));
    }

    @Test
    void aClerkOpensPausesReopensAndClosesACounter() {
        CommandResult open = engine.openCounter(1, "s1");
        assertEquals(new CounterChanged(clock.instant(), 1, "OPEN", "s1"), only(open, CounterChanged.class));
        assertEquals(List.of(new Counter(1, CounterStatus.OPEN, null, "s1", null, null)), open.changedCounters());
        assertTrue(open.changedTickets().isEmpty());

        clock.advanceMinutes(1);
        CommandResult pause = engine.pauseCounter(1);
        assertEquals(new CounterChanged(clock.instant(), 1, "PAUSED", "s1"), only(pause, CounterChanged.class));

        assertEquals(new CounterChanged(clock.instant(), 1, "OPEN", "s1"), only(engine.openCounter(1, "s1"), CounterChanged.class));

        CommandResult close = engine.closeCounter(1);
        assertEquals(new CounterChanged(clock.instant(), 1, "CLOSED", null), only(close, CounterChanged.class));
        assertNull(close.changedCounters().getFirst().staffId(), "closing signs the clerk out");
    }

    @Test
    void anotherClerkTakingOverAnOpenCounterIsAChange() {
        engine.openCounter(1, "s1");
        assertEquals(new CounterChanged(clock.instant(), 1, "OPEN", "s9"), only(engine.openCounter(1, "s9"), CounterChanged.class));
    }

    @Test
    void repeatingTheSameStateIsAcceptedButCausesNothing() {
        engine.openCounter(1, "s1");
        CommandResult again = engine.openCounter(1, "s1");
        assertTrue(again.isEmpty());
        assertTrue(again.changedCounters().isEmpty());
        assertTrue(engine.closeCounter(2).isEmpty(), "closing a closed counter");
        engine.pauseCounter(1);
        assertTrue(engine.pauseCounter(1).isEmpty());
    }

    @Test
    void aClerkIsOpenAtOneCounterAtATime() {
        engine.openCounter(1, "lan");
        // issue 15: the same clerk was open at counters 1 and 2 at once
        QueueRefusedException x = assertRefused(engine, Refusal.STAFF_AT_ANOTHER_COUNTER, () -> engine.openCounter(2, "lan"));
        assertTrue(x.getMessage().contains("counter 1"), "the detail says where: " + x.getMessage());
        engine.pauseCounter(1);
        assertRefused(engine, Refusal.STAFF_AT_ANOTHER_COUNTER, () -> engine.openCounter(2, "lan"));
        assertEquals("OPEN", only(engine.openCounter(1, "lan"), CounterChanged.class).status(), "resuming one's own counter");
        engine.openCounter(2, "minh");
        engine.closeCounter(1);
        assertEquals(new CounterChanged(clock.instant(), 3, "OPEN", "lan"), only(engine.openCounter(3, "lan"), CounterChanged.class),
                "once counter 1 is closed, the clerk may open another");
        assertTrue(engine.openCounter(4, null).events().size() == 1, "a keypad opens with no name: nobody to check");
    }

    @Test
    void aClosedCounterCannotBePaused() {
        assertRefused(engine, Refusal.COUNTER_CLOSED, () -> engine.pauseCounter(2));
    }

    @Test
    void aCounterWithACurrentTicketCannotBeClosed() {
        engine.openCounter(1, "s1");
        engine.issueTicket("hotich", Priority.NORMAL, null);
        engine.callNext(1);
        assertRefused(engine, Refusal.COUNTER_BUSY, () -> engine.closeCounter(1));
        engine.startService(1);
        assertRefused(engine, Refusal.COUNTER_BUSY, () -> engine.closeCounter(1));
        assertRefused(engine, Refusal.COUNTER_BUSY, () -> engine.pauseCounter(1));
        engine.finish(1);
        assertEquals("CLOSED", only(engine.closeCounter(1), CounterChanged.class).status());
    }

    @Test
    void unknownCountersAreRefused() {
        assertRefused(engine, Refusal.UNKNOWN_COUNTER, () -> engine.openCounter(5, "s"));
        assertRefused(engine, Refusal.UNKNOWN_COUNTER, () -> engine.pauseCounter(-1));
        assertRefused(engine, Refusal.UNKNOWN_COUNTER, () -> engine.closeCounter(99));
    }

    @Test
    void closingKeepsTheLastFinishedTicketForItsRating() {
        engine.openCounter(1, "s1");
        engine.issueTicket("hotich", Priority.NORMAL, null);
        engine.callNext(1);
        engine.finish(1);
        engine.closeCounter(1);
        assertEquals(1, engine.rate(1, 1).ticket().rating(), "the resident can still rate after the clerk closed");
    }
}
