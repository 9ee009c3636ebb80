package vn.motcua.tests.harness;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * Checks for the real programs a test drives. On a workstation a missing one skips the test with the install
 * line; with CI=true it fails, because .ci/run installs them.
 */
public final class RealParts {
    /** The counter boards' C firmware built for the host (firmware-bridge's build makes it). */
    public static final Path COUNTER_SIM = Path.of("../firmware-bridge/firmware/build/counter-sim");

    private RealParts() {}

    public static void require(String program, String installHint) {
        boolean found = program.contains("/") ? Files.isExecutable(Path.of(program)) : onPath(program);
        if (found) {
            return;
        }
        if ("true".equals(System.getenv("CI"))) {
            Assertions.fail("CI=true and " + program + " is missing (" + installHint + ")");
        }
        Assumptions.abort("needs " + program + " (" + installHint + ")");
    }

    private static boolean onPath(String tool) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(":")) {
            if (Files.isExecutable(Path.of(dir, tool))) {
                return true;
            }
        }
        return false;
    }
}
