package vn.motcua.appliance.devices.reader;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * Cuts a reader's byte stream into scans (pure; time is passed in): a scan ends at CR, LF or TAB
 * (scanners' usual suffixes), or when no byte came for the inter-character gap. A scan longer than
 * the limit is dropped whole: the rest of it up to the next end is swallowed and one over-long
 * frame is reported, so it is counted once and never split into smaller "valid" codes.
 */
public final class ScanFramer {
    /** One framed scan; {@code overflow} means it was too long and {@code bytes} is empty. */
    public record Frame(byte[] bytes, boolean overflow) {}

    private final int maxLength;
    private final long gapNanos;
    private final ByteArrayOutputStream cur = new ByteArrayOutputStream();
    private boolean overflowing;
    private long lastByteNanos;

    public ScanFramer(int maxLength, long gapNanos) {
        this.maxLength = maxLength;
        this.gapNanos = gapNanos;
    }

    /** Feeds bytes received at {@code nowNanos}; returns scans completed by them. */
    public List<Frame> offer(byte[] data, int off, int len, long nowNanos) {
        return offer(data, off, len, nowNanos, true);
    }

    /**
     * Feeds bytes found waiting at {@code nowNanos} by a reader that polls: they may have come in any time since
     * its last look, so they never end the scan in progress by their gap; only a look that finds nothing
     * ({@link #poll(long)}) does.
     */
    public List<Frame> offerPolled(byte[] data, int off, int len, long nowNanos) {
        return offer(data, off, len, nowNanos, false);
    }

    private List<Frame> offer(byte[] data, int off, int len, long nowNanos, boolean gapEndsScan) {
        List<Frame> out = new ArrayList<>(1);
        if (gapEndsScan) {
            idle(nowNanos, out);
        }
        for (int i = off; i < off + len; i++) {
            byte b = data[i];
            if (b == '\r' || b == '\n' || b == '\t') {
                end(out);
                continue;
            }
            if (overflowing) {
                continue;
            }
            if (cur.size() >= maxLength) {
                overflowing = true;
                cur.reset();
                continue;
            }
            cur.write(b);
        }
        if (len > 0) {
            lastByteNanos = nowNanos;
        }
        return out;
    }

    /** Ends a scan left open longer than the gap; call from a timer. */
    public List<Frame> poll(long nowNanos) {
        List<Frame> out = new ArrayList<>(1);
        idle(nowNanos, out);
        return out;
    }

    private void idle(long now, List<Frame> out) {
        if ((cur.size() > 0 || overflowing) && now - lastByteNanos >= gapNanos) {
            end(out);
        }
    }

    private void end(List<Frame> out) {
        if (overflowing) {
            out.add(new Frame(new byte[0], true));
        } else if (cur.size() > 0) {
            out.add(new Frame(cur.toByteArray(), false));
        }
        overflowing = false;
        cur.reset();
    }
}
