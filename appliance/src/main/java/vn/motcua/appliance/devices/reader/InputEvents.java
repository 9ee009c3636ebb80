package vn.motcua.appliance.devices.reader;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.lang.foreign.ValueLayout;

/**
 * Linux {@code struct input_event} as pure bytes: {@code struct timeval time; __u16 type; __u16 code;
 * __s32 value;} in native byte order. The timeval is two {@code long}s, so a record is 24 bytes on a
 * 64-bit OS and 16 on a 32-bit one (also with 64-bit time_t: the kernel keeps this layout).
 */
public final class InputEvents {
    public static final int EV_SYN = 0;
    public static final int EV_KEY = 1;
    public static final int KEY_RELEASE = 0;
    public static final int KEY_PRESS = 1;
    public static final int KEY_REPEAT = 2;

    /** One event, time dropped (the reader uses its own clock). */
    public record Event(int type, int code, int value) {}

    private InputEvents() {}

    /** Record size for this process: 24 with 8-byte pointers (64-bit), 16 with 4-byte ones. */
    public static int nativeRecordSize() {
        return ValueLayout.ADDRESS.byteSize() == 8 ? 24 : 16;
    }

    public static Event decode(byte[] rec, int off, int recordSize, ByteOrder order) {
        ByteBuffer b = ByteBuffer.wrap(rec, off, recordSize).order(order);
        int base = off + (recordSize == 24 ? 16 : 8);
        return new Event(b.getShort(base) & 0xFFFF, b.getShort(base + 2) & 0xFFFF, b.getInt(base + 4));
    }

    public static byte[] encode(Event e, long sec, long usec, int recordSize, ByteOrder order) {
        if (recordSize != 16 && recordSize != 24) {
            throw new IllegalArgumentException("input_event is 16 or 24 bytes, not " + recordSize);
        }
        ByteBuffer b = ByteBuffer.allocate(recordSize).order(order);
        if (recordSize == 24) {
            b.putLong(sec).putLong(usec);
        } else {
            b.putInt((int) sec).putInt((int) usec);
        }
        b.putShort((short) e.type()).putShort((short) e.code()).putInt(e.value());
        return b.array();
    }
}
