package vn.motcua.bus.sim;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import vn.motcua.bus.Key;
import vn.motcua.bus.codec.Frame;
import vn.motcua.bus.codec.FrameCodec;
import vn.motcua.bus.codec.FrameParser;
import vn.motcua.bus.codec.Protocol;
import vn.motcua.bus.codec.SevenSegment;

/**
 * A counter board in pure Java, speaking the same bytes as the firmware (same key queue, acks,
 * epochs, flags), for the demo on machines with only a JDK and for fast master tests. Presses
 * enter the queue directly (no debounce: that is the firmware's job and tested there). Fault
 * injection: lost and corrupted replies, reboots, power off. Thread-safe.
 */
public final class SimulatedBoard {
    private static final int QUEUE_DEPTH = 16;

    /** What the board shows. {@code counter} is -1 when blank; {@code set} false until told. */
    public record Shown(String text, int counter, boolean blink, boolean set) {}

    private record Event(int seq, int key, int arg) {}

    private final int address;
    private final FrameParser parser = new FrameParser();
    private final Deque<Event> queue = new ArrayDeque<>();
    private int sent;
    private int nextSeq = 1;
    private int epoch;
    private boolean overflow;
    private boolean overflowReported;
    private boolean powered = true;
    private Shown shown = new Shown("    ", -1, false, false);
    private int dropNext;
    private int corruptNext;
    private int deafNext;
    private long requestsSeen;
    private Consumer<Shown> onShow = s -> {};

    public SimulatedBoard(int address, int firstEpoch) {
        this.address = address;
        this.epoch = firstEpoch == 0 ? 1 : firstEpoch & 0xFFFF;
    }

    public int address() {
        return address;
    }

    public synchronized void press(Key key) {
        if (key == Key.TRANSFER) {
            throw new IllegalArgumentException("use pressTransfer(target) for TRANSFER");
        }
        queue(key.code(), 0);
    }

    /** TRANSFER, digits, TRANSFER on the keypad: one event with the target counter. */
    public synchronized void pressTransfer(int targetCounter) {
        if (targetCounter < 1 || targetCounter > 99) {
            throw new IllegalArgumentException("target counter 1..99");
        }
        queue(Key.TRANSFER.code(), targetCounter);
    }

    private void queue(int key, int arg) {
        if (!powered) {
            return;
        }
        if (queue.size() == QUEUE_DEPTH) {
            overflow = true;
            overflowReported = false;
            return;
        }
        queue.addLast(new Event(nextSeq, key, arg));
        nextSeq = (nextSeq + 1) & 0xFF;
    }

    public synchronized Shown shown() {
        return shown;
    }

    /** Called (on the bus thread) each time a command changes the display. */
    public synchronized void onShow(Consumer<Shown> listener) {
        onShow = listener;
    }

    /** Power glitch: RAM gone (display, unacked presses), new boot epoch. */
    public synchronized void reboot() {
        epoch = (epoch + 1) & 0xFFFF;
        if (epoch == 0) {
            epoch = 1;
        }
        queue.clear();
        sent = 0;
        nextSeq = 1;
        overflow = false;
        shown = new Shown("    ", -1, false, false);
        parser.reset();
        powered = true;
    }

    public synchronized void powerOff() {
        powered = false;
    }

    public synchronized void dropNextReplies(int n) {
        dropNext = n;
    }

    public synchronized void corruptNextReplies(int n) {
        corruptNext = n;
    }

    /** The next n requests to this board arrive garbled: it hears nothing, answers nothing. */
    public synchronized void missNextRequests(int n) {
        deafNext = n;
    }

    /** Requests addressed to this board that reached it, powered or not (for tests). */
    public synchronized long requestsSeen() {
        return requestsSeen;
    }

    public synchronized int unacknowledged() {
        return queue.size();
    }

    /** Bytes heard on the bus; returns this board's reply, if it makes one (and it survives). */
    public synchronized Optional<byte[]> hear(byte[] bytes) {
        if (!powered) {
            if (bytes.length > 1 && (bytes[1] & 0x7F) == address) {
                requestsSeen++; // a dead board still has requests sent its way: count them
            }
            return Optional.empty();
        }
        List<Frame> mine = new ArrayList<>(1);
        parser.feed(bytes, 0, bytes.length, f -> {
            if (!f.reply() && f.address() == address) {
                mine.add(f);
            }
        });
        byte[] reply = null;
        requestsSeen += mine.size();
        if (!mine.isEmpty() && deafNext > 0) {
            deafNext--;
            return Optional.empty();
        }
        for (Frame f : mine) {
            reply = FrameCodec.encode(handle(f));
        }
        if (reply == null) {
            return Optional.empty();
        }
        if (dropNext > 0) {
            dropNext--;
            return Optional.empty();
        }
        if (corruptNext > 0) {
            corruptNext--;
            reply[reply.length / 2] ^= 0x10;
        }
        return Optional.of(reply);
    }

    private Frame handle(Frame f) {
        byte[] p = f.payload();
        int flags = 0;
        boolean ok = switch (f.type()) {
            case Protocol.TYPE_POLL -> p.length == 3;
            case Protocol.TYPE_CLEAR -> p.length == 3;
            case Protocol.TYPE_SHOW -> p.length == 9;
            default -> false;
        };
        if (ok) {
            ack(p);
            if (f.type() == Protocol.TYPE_CLEAR) {
                display(new Shown("    ", -1, false, true));
            } else if (f.type() == Protocol.TYPE_SHOW) {
                ok = display(p);
            }
        }
        if (!ok) {
            flags |= Protocol.FLAG_REJECTED;
        }
        return status(f.seq(), flags);
    }

    private boolean display(byte[] p) {
        String text = new String(p, 5, 4, java.nio.charset.StandardCharsets.ISO_8859_1);
        int counter = p[4] & 0xFF;
        if ((p[3] & ~1) != 0 || !SevenSegment.canRender(text) || (counter > 99 && counter != Protocol.COUNTER_BLANK)) {
            return false;
        }
        display(new Shown(text, counter == Protocol.COUNTER_BLANK ? -1 : counter, (p[3] & 1) != 0, true));
        return true;
    }

    private void display(Shown s) {
        shown = s;
        onShow.accept(s);
    }

    private void ack(byte[] p) {
        int ackEpoch = (p[0] & 0xFF) << 8 | (p[1] & 0xFF);
        if (ackEpoch != epoch) {
            return;
        }
        int i = 0;
        for (Event e : queue) {
            if (i >= sent) {
                return;
            }
            i++;
            if (e.seq == (p[2] & 0xFF)) {
                for (int k = 0; k < i; k++) {
                    queue.removeFirst();
                }
                sent -= i;
                if (overflowReported) {
                    overflow = false;
                }
                return;
            }
        }
    }

    private Frame status(int seq, int extraFlags) {
        List<Event> out = queue.stream().limit(Protocol.MAX_EVENTS_PER_STATUS).toList();
        sent = Math.max(sent, out.size());
        overflowReported |= overflow;
        int flags = extraFlags | (shown.set() ? 0 : Protocol.FLAG_DISPLAY_UNSET) | (overflow ? Protocol.FLAG_OVERFLOW : 0);
        byte[] p = new byte[4 + 3 * out.size()];
        p[0] = (byte) (epoch >>> 8);
        p[1] = (byte) epoch;
        p[2] = (byte) flags;
        p[3] = (byte) out.size();
        for (int i = 0; i < out.size(); i++) {
            p[4 + 3 * i] = (byte) out.get(i).seq;
            p[5 + 3 * i] = (byte) out.get(i).key;
            p[6 + 3 * i] = (byte) out.get(i).arg;
        }
        return new Frame(address, true, Protocol.TYPE_STATUS, seq, p);
    }
}
