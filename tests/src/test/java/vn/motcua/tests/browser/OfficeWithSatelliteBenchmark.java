package vn.motcua.tests.browser;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

/**
 * The long form of {@link OfficeWithSatelliteBrowserTest}'s figures, on the same office ({@link OfficeRig}): call →
 * painted on two LAN hall displays (Chromium in network namespaces, HTTPS) against the master's local display, the
 * same calls observed on all three; a press at the satellite's button → its ticket's first ESC/POS command at the
 * satellite's serial printer against a press at the master's own button → its printer. Not a test: nothing asserted
 * on time. Off unless {@code -Dmotcua.bench=true}; {@code -Dmotcua.bench.rounds=N} (default 200, each round two presses
 * and two calls); see BENCHMARKS.md ("Office with a satellite").
 */
@EnabledIfSystemProperty(named = "motcua.bench", matches = "true")
class OfficeWithSatelliteBenchmark {
    private static final int ROUNDS = Integer.getInteger("motcua.bench.rounds", 200);
    /** Rounds before the measured ones: both appliances' JIT and the renderers warm up. */
    private static final int WARMUP = 10;

    @TempDir
    Path dir;

    @Test
    void callToPaintedOnTheLanAndLocalDisplaysAndPressToPaperAtTheSatelliteAndTheMaster() throws Exception {
        if (ROUNDS < 1 || 2 * (WARMUP + ROUNDS) + 1 > 999) { // two tickets a round, numbers A001-A999
            throw new IllegalArgumentException("motcua.bench.rounds must be 1.." + (998 / 2 - WARMUP) + ": " + ROUNDS);
        }
        try (OfficeRig office = new OfficeRig(dir, 999)) {
            office.print(ROUNDS + " rounds after " + WARMUP + " warm-up rounds", office.measure(WARMUP, ROUNDS));
        }
    }
}
