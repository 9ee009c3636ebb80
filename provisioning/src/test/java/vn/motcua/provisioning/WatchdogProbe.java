package vn.motcua.provisioning;

import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import vn.motcua.appliance.systemd.SystemdNotifier;

/**
 * A stand-in main loop that uses the real {@link SystemdNotifier} exactly as the appliance's Main
 * does: READY once, then WATCHDOG at half of WatchdogSec. When the file named by the first argument
 * appears it deletes it and stops pinging without exiting, like a hung main loop. It is the
 * ExecStart of the provisioning test's device (test-device.sh), where the rendered config must not
 * stop the run (the real appliance under the real unit is SystemdWatchdogTest). Bounded: gives up
 * after 10 minutes.
 *
 * <p>With {@code --config FILE} it also answers {@code GET /healthz} on the {@code port} of the
 * rendered appliance.conf, standing in for the appliance's health endpoint in the provisioning test
 * (provision-over-ssh.sh). The real appliance is not used there yet because the config rendered with
 * {@code motcua_web_lan} has {@code [web.lan]}, which the appliance refuses until that key is merged.
 */
public final class WatchdogProbe {
    private WatchdogProbe() {}

    public static void main(String[] args) throws Exception {
        Path hangFlag = Path.of(args.length > 0 ? args[0] : "/var/lib/motcua/hang-now");
        if (args.length > 2 && args[1].equals("--config")) {
            serveHealthz(Path.of(args[2]));
        }
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

    private static void serveHealthz(Path config) throws Exception {
        int port = Files.readAllLines(config).stream()
                .filter(l -> l.matches("\\s*port\\s*=\\s*\\d+\\s*(#.*)?"))
                .map(l -> Integer.parseInt(l.replaceAll("[^0-9]", "")))
                .findFirst().orElseThrow(() -> new IllegalStateException("no port in " + config));
        HttpServer http = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 8);
        byte[] body = "{\"status\":\"ok\"}".getBytes(StandardCharsets.UTF_8);
        http.createContext("/healthz", ex -> {
            ex.getResponseHeaders().add("Content-Type", "application/json");
            ex.sendResponseHeaders(200, body.length);
            ex.getResponseBody().write(body);
            ex.close();
        });
        http.start();
    }
}
