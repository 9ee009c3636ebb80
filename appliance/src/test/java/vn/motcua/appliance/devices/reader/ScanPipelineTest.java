package vn.motcua.appliance.devices.reader;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class ScanPipelineTest {
    final AtomicLong now = new AtomicLong();
    final ScanPipeline p = Scans.pipeline(now::get);
    final List<ScanResult> seen = new ArrayList<>();

    {
        p.addListener(seen::add);
    }

    void send(byte[] b) {
        p.bytes(b, 0, b.length);
    }

    void send(String s) {
        send((s + "\r").getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void aCardHeldUnderTheReaderCountsOnceWithinTheWindow() {
        send(Scans.CCCD7);
        now.addAndGet(1_000_000_000L);
        send(Scans.CCCD7);
        assertEquals(1, seen.size());
        assertEquals(1, p.counters().duplicates());
        now.addAndGet(5_000_000_000L);
        send(Scans.CCCD7);
        assertEquals(2, seen.size());
        assertEquals(2, p.counters().citizenIds());
    }

    @Test
    void invalidUtf8IsRefusedAndCounted() {
        send(new byte[] {'A', (byte) 0xC3, (byte) 0x28, 'B', '\r'});
        send(new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80, '\r'}); // encoded surrogate
        send(new byte[] {(byte) 0xC0, (byte) 0xAF, '\r'});              // overlong '/'
        assertEquals(3, p.counters().rejected(ScanResult.Reason.INVALID_UTF8));
        assertInstanceOf(ScanResult.Rejected.class, seen.getFirst());
    }

    @Test
    void overlongInputIsRefusedOnceAndTheNextScanStillWorks() {
        send("9".repeat(5000));
        send(Scans.DOSSIER);
        assertEquals(1, p.counters().rejected(ScanResult.Reason.TOO_LONG));
        assertInstanceOf(ScanResult.Dossier.class, seen.get(1));
    }

    @Test
    void rejectionsAreNotDeduplicatedSoEachIsCounted() {
        send("garbage");
        send("garbage");
        assertEquals(2, p.counters().rejected(ScanResult.Reason.NOT_RECOGNISED));
    }
}
