package vn.motcua.bus.pty;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * Checks for the real programs a test drives. Missing on a workstation: the test is skipped with the
 * install line. Missing with CI=true: the test FAILS, because CI installs them (.ci/packages.txt).
 * Shared with the end-to-end tests through firmware-bridge's test-jar.
 */
public final class RealParts {
    private RealParts() {}

    /** socat and the counter boards' C firmware built for the host: boards on a pty. */
    public static void requireBoardsOnPty() {
        require("socat", "apt-get install socat");
        require(CounterSimProcess.EXECUTABLE.toString(), "make -C firmware-bridge/firmware sim; needs gcc and make");
    }

    /** A program on the PATH, or (when it has a slash) that file, executable. */
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
