package vn.motcua.bus.master;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import vn.motcua.bus.BoardStatus;
import vn.motcua.bus.Key;
import vn.motcua.bus.KeyEvent;
import vn.motcua.bus.codec.Messages;
import vn.motcua.bus.codec.StatusReply;

/** The master's bookkeeping for one board: repeats dropped, reboots noticed, acks right. */
class BoardLinkTest {
    private static final Instant T = Instant.parse("2026-11-22T08:00:00Z");

    private static StatusReply status(int epoch, int flags, StatusReply.Event... events) {
        return new StatusReply(epoch, flags, List.of(events));
    }

    private static StatusReply.Event ev(int seq, Key key) {
        return new StatusReply.Event(seq, key.code(), 0);
    }

    private static List<KeyEvent> keys(BoardLink.Outcome o) {
        return o.keys().stream().map(BoardLink.Delivered::key).toList();
    }

    @Test
    void anApplianceRestartResumesAfterTheLastHandledEvent() {
        BoardLink link = new BoardLink(3, T);
        link.resumeAfter(new vn.motcua.bus.BoardEventId(0x1234, 7));
        assertEquals(new Messages.Ack(0x1234, 7), link.ack(), "the first request already acks event 7");
        var r = link.accept(status(0x1234, 0, ev(7, Key.CALL_NEXT), ev(8, Key.DONE)), T);
        assertEquals(List.of(KeyEvent.of(Key.DONE)), keys(r), "event 7 was handled before the restart");
        assertEquals(new vn.motcua.bus.BoardEventId(0x1234, 8), r.keys().getFirst().id());
    }

    @Test
    void withAckWhenHandledAPressIsAckedOnlyOnceTheApplianceCommittedIt() {
        BoardLink link = new BoardLink(3, T);
        link.ackWhenHandled();
        var r = link.accept(status(0x1234, 0, ev(1, Key.CALL_NEXT), ev(2, Key.DONE)), T);
        assertEquals(List.of(KeyEvent.of(Key.CALL_NEXT), KeyEvent.of(Key.DONE)), keys(r));
        assertEquals(new Messages.Ack(0x1234, 0), link.ack(), "delivered, not yet committed: nothing acked");
        var again = link.accept(status(0x1234, 0, ev(1, Key.CALL_NEXT), ev(2, Key.DONE)), T);
        assertEquals(List.of(), keys(again), "sent again meanwhile: not delivered twice");
        link.handled(new vn.motcua.bus.BoardEventId(0x1234, 1));
        assertEquals(new Messages.Ack(0x1234, 1), link.ack());
        link.handled(new vn.motcua.bus.BoardEventId(0x1234, 2));
        link.handled(new vn.motcua.bus.BoardEventId(0x1234, 1)); // late and out of order: ignored
        assertEquals(new Messages.Ack(0x1234, 2), link.ack());
        link.handled(new vn.motcua.bus.BoardEventId(0x1234, 9)); // never delivered: ignored
        assertEquals(new Messages.Ack(0x1234, 2), link.ack());
    }

    @Test
    void aHandledReportFromBeforeABoardRebootIsIgnored() {
        BoardLink link = new BoardLink(3, T);
        link.ackWhenHandled();
        link.accept(status(0x1234, 0, ev(1, Key.CALL_NEXT)), T);
        link.accept(status(0x1235, 0, ev(1, Key.DONE)), T); // rebooted: a new epoch
        link.handled(new vn.motcua.bus.BoardEventId(0x1234, 1));
        assertEquals(new Messages.Ack(0x1235, 0), link.ack());
        link.handled(new vn.motcua.bus.BoardEventId(0x1235, 1));
        assertEquals(new Messages.Ack(0x1235, 1), link.ack());
    }

    @Test
    void aRepeatedEventIsDeliveredOnce() {
        BoardLink link = new BoardLink(3, T);
        var first = link.accept(status(0x1234, 0, ev(1, Key.CALL_NEXT)), T);
        assertEquals(List.of(KeyEvent.of(Key.CALL_NEXT)), keys(first));
        assertEquals(new Messages.Ack(0x1234, 1), link.ack());
        // Our ack was lost: the board sends event 1 again, with a new one behind it.
        var again = link.accept(status(0x1234, 0, ev(1, Key.CALL_NEXT), ev(2, Key.DONE)), T);
        assertEquals(List.of(KeyEvent.of(Key.DONE)), keys(again));
        assertEquals(1, again.duplicates());
        assertEquals(new Messages.Ack(0x1234, 2), link.ack());
    }

    @Test
    void sequenceNumbersWrapAround() {
        BoardLink link = new BoardLink(3, T);
        link.accept(status(9, 0, ev(254, Key.RECALL)), T);
        var r = link.accept(status(9, 0, ev(254, Key.RECALL), ev(255, Key.SKIP), ev(0, Key.START), ev(1, Key.DONE)), T);
        assertEquals(List.of(KeyEvent.of(Key.SKIP), KeyEvent.of(Key.START), KeyEvent.of(Key.DONE)), keys(r));
        assertEquals(new Messages.Ack(9, 1), link.ack());
    }

    @Test
    void aNewEpochIsARebootThatRestartsNumberingAndAsksForTheDisplay() {
        BoardLink link = new BoardLink(5, T);
        link.want(new DisplayState("A023", 5, false));
        var pending = link.pending();
        assertNotNull(pending);
        link.accept(status(100, 0, ev(1, Key.CALL_NEXT), ev(2, Key.DONE)), T);
        link.displayConfirmed(pending.version());
        assertNull(link.pending());
        var r = link.accept(status(101, 0x01, ev(1, Key.START)), T.plusSeconds(5));
        assertEquals(List.of(KeyEvent.of(Key.START)), keys(r), "event 1 of the new boot is new");
        assertEquals("rebooted", r.statusChanges().getLast().reason());
        assertEquals(1, link.status().reboots());
        assertEquals(new DisplayState("A023", 5, false), link.pending().display());
    }

    @Test
    void anApplianceRestartDoesNotBlankBoardsThatStillShowANumber() {
        BoardLink link = new BoardLink(4, T);
        link.accept(status(0x0042, 0), T); // first contact, board has its display set
        assertNull(link.pending(), "nothing to send until the appliance shows something");
        BoardLink fresh = new BoardLink(4, T);
        fresh.accept(status(0x0042, 0x01), T); // board just booted: blank it properly
        assertEquals(DisplayState.BLANK, fresh.pending().display());
    }

    @Test
    void unknownKeyCodesAreAckedButNotDelivered() {
        BoardLink link = new BoardLink(1, T);
        var r = link.accept(status(7, 0, new StatusReply.Event(1, 0x7E, 0),
                new StatusReply.Event(2, Key.TRANSFER.code(), 0), ev(3, Key.PAUSE)), T);
        assertEquals(List.of(KeyEvent.of(Key.PAUSE)), keys(r));
        assertEquals(2, r.invalid());
        assertEquals(new Messages.Ack(7, 3), link.ack());
    }

    @Test
    void parkAndTheCallBacksOfProtocol11AreDeliveredWithNoArgument() {
        BoardLink link = new BoardLink(3, T);
        var r = link.accept(status(0x1234, 0, new StatusReply.Event(3, 0x08, 0), new StatusReply.Event(4, 0x09, 0),
                new StatusReply.Event(5, 0x0A, 0), new StatusReply.Event(6, 0x0A, 7)), T);
        assertEquals(List.of(KeyEvent.of(Key.PARK), KeyEvent.of(Key.CALL_PARKED), KeyEvent.of(Key.RECALL_NO_SHOW)), keys(r));
        assertEquals(1, r.invalid(), "an argument is reserved: refused until a protocol version defines it");
        assertEquals(new Messages.Ack(0x1234, 6), link.ack());
    }

    @Test
    void goesOfflineOnlyAfterEnoughFailuresAndBackOnTheFirstReply() {
        BoardLink link = new BoardLink(2, T);
        link.accept(status(7, 0), T);
        assertNull(link.failed("no-reply", 3, T));
        assertNull(link.failed("bad-crc", 3, T));
        BoardStatus off = link.failed("bad-crc", 3, T);
        assertEquals(BoardStatus.State.OFFLINE, off.state());
        assertEquals("bad-crc", off.reason());
        var back = link.accept(status(7, 0), T);
        assertTrue(link.status().online());
        assertEquals(1, back.statusChanges().size());
    }
}
