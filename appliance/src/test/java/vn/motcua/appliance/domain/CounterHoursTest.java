package vn.motcua.appliance.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static vn.motcua.appliance.domain.Office.assertRefused;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;

import org.junit.jupiter.api.Test;

import vn.motcua.appliance.web.ErrorCatalogue;

/**
 * A counter staffed only in the morning ({@code [counters.hours]}): it opens within its hours, is refused after them,
 * and one already open is never closed by the clock (a paused one may resume to finish the day's residents).
 */
class CounterHoursTest {
    private final TestClock clock = Office.clockAt(Office.MONDAY_9AM);
    private final QueueEngine engine = QueueEngine.fresh(withMorningCounter4(), clock);

    private static OfficeLayout withMorningCounter4() {
        OfficeLayout l = Office.layout();
        List<CounterDef> counters = new ArrayList<>(l.counters());
        CounterDef four = counters.remove(3);
        counters.add(new CounterDef(four.number(), four.name(), four.services(), new OpeningHours(
                EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY), LocalTime.of(7, 30), LocalTime.of(11, 30),
                LocalTime.of(11, 30), LocalTime.of(11, 30))));
        return new OfficeLayout(l.services(), counters, l.rules());
    }

    private CounterStatus status4() {
        return engine.counters().stream().filter(c -> c.number() == 4).findFirst().orElseThrow().status();
    }

    @Test
    void aMorningCounterOpensInTheMorningOnly() {
        engine.openCounter(4, "lan");
        assertEquals(CounterStatus.OPEN, status4());
        engine.closeCounter(4);

        clock.set(Office.MONDAY.atTime(14, 0));
        QueueRefusedException x = assertRefused(engine, Refusal.COUNTER_OUTSIDE_HOURS, () -> engine.openCounter(4, "lan"));
        assertEquals("This counter is outside its working hours and cannot be opened now", ErrorCatalogue.of(x.reason()).en());
        assertEquals(CounterStatus.CLOSED, status4());
        engine.openCounter(1, "mai"); // a counter without hours of its own opens any time
        clock.set(Office.MONDAY.plusDays(5).atTime(9, 0)); // Saturday
        engine.tick();
        assertRefused(engine, Refusal.COUNTER_OUTSIDE_HOURS, () -> engine.openCounter(4, "lan"));
    }

    @Test
    void anOpenCounterIsNotClosedByTheClockAndMayResumeAfterAPause() {
        engine.openCounter(4, "lan");
        clock.set(Office.MONDAY.atTime(11, 45));
        engine.issueTicket("kinhdoanh", Priority.NORMAL, null);
        engine.callNext(4);
        assertEquals(CounterStatus.OPEN, status4());
        engine.finish(4); // pause is refused while a ticket is at the counter
        engine.pauseCounter(4);
        engine.openCounter(4, "lan");
        assertEquals(CounterStatus.OPEN, status4(), "resumed after its hours");
    }
}
