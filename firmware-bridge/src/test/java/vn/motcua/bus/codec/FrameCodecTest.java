package vn.motcua.bus.codec;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The examples of hardware-docs/counter-bus.md §8, byte for byte. */
class FrameCodecTest {

    private static byte[] bytes(int... v) {
        byte[] b = new byte[v.length];
        for (int i = 0; i < v.length; i++) {
            b[i] = (byte) v[i];
        }
        return b;
    }

    @Test
    void crcCheckValue() {
        byte[] s = "123456789".getBytes(StandardCharsets.US_ASCII);
        assertEquals(0x4B37, Crc16.of(s, 0, s.length));
    }

    @Test
    void pollToBoard3BeforeAnyEpochIsKnown() {
        byte[] expected = bytes(
                0xA5,             // SOF
                0x03,             // master -> board 3
                0x01,             // POLL
                0x07,             // SEQ 7
                0x03,             // LEN 3
                0x00, 0x00, 0x00, // ACK: epoch unknown, evseq 0
                0x9C, 0x55);      // CRC 0x559C, low byte first
        assertArrayEquals(expected, FrameCodec.encode(Messages.poll(3, 7, Messages.Ack.NONE)));
    }

    @Test
    void showA023AtCounter5() {
        byte[] expected = bytes(
                0xA5, 0x03, 0x02, 0x09, 0x09, // SOF, board 3, SHOW, SEQ 9, LEN 9
                0x12, 0x34, 0x00,             // ACK epoch 0x1234, evseq 0
                0x00,                         // FLAGS: steady
                0x05,                         // counter 5
                0x41, 0x30, 0x32, 0x33,       // "A023"
                0x5A, 0x5D);                  // CRC
        assertArrayEquals(expected, FrameCodec.encode(
                Messages.show(3, 9, new Messages.Ack(0x1234, 0), "A023", 5, false)));
    }

    @Test
    void statusWithTransferAndRatingDecodes() {
        byte[] wire = bytes(
                0xA5, 0x83, 0x81, 0x0B, 0x0A, // SOF, reply from 3, STATUS, SEQ 11, LEN 10
                0x12, 0x34,                   // epoch
                0x00,                         // flags
                0x02,                         // 2 events
                0x02, 0x04, 0x07,             // #2 TRANSFER to counter 7
                0x03, 0x11, 0x00,             // #3 RATE_1
                0xF8, 0x59);                  // CRC
        DecodeStep step = FrameCodec.decode(wire, 0, wire.length);
        assertEquals(DecodeStep.Kind.FRAME, step.kind());
        assertEquals(wire.length, step.used());
        StatusReply r = Messages.status(step.frame()).orElseThrow();
        assertEquals(0x1234, r.epoch());
        assertEquals(List.of(new StatusReply.Event(2, 0x04, 7), new StatusReply.Event(3, 0x11, 0)), r.events());
    }

    @Test
    void flippedBitIsACrcErrorAndOnlyTheSofIsDropped() {
        byte[] wire = bytes(0xA5, 0x03, 0x01, 0x07, 0x03, 0x00, 0x10, 0x00, 0x9C, 0x55);
        DecodeStep step = FrameCodec.decode(wire, 0, wire.length);
        assertEquals(DecodeStep.Kind.BAD_CRC, step.kind());
        assertEquals(1, step.used());
    }

    @Test
    void statusThatLiesAboutItsEventCountIsRefused() {
        // NEV says 3 but only one event follows.
        Frame f = new Frame(3, true, Protocol.TYPE_STATUS, 1, bytes(0x12, 0x34, 0x00, 0x03, 0x01, 0x01, 0x00));
        assertTrue(Messages.status(f).isEmpty());
        // Epoch 0 is never a real boot.
        assertTrue(Messages.status(new Frame(3, true, Protocol.TYPE_STATUS, 1, bytes(0, 0, 0, 0))).isEmpty());
        // A command frame is not a reply.
        assertTrue(Messages.status(new Frame(3, false, Protocol.TYPE_STATUS, 1, bytes(0x12, 0x34, 0, 0))).isEmpty());
    }

    @Test
    void parserResynchronisesAfterNoiseAndGarbage() {
        FrameParser p = new FrameParser();
        List<Frame> out = new ArrayList<>();
        byte[] poll = FrameCodec.encode(Messages.poll(3, 7, Messages.Ack.NONE));
        byte[] junk = bytes(0x00, 0xA5, 0xA5, 0x55, 0xA5, 0x03, 0x01);
        p.feed(junk, 0, junk.length, out::add);
        p.reset(); // a new exchange: the half frame from before cannot be completed
        for (byte b : poll) {
            p.feed(new byte[] {b}, 0, 1, out::add);
        }
        assertEquals(List.of(Messages.poll(3, 7, Messages.Ack.NONE)), out);
        assertTrue(p.badFrames() >= 2);
    }

    @Test
    void aReplyCutAfterAnyByteNeverYieldsAFrameAndTheNextWholeOneDoes() {
        byte[] status = FrameCodec.encode(new Frame(3, true, Protocol.TYPE_STATUS, 7, bytes(0x12, 0x34, 0x00, 0x01, 0x01, 0x01, 0x00)));
        for (int cut = 0; cut < status.length; cut++) {
            FrameParser p = new FrameParser();
            List<Frame> out = new ArrayList<>();
            p.feed(status, 0, cut, out::add);
            assertTrue(out.isEmpty(), "cut at " + cut);
            p.reset(); // the master starts a new attempt
            p.feed(status, 0, status.length, out::add);
            assertEquals(1, out.size(), "cut at " + cut);
        }
    }

    @Test
    void refusesWhatTheBoardsCannotShow() {
        assertEquals(" A23", SevenSegment.pad("A23"));
        assertThrows(IllegalArgumentException.class, () -> SevenSegment.pad("M001"));
        assertThrows(IllegalArgumentException.class, () -> SevenSegment.pad("A0234"));
        assertThrows(IllegalArgumentException.class, () -> SevenSegment.pad("Ă01"));
        assertFalse(SevenSegment.canRender("W"));
        assertEquals(0x7C, SevenSegment.segments('B'));
        assertThrows(IllegalArgumentException.class, () -> Messages.show(3, 1, Messages.Ack.NONE, "A02", 5, false));
        assertThrows(IllegalArgumentException.class, () -> new Frame(33, false, 1, 1, new byte[0]));
        assertThrows(IllegalArgumentException.class, () -> new Frame(1, false, 1, 1, new byte[25]));
    }
}
