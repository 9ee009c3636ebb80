package vn.motcua.appliance.devices.reader;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.SplittableRandom;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Bounded mutation fuzzing of the whole scan path (framer, UTF-8, classifier, CCCD parser, previews):
 * seeds are real-shaped codes, mutations flip, insert, delete, duplicate and splice bytes and add
 * '|', CR and high bytes. Fixed seed and count, so the default test run is short and repeatable;
 * {@code -Dmotcua.fuzz.iterations=N} runs longer. Invariants: nothing throws, every scan gets one
 * result, a preview is short with no digit and no card fields, and a CCCD result is only ever
 * produced from text the strict parser accepts.
 */
class ScanFuzzTest {
    static final List<String> SEEDS = List.of(Scans.CCCD7, Scans.CCCD6, Scans.DOSSIER, Scans.TICKET_URL, "", "|||||",
            "000.00.15.H29-241122-0001|x", "https://a.vn/?so=Z9999");
    /** The previews that say only how big a scan was (its bytes not UTF-8, or card text withheld). */
    static final Pattern SIZE_ONLY = Pattern.compile("<\\d+ bytes>|<\\d+ chars, \\d+ '\\|' fields, withheld>");
    static final Pattern ANY_DIGIT = Pattern.compile("\\d"); // no digit of a scan is ever logged

    @Test
    void mutatedScansNeverBreakTheReaderOrLeakACard() {
        // tens of thousands of INFO lines would cost most of the run: quiet the pipeline's logger here only
        var pipelineLog = (ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger(ScanPipeline.class);
        var level = pipelineLog.getLevel();
        pipelineLog.setLevel(ch.qos.logback.classic.Level.WARN);
        try {
            run(Integer.getInteger("motcua.fuzz.iterations", 5_000));
        } finally {
            pipelineLog.setLevel(level);
        }
    }

    void run(int iterations) {
        SplittableRandom rnd = new SplittableRandom(20261122);
        long[] now = {0};
        var pipeline = Scans.pipeline(() -> now[0] += 10_000_000_000L); // every scan outside the repeat window
        var classifier = Scans.classifier();
        int[] results = {0};
        pipeline.addListener(r -> {
            results[0]++;
            if (r instanceof ScanResult.Rejected x) {
                assertTrue(x.preview().length() <= LogSafe.MAX + 24 || x.preview().contains("withheld"), x.preview());
                // the length a long preview ends with, " (26 chars)", is the only number it may hold
                String shape = x.preview().replaceFirst(" \\(\\d+ chars\\)$", "");
                assertFalse(!SIZE_ONLY.matcher(shape).matches() && ANY_DIGIT.matcher(shape).find(), x.preview());
            }
            NoRawIdInLogsTest.assertClean(r.toString());
        });
        int frames = 0;
        for (int i = 0; i < iterations; i++) {
            byte[] input = mutate(SEEDS.get(rnd.nextInt(SEEDS.size())).getBytes(StandardCharsets.UTF_8), rnd);
            // whole-path: framing decides how many scans this makes
            pipeline.bytes(input, 0, input.length);
            pipeline.bytes(new byte[] {'\r'}, 0, 1);
            // the classifier alone on decoded text: a CitizenId only from a parse the strict parser accepts
            String text = new String(input, StandardCharsets.UTF_8);
            if (classifier.classify(text) instanceof ScanResult.CitizenId) {
                assertTrue(CccdParser.parse(text.strip(), java.time.LocalDate.of(2026, 11, 22)).isPresent());
            }
            frames++;
        }
        assertTrue(results[0] > 0 && frames == iterations);
    }

    static byte[] mutate(byte[] seed, SplittableRandom rnd) {
        byte[] b = seed.clone();
        int ops = 1 + rnd.nextInt(6);
        for (int k = 0; k < ops; k++) {
            int n = b.length;
            int at = n == 0 ? 0 : rnd.nextInt(n);
            switch (rnd.nextInt(7)) {
                case 0 -> { if (n > 0) b[at] ^= (byte) (1 << rnd.nextInt(8)); }
                case 1 -> b = insert(b, at, new byte[] {(byte) rnd.nextInt(256)});
                case 2 -> { if (n > 0) b = cut(b, at, Math.min(n - at, 1 + rnd.nextInt(8))); }
                case 3 -> b = insert(b, at, new byte[] {'|'});
                case 4 -> b = insert(b, at, new byte[] {(byte) 0xC3, (byte) (0x80 + rnd.nextInt(64))});
                case 5 -> { if (n > 0) b = insert(b, at, java.util.Arrays.copyOfRange(b, at, Math.min(n, at + 1 + rnd.nextInt(40)))); }
                default -> b = insert(b, at, "0123456789".substring(rnd.nextInt(10)).getBytes(StandardCharsets.US_ASCII));
            }
            if (b.length > 3000) {
                b = java.util.Arrays.copyOf(b, 3000);
            }
        }
        return b;
    }

    private static byte[] insert(byte[] b, int at, byte[] what) {
        byte[] out = new byte[b.length + what.length];
        System.arraycopy(b, 0, out, 0, at);
        System.arraycopy(what, 0, out, at, what.length);
        System.arraycopy(b, at, out, at + what.length, b.length - at);
        return out;
    }

    private static byte[] cut(byte[] b, int at, int len) {
        byte[] out = new byte[b.length - len];
        System.arraycopy(b, 0, out, 0, at);
        System.arraycopy(b, at + len, out, at, b.length - at - len);
        return out;
    }
}
