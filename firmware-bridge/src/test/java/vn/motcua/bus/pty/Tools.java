package vn.motcua.bus.pty;

import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;

/**
 * Checks for the real parts these tests need. Missing on a workstation: the test is skipped
 * with the install command. Missing with CI=true: the test FAILS, because CI installs them.
 */
final class Tools {
    static final Path SIMULATOR = Path.of("firmware/build/counter-sim");

    private Tools() {}

    static void require() {
        String missing = null;
        if (!onPath("socat")) {
            missing = "socat (apt-get install socat)";
        } else if (!Files.isExecutable(SIMULATOR)) {
            missing = SIMULATOR + " (make -C firmware-bridge/firmware sim; needs gcc and make)";
        }
        if (missing == null) {
            return;
        }
        if ("true".equals(System.getenv("CI"))) {
            fail("CI=true and a required tool is missing: " + missing);
        }
        Assumptions.abort("needs " + missing);
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
