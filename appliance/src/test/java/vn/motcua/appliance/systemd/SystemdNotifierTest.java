package vn.motcua.appliance.systemd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Sends real datagrams to a real AF_UNIX receiver ({@code socat UNIX-RECV}), as systemd would get them. */
class SystemdNotifierTest {
    private static final long PID = 4242;

    @Test
    void outsideSystemdEverythingIsANoOp() {
        SystemdNotifier n = SystemdNotifier.from(Map.of(), PID);
        n.prepare();
        n.ready();
        n.watchdog();
        n.status("x");
        n.stopping();
        assertFalse(n.enabled());
        assertEquals(0, n.sent());
        assertEquals(0, n.failures());
        assertEquals(Optional.empty(), n.watchdogInterval());
    }

    @Test
    void readyWatchdogStatusStoppingArriveAsDatagrams(@TempDir Path dir) throws Exception {
        Path socket = dir.resolve("notify");
        try (NotifyReceiver rx = NotifyReceiver.start("UNIX-RECV:" + socket, dir, () -> Files.exists(socket))) {
            SystemdNotifier n = SystemdNotifier.from(Map.of("NOTIFY_SOCKET", socket.toString()), PID);
            n.prepare();
            assertEquals(0, n.sent(), "prepare links, it sends nothing");
            n.ready();
            rx.await("READY=1\nSTATUS=serving");
            n.watchdog();
            rx.await("WATCHDOG=1");
            n.status("3 counters\nonline");
            rx.await("STATUS=3 counters online");
            n.extendTimeout(Duration.ofSeconds(30));
            rx.await("EXTEND_TIMEOUT_USEC=30000000");
            n.stopping();
            rx.await("STOPPING=1\nSTATUS=stopping");
            assertEquals(5, n.sent());
            assertEquals(0, n.failures());
        }
    }

    @Test
    void abstractSocketWorks(@TempDir Path dir) throws Exception {
        String name = "motcua-test-" + ProcessHandle.current().pid() + "-" + System.nanoTime();
        try (NotifyReceiver rx = NotifyReceiver.start("ABSTRACT-RECV:" + name, dir, () -> true)) {
            SystemdNotifier n = SystemdNotifier.from(Map.of("NOTIFY_SOCKET", "@" + name), PID);
            rx.awaitSending(n::watchdog, "WATCHDOG=1");
            assertTrue(n.sent() >= 1);
        }
    }

    @Test
    void missingSocketIsCountedNotThrown(@TempDir Path dir) {
        SystemdNotifier n = SystemdNotifier.from(
                Map.of("NOTIFY_SOCKET", dir.resolve("gone").toString()), PID);
        assertTrue(n.enabled());
        n.ready();
        n.watchdog();
        assertEquals(0, n.sent());
        assertEquals(2, n.failures());
    }

    @Test
    void watchdogIntervalFollowsSystemdRules() {
        Map<String, String> base = Map.of("NOTIFY_SOCKET", "/run/systemd/notify", "WATCHDOG_USEC", "20000000");
        assertEquals(Optional.of(Duration.ofSeconds(20)), SystemdNotifier.from(base, PID).watchdogInterval());
        var forUs = new java.util.HashMap<>(base);
        forUs.put("WATCHDOG_PID", "4242");
        assertEquals(Optional.of(Duration.ofSeconds(20)), SystemdNotifier.from(forUs, PID).watchdogInterval());
        forUs.put("WATCHDOG_PID", "17");
        assertEquals(Optional.empty(), SystemdNotifier.from(forUs, PID).watchdogInterval(), "meant for another pid");
        assertEquals(Optional.empty(), SystemdNotifier.from(
                Map.of("NOTIFY_SOCKET", "/run/n", "WATCHDOG_USEC", "soon"), PID).watchdogInterval());
        assertEquals(Optional.empty(), SystemdNotifier.from(
                Map.of("WATCHDOG_USEC", "20000000"), PID).watchdogInterval(), "no socket, nobody to ping");
    }

    @Test
    void badNotifySocketDisablesQuietly() {
        SystemdNotifier n = SystemdNotifier.from(Map.of("NOTIFY_SOCKET", "relative"), PID);
        assertFalse(n.enabled());
        n.ready();
        assertEquals(0, n.failures());
    }

    @Test
    void statusIsOneBoundedLine() {
        assertEquals("a b\tc".replace('\t', ' '), SystemdNotifier.oneLine("a\nb\tc"));
        assertEquals(SystemdNotifier.MAX_STATUS_CHARS, SystemdNotifier.oneLine("x".repeat(500)).length());
        assertEquals("", SystemdNotifier.oneLine(null));
    }
}
