package vn.motcua.bus.codec;

/**
 * What one decoder step found at the start of a buffer.
 *
 * @param kind  what was found
 * @param used  bytes to drop from the buffer (0 for NEED_MORE)
 * @param frame the frame for FRAME, else null
 */
public record DecodeStep(Kind kind, int used, Frame frame) {

    public enum Kind {
        /** The buffer is empty or holds the valid start of a frame. */
        NEED_MORE,
        FRAME,
        /** {@code used} bytes before the next start-of-frame. */
        NOISE,
        /** The SOF's address byte is 0, over 32, or has bit 6 set: drop the SOF. */
        BAD_ADDRESS,
        /** LEN over 24: drop the SOF. */
        BAD_LENGTH,
        /** CRC mismatch: drop the SOF. */
        BAD_CRC
    }

    static final DecodeStep NEED_MORE = new DecodeStep(Kind.NEED_MORE, 0, null);

    public boolean isError() {
        return kind == Kind.BAD_ADDRESS || kind == Kind.BAD_LENGTH || kind == Kind.BAD_CRC;
    }
}
