package vn.motcua.bus.sim;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.locks.LockSupport;

/**
 * An in-memory RS-485 pair: every byte the master writes reaches every simulated board, the
 * addressed one answers. With {@code baud > 0} it takes the time the bytes would take on the
 * wire (10 bits per byte), so the poll loop runs at a real bus's pace instead of spinning.
 * {@link #unplug()} / {@link #plugIn()} act like pulling the USB adapter.
 */
public final class InMemoryTransport extends SimulatedAdapter {
    private final List<SimulatedBoard> boards;
    private final int baud;
    private final Deque<byte[]> replies = new ArrayDeque<>();

    public InMemoryTransport(List<SimulatedBoard> boards, int baud) {
        this.boards = List.copyOf(boards);
        this.baud = baud;
    }

    @Override
    protected void opened() {
        replies.clear();
    }

    @Override
    public void write(byte[] frame) throws IOException {
        check();
        wire(frame.length);
        for (SimulatedBoard b : boards) {
            Optional<byte[]> r = b.hear(frame);
            if (r.isPresent()) {
                wire(r.get().length);
                replies.addLast(r.get());
            }
        }
    }

    @Override
    public int read(byte[] buf, long timeoutNanos) throws IOException {
        check();
        byte[] r = replies.pollFirst();
        if (r == null) {
            LockSupport.parkNanos(timeoutNanos); // nobody answered: the master waits its timeout out
            return 0;
        }
        int n = Math.min(buf.length, r.length);
        System.arraycopy(r, 0, buf, 0, n);
        if (n < r.length) {
            byte[] rest = new byte[r.length - n];
            System.arraycopy(r, n, rest, 0, rest.length);
            replies.addFirst(rest);
        }
        return n;
    }

    private void wire(int bytes) {
        if (baud > 0) {
            LockSupport.parkNanos(bytes * 10L * 1_000_000_000L / baud);
        }
    }
}
