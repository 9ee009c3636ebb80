package vn.motcua.appliance.devices.printer;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import vn.motcua.appliance.devices.printer.sim.EscPosSink;
import vn.motcua.appliance.devices.printer.sim.EscPosStreamParser;

/** The simulator's parser finds the same commands however the stream is split, and survives garbage. */
class EscPosStreamParserTest {
    static final class Recorder implements EscPosSink {
        final List<String> events = new ArrayList<>();
        public void initialize() { events.add("init"); }
        public void textLine(String line) { events.add("text:" + line); }
        public void raster(int wb, int h, byte[] d) { events.add("raster:" + wb + "x" + h); }
        public void qr(String data, int m) { events.add("qr:" + data + "/" + m); }
        public void feedLines(int n) { events.add("feed:" + n); }
        public void cut(boolean full) { events.add(full ? "cut:full" : "cut:partial"); }
        public void statusRequest(int n) { events.add("status:" + n); }
        public void unknown(int b) { events.add("unknown"); }
    }

    static byte[] job() {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        b.writeBytes(EscPos.statusRequest(1));
        b.writeBytes(EscPos.initialize());
        b.writeBytes(EscPos.align(1));
        b.writeBytes(EscPos.asciiLine("HELLO"));
        b.writeBytes(EscPos.rasterBand(new byte[72 * 3], 72, 3));
        b.writeBytes(EscPos.nativeQr("https://x.vn/?so=A1", 5));
        b.writeBytes(EscPos.feedLines(2));
        b.writeBytes(EscPos.feedAndCut(false, 80));
        return b.toByteArray();
    }

    static final List<String> EXPECTED = List.of("status:1", "init", "text:HELLO", "raster:72x3",
            "qr:https://x.vn/?so=A1/5", "feed:2", "cut:partial");

    @Test
    void wholeAndByteByByteAndRandomSplitsGiveTheSameCommands() {
        byte[] job = job();
        Recorder whole = new Recorder();
        new EscPosStreamParser(whole).feed(job, 0, job.length);
        assertEquals(EXPECTED, whole.events);

        Recorder single = new Recorder();
        var p = new EscPosStreamParser(single);
        for (int i = 0; i < job.length; i++) p.feed(job, i, 1);
        assertEquals(EXPECTED, single.events);

        SplittableRandom rnd = new SplittableRandom(7);
        for (int round = 0; round < 50; round++) {
            Recorder r = new Recorder();
            var q = new EscPosStreamParser(r);
            for (int off = 0; off < job.length; ) {
                int n = Math.min(job.length - off, 1 + rnd.nextInt(40));
                q.feed(job, off, n);
                off += n;
            }
            assertEquals(EXPECTED, r.events);
        }
    }

    @Test
    void aHugeAnnouncedRasterIsDroppedAndParsingResumes() {
        Recorder r = new Recorder();
        var p = new EscPosStreamParser(r);
        byte[] header = {0x1D, 0x76, 0x30, 0, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, // 4 GB announced
                0x1B, 0x40};                                                                     // then ESC @
        p.feed(header, 0, header.length);
        assertEquals(List.of("unknown", "init"), r.events);
    }
}
