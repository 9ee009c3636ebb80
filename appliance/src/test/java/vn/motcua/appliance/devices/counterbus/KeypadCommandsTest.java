package vn.motcua.appliance.devices.counterbus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import vn.motcua.appliance.TestOffices;
import vn.motcua.appliance.domain.Priority;
import vn.motcua.appliance.domain.QueueEngine;
import vn.motcua.appliance.domain.QueueRefusedException;
import vn.motcua.appliance.domain.Refusal;
import vn.motcua.appliance.domain.TicketStatus;
import vn.motcua.bus.Key;
import vn.motcua.bus.KeyEvent;
import vn.motcua.bus.MutableClock;

/** Which ticket the keypad's call-back keys pick, and what they answer when there is none. */
class KeypadCommandsTest {
    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-23T01:00:00Z"));
    private final QueueEngine engine = QueueEngine.fresh(TestOffices.small(), clock);

    private void press(int counter, Key key) {
        KeypadCommands.apply(engine, counter, KeyEvent.of(key));
        clock.advance(Duration.ofSeconds(30));
    }

    private TicketStatus status(String number) {
        return engine.ticket(number).orElseThrow().status();
    }

    private Refusal refusal(int counter, Key key) {
        return assertThrows(QueueRefusedException.class, () -> press(counter, key)).reason();
    }

    @Test
    void callParkedTakesTheFirstParkedAndParkingAgainWalksThroughThem() {
        for (int i = 0; i < 4; i++) {
            engine.issueTicket("ho-tich", Priority.NORMAL, null);
        }
        engine.openCounter(1, "lan");
        engine.openCounter(3, "thu");
        press(1, Key.CALL_NEXT); // A001
        press(1, Key.PARK);
        press(1, Key.CALL_NEXT); // A002
        press(1, Key.PARK);
        press(3, Key.CALL_NEXT); // A003, parked at another counter: not this counter's to call back
        press(3, Key.PARK);
        assertEquals(Refusal.NOBODY_WAITING, refusal(1, Key.RECALL_NO_SHOW), "nothing skipped at counter 1");

        press(1, Key.CALL_PARKED);
        assertEquals(TicketStatus.CALLED, status("A001"), "parked first, called back first");
        press(1, Key.PARK); // not the resident who came back: to the end of the line
        press(1, Key.CALL_PARKED);
        assertEquals(TicketStatus.CALLED, status("A002"));
        assertEquals(TicketStatus.PARKED, status("A001"));
        assertEquals(Refusal.COUNTER_BUSY, refusal(1, Key.CALL_PARKED));
        press(1, Key.DONE);
        press(1, Key.CALL_PARKED);
        assertEquals(TicketStatus.CALLED, status("A001"));
        press(1, Key.DONE);
        assertEquals(Refusal.NOBODY_WAITING, refusal(1, Key.CALL_PARKED), "A003 is counter 3's");
        assertEquals(TicketStatus.PARKED, status("A003"));
        press(1, Key.PAUSE);
        assertEquals(Refusal.COUNTER_PAUSED, refusal(1, Key.CALL_PARKED), "a paused counter says so first");
        press(3, Key.PAUSE);
        assertEquals(Refusal.COUNTER_PAUSED, refusal(3, Key.CALL_PARKED), "also with a ticket to call back");
    }

    @Test
    void recallNoShowTakesTheLastSkippedWithinTheWindow() {
        for (int i = 0; i < 3; i++) {
            engine.issueTicket("ho-tich", Priority.NORMAL, null);
        }
        engine.openCounter(1, "lan");
        press(1, Key.CALL_NEXT); // A001
        press(1, Key.SKIP);
        press(1, Key.CALL_NEXT); // A002
        press(1, Key.SKIP);
        press(1, Key.RECALL_NO_SHOW);
        assertEquals(TicketStatus.CALLED, status("A002"), "skipped last, the one who comes running");
        assertEquals(TicketStatus.NO_SHOW, status("A001"));
        press(1, Key.START);
        press(1, Key.DONE);
        clock.advance(TestOffices.small().rules().noShowRecallWindow());
        assertEquals(Refusal.RECALL_WINDOW_PASSED, refusal(1, Key.RECALL_NO_SHOW));
        engine.tick(); // the window's end expires it: nothing left to call back
        assertEquals(Refusal.NOBODY_WAITING, refusal(1, Key.RECALL_NO_SHOW));
    }
}
