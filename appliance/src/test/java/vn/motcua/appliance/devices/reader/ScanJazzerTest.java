package vn.motcua.appliance.devices.reader;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.time.LocalDate;

/**
 * Coverage-guided fuzzing with Jazzer (works on Java 25). Jazzer's agent costs about 30 s of start-up
 * per JVM on this project's CI machine, so it is opt-in: {@code -Dmotcua.jazzer=true} replays the
 * inputs under {@code src/test/resources/.../ScanJazzerTestInputs/}, and with {@code JAZZER_FUZZ=1}
 * as well it fuzzes for {@code maxDuration}. The default run has {@link ScanFuzzTest} instead.
 */
@org.junit.jupiter.api.condition.EnabledIfSystemProperty(named = "motcua.jazzer", matches = "true")
class ScanJazzerTest {
    static {
        // instrument only the code under test: instrumenting every loaded class costs ~30 s per run
        System.setProperty("jazzer.instrumentation_includes", "vn.motcua.appliance.devices.reader.**");
        System.setProperty("jazzer.custom_hook_includes", "vn.motcua.appliance.devices.reader.**");
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
