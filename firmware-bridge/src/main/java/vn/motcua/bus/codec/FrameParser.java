package vn.motcua.bus.codec;

import java.util.function.Consumer;

/**
 * Streaming decoder: bytes in, frames out, never holding more than one frame's worth
 * ({@link Protocol#MAX_FRAME} bytes), so hostile input cannot make it allocate. Counts what it
 * threw away. Not thread-safe: one parser per reader.
 */
public final class FrameParser {
    private final byte[] buf = new byte[Protocol.MAX_FRAME];
    private int n;
    // Counters: written by the reading thread only; volatile so a health page can read them.
    private volatile long noiseBytes;
    private volatile long badFrames;
    private volatile long frames;

    /** Feeds bytes; every complete frame goes to {@code out}, in order. */
    public void feed(byte[] data, int off, int len, Consumer<Frame> out) {
        for (int i = 0; i < len; i++) {
            buf[n++] = data[off + i];
            drain(out);
        }
    }

    private void drain(Consumer<Frame> out) {
        while (true) {
            DecodeStep step = FrameCodec.decode(buf, 0, n);
            switch (step.kind()) {
                case NEED_MORE -> {
                    return;
                }
                case NOISE -> noiseBytes += step.used();
                case FRAME -> frames++;
                default -> badFrames++;
            }
            System.arraycopy(buf, step.used(), buf, 0, n - step.used());
            n -= step.used();
            if (step.frame() != null) {
                out.accept(step.frame());
            }
        }
    }

    /** Drops a partial frame (a new exchange starts; old bytes cannot belong to it). */
    public void reset() {
        n = 0;
    }

    /** True when bytes of a frame that may still complete are held (e.g. a reply being received). */
    public boolean hasPartial() {
        return n > 0;
    }

    public long noiseBytes() {
        return noiseBytes;
    }

    /** Frames dropped for a bad address, length or CRC. */
    public long badFrames() {
        return badFrames;
    }

    public long frames() {
        return frames;
    }
}
