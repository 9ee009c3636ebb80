package vn.motcua.appliance.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.HashSet;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import vn.motcua.appliance.domain.Office.Observed;
import vn.motcua.appliance.domain.QueueEvent.TicketCalled;
import vn.motcua.appliance.domain.QueueEvent.TicketFinished;
import vn.motcua.appliance.domain.QueueEvent.TicketIssued;

/**
 * A seeded random office day after day: a few thousand commands, the clock moving forwards in small steps, now and
 * then back (NTP) or overnight. After every step the invariants hold; before every step the engine is rebuilt from
 * its snapshot (as the appliance does after a restart) and the rebuilt twin must answer the command exactly as the
 * running engine does; now and then the run carries on with the twin, as if the power had been cut.
 */
class EnginePropertyTest {
    private static final int STEPS = 4000;

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3, 20261122, 77})
    void invariantsHoldAndARestoredEngineBehavesTheSameAfterEveryCommand(long seed) {
        RandomCommands commands = new RandomCommands(seed);
        Random random = commands.random();
        // A small estimate sample so that which service times the estimate remembers matters quickly.
        OfficeLayout layout = Office.layout(LocalTime.of(4, 0), 3);
        TestClock clock = Office.clockAt(Office.MONDAY.atTime(7, 0));
        QueueEngine engine = QueueEngine.fresh(layout, clock);
        Set<String> everIssued = new HashSet<>();
        Map<String, Integer> accepted = new TreeMap<>();
        LocalDate lastDay = engine.day();
        int restarts = 0;

        for (int step = 0; step < STEPS; step++) {
            moveClock(clock, random);
            QueueEngine twin = new QueueEngine(layout, clock, engine.snapshot());
            assertEquals(engine.snapshot(), twin.snapshot(), "restore is exact");
            RandomCommands.Command cmd = commands.next(engine);
            String where = "seed " + seed + " step " + step + " (" + cmd + " at " + clock.local() + ")";

            QueueSnapshot before = engine.snapshot();
            Outcome live = Outcome.of(engine, cmd);
            Outcome rebuilt = Outcome.of(twin, cmd);
            live.assertSameAs(rebuilt, where + ": the rebuilt engine answered differently");
            if (live.result() != null) {
                accepted.merge(cmd.name().split(" ")[0], 1, Integer::sum);
                checkEvents(live.result(), everIssued, where);
                checkChangesAreReported(before, engine.snapshot(), live.result(), where);
                assertEquals(before, engine.beforeLastCommand(), where + ": the queue before the command, from its changes");
            }
            EngineInvariants.check(engine, where);
            assertFalse(engine.day().isBefore(lastDay), where + ": the business day went back");
            lastDay = engine.day();
            if (random.nextInt(25) == 0) {
                engine = twin;
                restarts++;
            }
        }
        for (String name : new String[] {"issue", "callNext", "recall", "skip", "recallNoShow", "start", "finish",
                "transferToService", "transferToCounter", "park", "callParked", "rate", "open", "pause", "close", "tick"}) {
            assertTrue(accepted.getOrDefault(name, 0) > 0, "seed " + seed + " never ran " + name + ": " + accepted);
        }
        assertTrue(restarts > 50, "restarts: " + restarts);
        assertTrue(lastDay.isAfter(Office.MONDAY), "the run crossed at least one day: " + lastDay);
    }

    /** Mostly small steps forward; sometimes the clock jumps back up to an hour, or on by most of a day. */
    static void moveClock(TestClock clock, Random random) {
        int roll = random.nextInt(1000);
        if (roll < 10) {
            clock.advance(Duration.ofSeconds(-random.nextInt(3600)));
        } else if (roll < 13) {
            clock.advance(Duration.ofHours(14 + random.nextInt(10)));
        } else {
            clock.advance(Duration.ofSeconds(random.nextInt(100)));
        }
    }

    private static void checkEvents(CommandResult r, Set<String> everIssued, String where) {
        for (QueueEvent e : r.events()) {
            switch (e) {
                case TicketIssued i -> {
                    assertTrue(everIssued.add(i.ticketId()), where + ": " + i.ticketId() + " issued twice");
                    assertTrue(i.peopleAhead() >= 0 && i.estimatedWaitSeconds() >= 0, where + ": " + i);
                }
                case TicketCalled c -> assertTrue(c.waitedSeconds() >= 0, where + ": " + c);
                case TicketFinished f -> assertTrue(f.waitedSeconds() >= 0 && f.serviceSeconds() >= 0, where + ": " + f);
                default -> { }
            }
        }
        r.changedCounters().forEach(c -> assertTrue(c.number() >= 1 && c.number() <= 4, where));
    }

    /**
     * The store writes exactly the rows a result names: every ticket and counter that differs after the command must
     * be in it, as it is now, and anything that changed comes with at least one event.
     */
    private static void checkChangesAreReported(QueueSnapshot before, QueueSnapshot after, CommandResult r, String where) {
        Map<String, Ticket> reported = new TreeMap<>();
        r.changedTickets().forEach(t -> reported.put(t.id(), t));
        Map<String, Ticket> old = new TreeMap<>();
        before.tickets().forEach(t -> old.put(t.id(), t));
        for (Ticket t : after.tickets()) {
            if (!t.equals(old.get(t.id()))) {
                assertEquals(t, reported.get(t.id()), where + ": changed ticket " + t.number() + " not reported as it is");
            }
        }
        for (Counter c : after.counters()) {
            if (!before.counters().contains(c)) {
                assertTrue(r.changedCounters().contains(c), where + ": changed counter " + c.number() + " not reported");
            }
        }
        assertEquals(after.day(), r.day(), where + ": day state of the result");
        if (!before.equals(after)) {
            assertFalse(r.events().isEmpty(), where + ": a change without an event");
        }
    }

    /** What a command did: its result, or the refusal; and the state after, estimates included. */
    private record Outcome(CommandResult result, Refusal refusal, Observed after) {
        static Outcome of(QueueEngine e, RandomCommands.Command cmd) {
            Observed before = Observed.of(e);
            try {
                CommandResult r = cmd.run().apply(e);
                return new Outcome(r, null, Observed.of(e));
            } catch (QueueRefusedException x) {
                Observed after = Observed.of(e);
                if (!before.equals(after)) {
                    fail(cmd + " was refused (" + x.getMessage() + ") but changed the engine");
                }
                return new Outcome(null, x.reason(), after);
            }
        }

        /** Compares piece by piece so that a failure names the piece, not two screens of state. */
        void assertSameAs(Outcome other, String where) {
            assertEquals(refusal, other.refusal, where + ": refusal");
            assertEquals(result == null ? null : result.events(), other.result == null ? null : other.result.events(),
                    where + ": events");
            assertEquals(after.estimates(), other.after.estimates(), where + ": wait estimates");
            assertEquals(result, other.result, where + ": result");
            assertEquals(after.snapshot(), other.after.snapshot(), where + ": state after");
        }
    }
}
