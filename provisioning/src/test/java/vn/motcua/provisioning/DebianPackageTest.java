package vn.motcua.provisioning;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The .deb the build just made: its control data, lintian, and a full dpkg lifecycle. */
class DebianPackageTest {

    @Test
    void controlDataDeclaresJavaAndSupportedReleases(@TempDir Path tmp) {
        Proc p = Proc.run(tmp, Proc.Duration.ofSeconds(30), "dpkg-deb", "-f", Paths.deb().toString(),
                "Package", "Architecture", "Depends", "Description");
        assertEquals(0, p.exitCode());
        assertTrue(p.output().contains("Package: motcua-appliance"), p.output());
        assertTrue(p.output().contains("Architecture: all"), p.output());
        assertTrue(p.output().contains("openjdk-25-jre-headless"), p.output());
        assertTrue(p.output().contains("trixie"), "supported release written down: " + p.output());
    }

    @Test
    void lintianFindsNoErrors(@TempDir Path tmp) {
        Proc p = Proc.run(tmp, Proc.Duration.ofSeconds(120), "lintian", "--tag-display-limit", "0",
                "--fail-on", "error", Paths.deb().toString());
        List<String> errors = Arrays.stream(p.output().split("\n")).filter(l -> l.startsWith("E:")).toList();
        assertEquals(List.of(), errors);
        assertEquals(0, p.exitCode(), p.output());
    }

    @Test
    void installsReinstallsUpgradesRollsBackRemovesAndPurgesInAThrowawayRoot(@TempDir Path tmp) {
        Paths.assumeRoot();
        // The bound only stops a hung script: a run took ~150 s on a shared 2-core machine, 240 s was too close.
        Proc p = Proc.run(tmp, Proc.Duration.ofSeconds(600), "unshare", "-m", "bash",
                Paths.script("package-lifecycle.sh").toString(), Paths.deb().toString(), tmp.resolve("root").toString());
        assertEquals(0, p.failedChecks(), p.output());
        assertTrue(p.output().contains("43 passed"), "every check ran: " + p.output());
        assertEquals(0, p.exitCode(), p.output());
    }
}
