package vn.motcua.provisioning;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * motcua-provision against a device reached over a real sshd, the device being a systemd-nspawn
 * container booted from a throwaway copy of this machine: dry run, apply, apply again (nothing
 * changes), dry run again (same empty plan), update, rollback, bad inventory refused.
 * See provision-over-ssh.sh for exactly what differs from a Raspberry Pi OS device.
 */
class ProvisionOverSshTest {

    @Test
    void provisionsIdempotentlyWithAnHonestDryRunAndUpdatesAndRollsBack(@TempDir Path tmp) {
        Paths.assumeRoot();
        Path probeClasses = Path.of(System.getProperty("motcua.testClasses", "target/test-classes")).toAbsolutePath();
        Proc p = Proc.run(tmp, Proc.Duration.ofSeconds(900), "unshare", "-m", "bash",
                Paths.script("provision-over-ssh.sh").toString(), Paths.deb().toString(),
                probeClasses.toString(), Paths.repo().toString(), tmp.resolve("target").toString());
        assertEquals(0, p.failedChecks(), p.output());
        assertTrue(p.output().contains("39 passed"), "every check ran: " + p.output());
        assertEquals(0, p.exitCode(), p.output());
    }
}
