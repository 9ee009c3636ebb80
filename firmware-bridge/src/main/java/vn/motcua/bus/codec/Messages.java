package vn.motcua.bus.codec;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Builds the master's commands and reads the boards' STATUS replies (counter-bus.md §4). */
public final class Messages {
    private Messages() {}

    /** The ACK block: "I have every event of {@code epoch} up to {@code evseq}". */
    public record Ack(int epoch, int evseq) {
        public static final Ack NONE = new Ack(0, 0);

        byte[] bytes() {
            return new byte[] {(byte) (epoch >>> 8), (byte) epoch, (byte) evseq};
        }
    }

    public static Frame poll(int address, int seq, Ack ack) {
        return new Frame(address, false, Protocol.TYPE_POLL, seq, ack.bytes());
    }

    public static Frame clear(int address, int seq, Ack ack) {
        return new Frame(address, false, Protocol.TYPE_CLEAR, seq, ack.bytes());
    }

    /**
     * SHOW; {@code text} must already be 4 renderable characters (see {@link SevenSegment#pad}),
     * {@code counter} 0..99 or {@link Protocol#COUNTER_BLANK}.
     */
    public static Frame show(int address, int seq, Ack ack, String text, int counter, boolean blink) {
        byte[] chars = text.getBytes(StandardCharsets.US_ASCII);
        if (chars.length != 4 || !SevenSegment.canRender(text)) {
            throw new IllegalArgumentException("SHOW needs 4 renderable characters, got '" + text + "'");
        }
        if ((counter < 0 || counter > 99) && counter != Protocol.COUNTER_BLANK) {
            throw new IllegalArgumentException("counter number must be 0..99, was " + counter);
        }
        byte[] a = ack.bytes();
        byte[] p = {a[0], a[1], a[2], (byte) (blink ? 1 : 0), (byte) counter,
            chars[0], chars[1], chars[2], chars[3]};
        return new Frame(address, false, Protocol.TYPE_SHOW, seq, p);
    }

    /** Reads a STATUS frame; empty if it is not a well-formed STATUS (the caller counts it). */
    public static Optional<StatusReply> status(Frame f) {
        if (!f.reply() || f.type() != Protocol.TYPE_STATUS || f.payloadLength() < 4) {
            return Optional.empty();
        }
        int count = f.payloadByte(3);
        if (count > Protocol.MAX_EVENTS_PER_STATUS || f.payloadLength() != 4 + 3 * count) {
            return Optional.empty();
        }
        int epoch = f.payloadByte(0) << 8 | f.payloadByte(1);
        if (epoch == 0) {
            return Optional.empty();
        }
        List<StatusReply.Event> events = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            events.add(new StatusReply.Event(
                    f.payloadByte(4 + 3 * i), f.payloadByte(5 + 3 * i), f.payloadByte(6 + 3 * i)));
        }
        return Optional.of(new StatusReply(epoch, f.payloadByte(2), events));
    }
}
