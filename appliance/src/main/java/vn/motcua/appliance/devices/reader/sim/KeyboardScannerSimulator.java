package vn.motcua.appliance.devices.reader.sim;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteOrder;
import vn.motcua.appliance.devices.reader.InputEvents;
import vn.motcua.appliance.devices.reader.UsKeymap;

/**
 * A reader in keyboard mode, in software: turns a code into the {@code input_event} records a USB
 * HID scanner produces (Shift down/up around capitals, press + release per key, SYN_REPORT after
 * each, Enter at the end) and writes them to a pipe or file the evdev adapter reads.
 */
public final class KeyboardScannerSimulator {
    private final OutputStream out;
    private final int recordSize;
    private long usec;

    /** @param recordSize 24 (64-bit OS) or 16 (32-bit OS) */
    public KeyboardScannerSimulator(OutputStream out, int recordSize) {
        this.out = out;
        this.recordSize = recordSize;
    }

    /** Types {@code code} then Enter; throws if a character cannot be typed on a US keyboard. */
    public void scan(String code) throws IOException {
        out.write(encode(code));
        out.flush();
    }

    public byte[] encode(String code) {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        for (char c : code.toCharArray()) {
            int[] k = UsKeymap.keyFor(c);
            if (k[0] < 0) {
                throw new IllegalArgumentException("a keyboard cannot type U+" + Integer.toHexString(c));
            }
            if (k[1] == 1) key(b, UsKeymap.KEY_LEFTSHIFT, InputEvents.KEY_PRESS);
            key(b, k[0], InputEvents.KEY_PRESS);
            key(b, k[0], InputEvents.KEY_RELEASE);
            if (k[1] == 1) key(b, UsKeymap.KEY_LEFTSHIFT, InputEvents.KEY_RELEASE);
        }
        key(b, UsKeymap.KEY_ENTER, InputEvents.KEY_PRESS);
        key(b, UsKeymap.KEY_ENTER, InputEvents.KEY_RELEASE);
        return b.toByteArray();
    }

    private void key(ByteArrayOutputStream b, int code, int value) {
        usec += 1000;
        b.writeBytes(InputEvents.encode(new InputEvents.Event(InputEvents.EV_KEY, code, value), usec / 1_000_000,
                usec % 1_000_000, recordSize, ByteOrder.nativeOrder()));
        b.writeBytes(InputEvents.encode(new InputEvents.Event(InputEvents.EV_SYN, 0, 0), usec / 1_000_000,
                usec % 1_000_000, recordSize, ByteOrder.nativeOrder()));
    }
}
