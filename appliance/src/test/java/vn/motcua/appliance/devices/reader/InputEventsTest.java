package vn.motcua.appliance.devices.reader;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import vn.motcua.appliance.devices.reader.sim.KeyboardScannerSimulator;

class InputEventsTest {
    /** KEY_A (30) pressed, at 1.000002 s, as a 64-bit little-endian kernel writes it. */
    static final byte[] KEY_A_64 = {
            1, 0, 0, 0, 0, 0, 0, 0,   // tv_sec  = 1
            2, 0, 0, 0, 0, 0, 0, 0,   // tv_usec = 2
            1, 0,                     // type  = EV_KEY
            30, 0,                    // code  = KEY_A
            1, 0, 0, 0};              // value = press

    /** The same event from a 32-bit kernel/userland. */
    static final byte[] KEY_A_32 = {
            1, 0, 0, 0,               // tv_sec
            2, 0, 0, 0,               // tv_usec
            1, 0, 30, 0, 1, 0, 0, 0}; // type, code, value

    @Test
    void decodesBothRecordSizes() {
        var e = new InputEvents.Event(InputEvents.EV_KEY, 30, 1);
        assertEquals(e, InputEvents.decode(KEY_A_64, 0, 24, ByteOrder.LITTLE_ENDIAN));
        assertEquals(e, InputEvents.decode(KEY_A_32, 0, 16, ByteOrder.LITTLE_ENDIAN));
        assertArrayEquals(KEY_A_64, InputEvents.encode(e, 1, 2, 24, ByteOrder.LITTLE_ENDIAN));
        assertArrayEquals(KEY_A_32, InputEvents.encode(e, 1, 2, 16, ByteOrder.LITTLE_ENDIAN));
    }

    @Test
    void whatTheKeyboardSimulatorTypesDecodesBackToTheSameCode() {
        for (int size : new int[] {16, 24}) {
            String code = "https://x.vn/a?so=A023&b=C_D|E~" + "000.00.15.H29-241122-0001";
            byte[] rec = new KeyboardScannerSimulator(new ByteArrayOutputStream(), size).encode(code);
            KeyDecoder d = new KeyDecoder();
            ByteArrayOutputStream typed = new ByteArrayOutputStream();
            for (int off = 0; off < rec.length; off += size) {
                typed.writeBytes(d.accept(InputEvents.decode(rec, off, size, ByteOrder.nativeOrder())));
            }
            assertEquals(code + "\r", typed.toString(StandardCharsets.US_ASCII));
        }
    }

    @Test
    void autoRepeatAndReleasesTypeNothing() {
        KeyDecoder d = new KeyDecoder();
        assertEquals(0, d.accept(new InputEvents.Event(InputEvents.EV_KEY, 30, InputEvents.KEY_REPEAT)).length);
        assertEquals(0, d.accept(new InputEvents.Event(InputEvents.EV_KEY, 30, InputEvents.KEY_RELEASE)).length);
        assertEquals(0, d.accept(new InputEvents.Event(InputEvents.EV_KEY, 59, InputEvents.KEY_PRESS)).length); // F1
    }
}
