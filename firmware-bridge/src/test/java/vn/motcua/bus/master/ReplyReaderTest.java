package vn.motcua.bus.master;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.util.List;
import org.junit.jupiter.api.Test;
import vn.motcua.bus.codec.FrameCodec;
import vn.motcua.bus.codec.Messages;
import vn.motcua.bus.sim.InMemoryTransport;
import vn.motcua.bus.sim.SimulatedBoard;

/** The wait for one board's reply, against an in-memory bus whose boards answer as the request is written. */
class ReplyReaderTest {
    private final SimulatedBoard board = new SimulatedBoard(7, 1);
    private final InMemoryTransport wire = new InMemoryTransport(List.of(board), 0);
    private final ReplyReader reader = new ReplyReader(wire);

    /**
     * The I/O thread may not run for the whole reply timeout (a GC pause, a loaded CPU): a reply that is already there
     * when it looks again is the board's answer, not a missing reply. Before, such an attempt failed unread, and a
     * few of them in a row took a live board offline.
     */
    @Test
    void aReplyAlreadyWaitingWhenTheTimeIsUpIsStillRead() throws Exception {
        wire.open();
        wire.write(FrameCodec.encode(Messages.poll(7, 42, Messages.Ack.NONE)));
        ReplyReader.Result late = reader.await(7, 42, 0); // the whole timeout already passed
        assertNotNull(late.reply(), "failure: " + late.failure());
    }

    @Test
    void withNothingOnTheLineTheAttemptFailsAsNoReply() throws Exception {
        wire.open();
        assertEquals("no-reply", reader.await(7, 43, 2_000_000L).failure());
        board.powerOff();
        wire.write(FrameCodec.encode(Messages.poll(7, 44, Messages.Ack.NONE)));
        assertEquals("no-reply", reader.await(7, 44, 0).failure());
    }
}
