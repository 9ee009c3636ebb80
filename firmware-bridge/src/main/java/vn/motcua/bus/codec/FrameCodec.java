package vn.motcua.bus.codec;

/**
 * Frame encoder and one-step decoder (counter-bus.md §2): pure functions over bytes, the same
 * algorithm as firmware/core/frame.c, checked against the shared vectors.
 */
public final class FrameCodec {
    private FrameCodec() {}

    public static byte[] encode(Frame f) {
        int len = f.payloadLength();
        byte[] out = new byte[Protocol.HEADER_LENGTH + len + 2];
        out[0] = (byte) Protocol.SOF;
        out[1] = (byte) (f.address() | (f.reply() ? Protocol.REPLY_BIT : 0));
        out[2] = (byte) f.type();
        out[3] = (byte) f.seq();
        out[4] = (byte) len;
        System.arraycopy(f.payload(), 0, out, Protocol.HEADER_LENGTH, len);
        int crc = Crc16.of(out, 1, 4 + len);
        out[5 + len] = (byte) crc;
        out[6 + len] = (byte) (crc >>> 8);
        return out;
    }

    /** Looks at {@code buf[off .. off+n)} and says what starts there. Never reads past n. */
    public static DecodeStep decode(byte[] buf, int off, int n) {
        if (n <= 0) {
            return DecodeStep.NEED_MORE;
        }
        if ((buf[off] & 0xFF) != Protocol.SOF) {
            int k = 1;
            while (k < n && (buf[off + k] & 0xFF) != Protocol.SOF) {
                k++;
            }
            return new DecodeStep(DecodeStep.Kind.NOISE, k, null);
        }
        if (n < 2) {
            return DecodeStep.NEED_MORE;
        }
        int address = buf[off + 1] & 0x7F;
        if (address < Protocol.MIN_ADDRESS || address > Protocol.MAX_ADDRESS) {
            return new DecodeStep(DecodeStep.Kind.BAD_ADDRESS, 1, null);
        }
        if (n < Protocol.HEADER_LENGTH) {
            return DecodeStep.NEED_MORE;
        }
        int len = buf[off + 4] & 0xFF;
        if (len > Protocol.MAX_PAYLOAD) {
            return new DecodeStep(DecodeStep.Kind.BAD_LENGTH, 1, null);
        }
        int total = Protocol.HEADER_LENGTH + len + 2;
        if (n < total) {
            return DecodeStep.NEED_MORE;
        }
        int crc = Crc16.of(buf, off + 1, 4 + len);
        if ((buf[off + total - 2] & 0xFF) != (crc & 0xFF) || (buf[off + total - 1] & 0xFF) != crc >>> 8) {
            return new DecodeStep(DecodeStep.Kind.BAD_CRC, 1, null);
        }
        byte[] payload = new byte[len];
        System.arraycopy(buf, off + Protocol.HEADER_LENGTH, payload, 0, len);
        boolean reply = (buf[off + 1] & Protocol.REPLY_BIT) != 0;
        Frame f = new Frame(address, reply, buf[off + 2] & 0xFF, buf[off + 3] & 0xFF, payload);
        return new DecodeStep(DecodeStep.Kind.FRAME, total, f);
    }
}
