package vn.motcua.appliance.devices.reader;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class ScanFramerTest {
    static final long MS = 1_000_000L;
    final ScanFramer f = new ScanFramer(16, 50 * MS);

    static byte[] b(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    static String text(ScanFramer.Frame fr) {
        return new String(fr.bytes(), StandardCharsets.UTF_8);
    }

    @Test
    void crLfEndsOneScanAndChunksMayArriveSplit() {
        assertEquals(List.of(), f.offer(b("ABC"), 0, 3, 0));
        List<ScanFramer.Frame> out = f.offer(b("DE\r\nFG\r"), 0, 7, MS);
        assertEquals(2, out.size());
        assertEquals("ABCDE", text(out.get(0)));
        assertEquals("FG", text(out.get(1)));
    }

    @Test
    void aPauseEndsAScanWithoutTerminator() {
        f.offer(b("XYZ"), 0, 3, 0);
        assertEquals(List.of(), f.poll(49 * MS));
        List<ScanFramer.Frame> out = f.poll(50 * MS);
        assertEquals("XYZ", text(out.getFirst()));
        assertEquals(List.of(), f.poll(500 * MS));
    }

    @Test
    void anOverlongScanIsOneRejectionNotSeveralCodes() {
        List<ScanFramer.Frame> out = f.offer(b("0123456789".repeat(5) + "\rOK\r"), 0, 54, 0);
        assertEquals(2, out.size());
        assertTrue(out.get(0).overflow());
        assertEquals("OK", text(out.get(1)));
    }

    @Test
    void exactlyTheLimitIsAccepted() {
        List<ScanFramer.Frame> out = f.offer(b("0123456789ABCDEF\r"), 0, 17, 0);
        assertEquals("0123456789ABCDEF", text(out.getFirst()));
    }
}
