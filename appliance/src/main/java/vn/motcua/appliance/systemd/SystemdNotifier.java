package vn.motcua.appliance.systemd;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.motcua.linux.UnixDatagram;

/**
 * Tells systemd how the appliance is doing, over the datagram socket named in {@code $NOTIFY_SOCKET}
 * (the sd_notify(3) protocol): {@code READY=1} once the display is served, {@code WATCHDOG=1} while the
 * main loops are alive, {@code STATUS=...} for {@code systemctl status}, {@code STOPPING=1} on shutdown.
 *
 * <p>Outside systemd (no {@code $NOTIFY_SOCKET}: a developer's shell, the tests) every call is a
 * no-op. A failed send is counted and logged, never thrown: if the appliance cannot reach systemd,
 * systemd's own watchdog is the thing that acts.
 *
 * <p>Wiring (Main): create once with {@link #fromEnvironment()}; submit {@link #prepare()} to the
 * scheduler early in start-up (linking the libc calls costs about a second of CPU on first use, see
 * BENCHMARKS.md, so it should overlap the rest of start-up, not delay READY); call {@link #ready()}
 * after the web server listens; schedule {@link #watchdog()} on the appliance scheduler every
 * {@link #watchdogInterval()}{@code / 2}, from the task that checks the queue and store answer (the
 * appliance's {@code Liveness}), so a hung scheduler, queue or store stops the pings; call {@link #stopping()} first thing in the shutdown hook.
 */
public final class SystemdNotifier {
    private static final Logger LOG = LoggerFactory.getLogger(SystemdNotifier.class);
    /** STATUS is one line in {@code systemctl status}; longer text is noise there. */
    static final int MAX_STATUS_CHARS = 200;

    private final Optional<NotifySocketAddress> target;
    private final Optional<Duration> watchdogInterval;
    private final AtomicLong sent = new AtomicLong();
    private final AtomicLong failures = new AtomicLong();

    private SystemdNotifier(Optional<NotifySocketAddress> target, Optional<Duration> watchdogInterval) {
        this.target = target;
        this.watchdogInterval = watchdogInterval;
    }

    /** Reads {@code $NOTIFY_SOCKET}, {@code $WATCHDOG_USEC} and {@code $WATCHDOG_PID} of this process. */
    public static SystemdNotifier fromEnvironment() {
        return from(System.getenv(), ProcessHandle.current().pid());
    }

    /** As {@link #fromEnvironment()}, for an explicit environment and process id. */
    public static SystemdNotifier from(Map<String, String> env, long pid) {
        String socket = env.get("NOTIFY_SOCKET");
        Optional<NotifySocketAddress> target = NotifySocketAddress.parse(socket);
        if (socket != null && !socket.isEmpty() && target.isEmpty()) {
            LOG.warn("NOTIFY_SOCKET is set but unusable ({} chars); not notifying systemd", socket.length());
        }
        return new SystemdNotifier(target, watchdog(env, pid));
    }

    /** systemd's rule: the watchdog applies to us if WATCHDOG_PID is absent or is our pid. */
    private static Optional<Duration> watchdog(Map<String, String> env, long pid) {
        String usec = env.get("WATCHDOG_USEC");
        String forPid = env.get("WATCHDOG_PID");
        try {
            if (usec == null || (forPid != null && Long.parseLong(forPid.trim()) != pid)) {
                return Optional.empty();
            }
            long micros = Long.parseLong(usec.trim());
            return micros > 0 ? Optional.of(Duration.ofNanos(micros * 1000)) : Optional.empty();
        } catch (NumberFormatException e) {
            LOG.warn("WATCHDOG_USEC/WATCHDOG_PID not numeric; watchdog pings disabled");
            return Optional.empty();
        }
    }

    /** True when running under systemd with a usable notify socket. */
    public boolean enabled() {
        return target.isPresent();
    }

    /** The unit's WatchdogSec; ping at half of it. Empty when no watchdog is asked for. */
    public Optional<Duration> watchdogInterval() {
        return target.isPresent() ? watchdogInterval : Optional.empty();
    }

    /**
     * Links the native calls now, so the first real message is fast. A no-op outside systemd.
     * Meant to run on the scheduler while the rest of the appliance starts.
     */
    public void prepare() {
        if (target.isPresent()) {
            UnixDatagram.link();
        }
    }

    /** Start-up is done and the appliance serves: ends "activating" in systemd. */
    public void ready() {
        send("READY=1\nSTATUS=serving");
    }

    /** The main loops are alive. */
    public void watchdog() {
        send("WATCHDOG=1");
    }

    /** One line shown by {@code systemctl status}; newlines removed, cut to 200 chars. */
    public void status(String text) {
        send("STATUS=" + oneLine(text));
    }

    /** Shutdown has begun. */
    public void stopping() {
        send("STOPPING=1\nSTATUS=stopping");
    }

    /** Asks for more start-up time, e.g. before a long database migration. */
    public void extendTimeout(Duration more) {
        send("EXTEND_TIMEOUT_USEC=" + Math.max(0, more.toNanos() / 1000));
    }

    /** Datagrams delivered to systemd so far. */
    public long sent() {
        return sent.get();
    }

    /** Datagrams that could not be delivered so far. */
    public long failures() {
        return failures.get();
    }

    static String oneLine(String text) {
        String s = text == null ? "" : text.replaceAll("[\\p{Cntrl}]", " ");
        return s.length() > MAX_STATUS_CHARS ? s.substring(0, MAX_STATUS_CHARS) : s;
    }

    private void send(String message) {
        if (target.isEmpty()) {
            return;
        }
        int errno = UnixDatagram.send(target.get().bytes(), message.getBytes(StandardCharsets.UTF_8));
        if (errno == 0) {
            sent.incrementAndGet();
            return;
        }
        long n = failures.incrementAndGet();
        String kind = message.substring(0, message.indexOf('='));
        if (n == 1) {
            LOG.warn("systemd notify {} failed (errno {}); further failures logged at debug", kind, errno);
        } else {
            LOG.debug("systemd notify {} failed (errno {}), {} failures so far", kind, errno, n);
        }
    }
}
