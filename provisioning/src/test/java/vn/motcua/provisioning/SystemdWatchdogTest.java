package vn.motcua.provisioning;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The shipped unit under a real systemd (PID 1 of a systemd-nspawn container): READY, WATCHDOG,
 * STATUS, a watchdog timeout followed by a restart, and a clean stop. See watchdog-under-systemd.sh.
 */
class SystemdWatchdogTest {

    @Test
    void readyWatchdogAndRestartUnderRealSystemd(@TempDir Path tmp) {
        Paths.assumeRoot();
        Path probeClasses = Path.of(System.getProperty("motcua.testClasses", "target/test-classes")).toAbsolutePath();
        Proc p = Proc.run(tmp, Proc.Duration.ofSeconds(180), "unshare", "-m", "bash",
                Paths.script("watchdog-under-systemd.sh").toString(), Paths.deb().toString(),
                probeClasses.toString(), tmp.resolve("ct").toString());
        assertEquals(0, p.failedChecks(), p.output());
        assertTrue(p.output().contains("14 passed"), "every check ran: " + p.output());
        assertTrue(p.output().contains("Watchdog timeout"), p.output());
        assertEquals(0, p.exitCode(), p.output());
    }
}
