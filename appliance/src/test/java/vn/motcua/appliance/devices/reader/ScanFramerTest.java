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
    void bytesAPollingReaderFindsLateJoinTheScanOnlyALookThatFindsNothingEndsIt() {
        f.offerPolled(b("A0"), 0, 2, 0);
        // the scheduler looked again 120 ms later (busy), finding the rest: still one scan, not "A0" and "23"
        assertEquals(List.of(), f.offerPolled(b("23"), 0, 2, 120 * MS));
        List<ScanFramer.Frame> out = f.poll(171 * MS); // the next look found nothing for a gap: the scan ends
        assertEquals(1, out.size());
        assertEquals("A023", text(out.getFirst()));
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
