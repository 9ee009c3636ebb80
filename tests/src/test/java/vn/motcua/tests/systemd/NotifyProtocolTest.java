package vn.motcua.tests.systemd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;

import vn.motcua.bus.pty.RealParts;
import vn.motcua.tests.harness.ApplianceProcess;
import vn.motcua.bus.Await;

/**
 * The real appliance, started the way systemd starts a Type=notify unit (NOTIFY_SOCKET, WATCHDOG_USEC), with
 * socat standing in for systemd's notify socket: READY=1 once it serves, WATCHDOG=1 every half interval while
 * its main loop lives, none while it is stopped (SIGSTOP: what systemd's watchdog then acts on — the restart
 * itself is shown under a real systemd in provisioning's SystemdWatchdogTest), STOPPING=1 on SIGTERM.
 */
class NotifyProtocolTest {
    /** Only stops a hung test: socat, the JVM and the pings may all run late on a loaded CI machine. */
    private static final Duration LIMIT = Duration.ofSeconds(60);

    @TempDir(cleanup = CleanupMode.ON_SUCCESS)
    Path dir;

    @Test
    void theApplianceSaysReadyPingsTheWatchdogAndSaysStopping() throws Exception {
        RealParts.require("socat", "apt-get install socat");
        Path socket = dir.resolve("notify.sock");
        Path heard = dir.resolve("notify.log");
        Process systemd = new ProcessBuilder("socat", "-u", "UNIX-RECV:" + socket, "OPEN:" + heard + ",creat,append")
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        try (ApplianceProcess app = new ApplianceProcess(dir, toml -> toml)) {
            Await.until(LIMIT, () -> Files.exists(socket), () -> "the notify socket");
            app.withEnvironment("NOTIFY_SOCKET", socket.toString()).withEnvironment("WATCHDOG_USEC", "2000000");
            app.start();
            Await.until(LIMIT, () -> read(heard).contains("READY=1"), () -> "READY=1: " + read(heard));
            Await.until(LIMIT, () -> count(read(heard), "WATCHDOG=1") >= 3, () -> "watchdog pings");
            new ProcessBuilder("kill", "-STOP", Long.toString(app.pid())).start().waitFor();
            drain(socket, heard, "MARKER-STOPPED"); // every ping sent before the stop is counted in before
            int before = count(read(heard), "WATCHDOG=1");
            Thread.sleep(3000); // watched longer than the 2 s watchdog interval, while stopped
            drain(socket, heard, "MARKER-WATCHED"); // anything sent while stopped would be in the file now
            assertEquals(before, count(read(heard), "WATCHDOG=1"), "a stopped appliance stops pinging");
            new ProcessBuilder("kill", "-CONT", Long.toString(app.pid())).start().waitFor();
            Await.until(LIMIT, () -> count(read(heard), "WATCHDOG=1") > before, () -> "pings again");
            app.stop();
            Await.until(LIMIT, () -> read(heard).contains("STOPPING=1"), () -> "STOPPING=1");
        } finally {
            systemd.destroy();
        }
    }

    /**
     * Sends a marker datagram into the notify socket and waits until socat has written it. The socket's queue is first
     * in, first out: what the appliance sent before the marker is in the file then, however late a loaded machine runs
     * socat. Without it a ping queued before the SIGSTOP could be counted as one sent while stopped, or the other way.
     */
    private static void drain(Path socket, Path heard, String marker) throws Exception {
        Process send = new ProcessBuilder("socat", "-u", "-", "UNIX-SENDTO:" + socket)
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        try (var in = send.getOutputStream()) {
            in.write(marker.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        }
        assertTrue(send.waitFor(60, java.util.concurrent.TimeUnit.SECONDS) && send.exitValue() == 0, "marker sent");
        Await.until(LIMIT, () -> read(heard).contains(marker), () -> marker + " written: " + read(heard));
    }

    private static String read(Path p) {
        try {
            return Files.exists(p) ? Files.readString(p) : "";
        } catch (java.io.IOException e) {
            return "";
        }
    }

    private static int count(String s, String what) {
        int n = 0;
        for (int i = s.indexOf(what); i >= 0; i = s.indexOf(what, i + 1)) {
            n++;
        }
        return n;
    }
}
