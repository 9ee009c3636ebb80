package vn.motcua.appliance.devices.reader;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.time.LocalDate;

/**
 * Coverage-guided fuzzing with Jazzer (works on Java 25). The default build fuzzes for 20 s
 * ({@code jazzer.duration} in the module POM; {@code -Plong} gives 10 min) after replaying the inputs
 * under {@code src/test/resources/.../ScanJazzerTestInputs/}; {@code -Dmotcua.jazzer=false} skips it
 * for quick local runs. {@link ScanFuzzTest} adds a seeded random run that needs no agent.
 */
@org.junit.jupiter.api.condition.EnabledIfSystemProperty(named = "motcua.jazzer", matches = "true")
class ScanJazzerTest {
    static {
        // instrument only the code under test: instrumenting every loaded class costs ~30 s per run
        System.setProperty("jazzer.instrumentation_includes", "vn.motcua.appliance.devices.reader.**");
        System.setProperty("jazzer.custom_hook_includes", "vn.motcua.appliance.devices.reader.**");
    }

    private static final ch.qos.logback.classic.Logger PIPELINE_LOG =
            (ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger(ScanPipeline.class);

    /** Tens of thousands of rejected inputs would each log a line; NoRawIdInLogsTest covers the logging itself. */
    @org.junit.jupiter.api.BeforeAll
    static void quietPipelineLog() {
        PIPELINE_LOG.setLevel(ch.qos.logback.classic.Level.WARN);
    }

    /** The same JVM runs the log tests next: give the pipeline's logger back its inherited level. */
    @org.junit.jupiter.api.AfterAll
    static void restorePipelineLog() {
        PIPELINE_LOG.setLevel(null);
    }

    static final CodeClassifier CLASSIFIER = Scans.classifier();

    @FuzzTest(maxDuration = "30s")
    void classifierAndParserTakeAnyBytes(byte[] data) {
        long[] now = {0};
        var p = Scans.pipeline(() -> now[0] += 10_000_000_000L);
        p.addListener(r -> NoRawIdInLogsTest.assertClean(r.toString()));
        p.bytes(data, 0, data.length);
        p.tick();
        String s = new String(data, java.nio.charset.StandardCharsets.UTF_8);
        CccdParser.parse(s, LocalDate.of(2026, 11, 22));
        CLASSIFIER.classify(s);
    }
}
