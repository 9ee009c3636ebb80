package vn.motcua.bus.fuzz;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.util.ArrayList;
import java.util.List;
import vn.motcua.bus.codec.DecodeStep;
import vn.motcua.bus.codec.Frame;
import vn.motcua.bus.codec.FrameCodec;
import vn.motcua.bus.codec.FrameParser;
import vn.motcua.bus.codec.Messages;
import vn.motcua.bus.codec.Protocol;
import vn.motcua.bus.sim.SimulatedBoard;

/**
 * Jazzer fuzzing of everything that reads bus bytes on the Java side: the one-step decoder, the
 * streaming parser, the STATUS reader and the simulated board's command handler. Invariants:
 * no exception, every step makes progress, the parser never holds more than one frame, frames
 * re-encode to the bytes they came from, every reply the board makes is itself a valid frame.
 * Runs 20 s in the default build (JAZZER_FUZZ=1 and jazzer.max_duration set by the pom), 10 min with -Plong.
 */
class FrameDecoderJazzerTest {

    @FuzzTest(maxDuration = "20s")
    void decodersNeverCrashAndStayConsistent(byte[] data) {
        int i = 0;
        List<String> oneShot = new ArrayList<>();
        while (i < data.length) {
            DecodeStep step = FrameCodec.decode(data, i, data.length - i);
            if (step.kind() == DecodeStep.Kind.NEED_MORE) {
                assertTrue(data.length - i < Protocol.MAX_FRAME, "NEED_MORE with a full frame's worth of bytes");
                break;
            }
            assertTrue(step.used() > 0 && step.used() <= data.length - i, "decoder must make progress");
            if (step.frame() != null) {
                byte[] again = FrameCodec.encode(step.frame());
                byte[] original = java.util.Arrays.copyOfRange(data, i, i + step.used());
                assertArrayEquals(original, again);
                oneShot.add(step.frame().toString());
                Messages.status(step.frame()); // must not throw, whatever the payload
            }
            i += step.used();
        }
        List<String> streamed = new ArrayList<>();
        FrameParser parser = new FrameParser();
        parser.feed(data, 0, data.length, f -> streamed.add(f.toString()));
        assertEquals(oneShot, streamed, "streaming and one-shot decoding agree");

        SimulatedBoard board = new SimulatedBoard(data.length == 0 ? 1 : (data[0] & 31) + 1, 0x0102);
        board.hear(data).ifPresent(reply -> {
            DecodeStep r = FrameCodec.decode(reply, 0, reply.length);
            assertEquals(DecodeStep.Kind.FRAME, r.kind());
            Frame f = r.frame();
            assertTrue(f.reply() && Messages.status(f).isPresent(), "board replies are valid STATUS frames");
        });
    }
}
