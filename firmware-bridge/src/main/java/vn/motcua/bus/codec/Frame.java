package vn.motcua.bus.codec;

import java.util.Arrays;
import java.util.HexFormat;

/**
 * One frame on the bus, either direction. Immutable: the payload is copied in and out.
 *
 * @param address board address 1..32
 * @param reply   true for board-to-master frames
 * @param type    message type byte
 * @param seq     master sequence number 0..255
 */
public record Frame(int address, boolean reply, int type, int seq, byte[] payload) {

    public Frame {
        if (address < Protocol.MIN_ADDRESS || address > Protocol.MAX_ADDRESS) {
            throw new IllegalArgumentException("board address must be 1..32, was " + address);
        }
        if (type < 0 || type > 0xFF || seq < 0 || seq > 0xFF) {
            throw new IllegalArgumentException("type and seq are bytes: " + type + ", " + seq);
        }
        if (payload.length > Protocol.MAX_PAYLOAD) {
            throw new IllegalArgumentException("payload over 24 bytes: " + payload.length);
        }
        payload = payload.clone();
    }

    @Override
    public byte[] payload() {
        return payload.clone();
    }

    int payloadByte(int i) {
        return payload[i] & 0xFF;
    }

    int payloadLength() {
        return payload.length;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Frame f && f.address == address && f.reply == reply && f.type == type
                && f.seq == seq && Arrays.equals(f.payload, payload);
    }

    @Override
    public int hashCode() {
        return ((address * 31 + type) * 31 + seq) * 31 + Arrays.hashCode(payload) + (reply ? 1 : 0);
    }

    /** The vector notation of frames.txt, e.g. {@code F:M3:01:07:000000}. */
    @Override
    public String toString() {
        String hex = payload.length == 0 ? "-" : HexFormat.of().withUpperCase().formatHex(payload);
        return String.format("F:%s%d:%02X:%02X:%s", reply ? "B" : "M", address, type, seq, hex);
    }
}
