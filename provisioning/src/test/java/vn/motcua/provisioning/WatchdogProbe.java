package vn.motcua.provisioning;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import vn.motcua.appliance.systemd.SystemdNotifier;

/**
 * A stand-in main loop that uses the real {@link SystemdNotifier} exactly as the appliance's Main
 * does: READY once, then WATCHDOG at half of WatchdogSec. When the file named by the first argument
 * appears it deletes it and stops pinging without exiting, like a hung main loop, so systemd's
 * watchdog must kill and restart it. Run as the ExecStart of motcua-appliance.service under a real
 * systemd by watchdog-under-systemd.sh. Bounded: gives up after 10 minutes.
 */
public final class WatchdogProbe {
    private WatchdogProbe() {}

    public static void main(String[] args) throws Exception {
        Path hangFlag = Path.of(args.length > 0 ? args[0] : "/var/lib/motcua/hang-now");
        SystemdNotifier systemd = SystemdNotifier.fromEnvironment();
        Duration every = systemd.watchdogInterval().orElse(Duration.ofSeconds(2)).dividedBy(2);
        systemd.ready();
        long deadline = System.nanoTime() + Duration.ofMinutes(10).toNanos();
        long pings = 0;
        boolean hung = false;
        while (System.nanoTime() < deadline) {
            if (!hung && Files.deleteIfExists(hangFlag)) {
                hung = true;
                systemd.status("hung on purpose after " + pings + " pings");
            }
            if (!hung) {
                systemd.watchdog();
                pings++;
                systemd.status("alive, " + pings + " watchdog pings, pid " + ProcessHandle.current().pid());
            }
            Thread.sleep(every.toMillis());
        }
        systemd.stopping();
    }
}
