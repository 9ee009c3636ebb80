package vn.motcua.appliance;

import vn.motcua.appliance.parts.Part;
import vn.motcua.appliance.parts.Shared;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import vn.motcua.appliance.systemd.SystemdNotifier;

/**
 * The appliance as a systemd service, the last part: its start says READY (the screens are served by then) and
 * starts the watchdog pings; its close, the first thing of a shutdown, says STOPPING.
 */
final class SystemdService implements Part {
    /** The longest a ping waits for the queue and store; short, as it holds the one scheduler while it waits. */
    static final Duration MAX_LOOK = Duration.ofSeconds(5);

    private final SystemdNotifier notifier;
    /** Whether the appliance works, looked at within the bound given: the queue and store's {@link Liveness}. */
    private final java.util.function.Predicate<Duration> liveness;
    private final String status;
    private final ScheduledExecutorService scheduler;
    private Duration look;
    private ScheduledFuture<?> pings;

    /** @param status the line {@code systemctl status} shows while serving */
    SystemdService(SystemdNotifier notifier, java.util.function.Predicate<Duration> liveness, String status, Shared shared) {
        this.notifier = notifier;
        this.liveness = liveness;
        this.status = status;
        this.scheduler = shared.scheduler();
    }

    @Override
    public String name() {
        return "systemd";
    }

    @Override
    public synchronized void start() {
        notifier.ready();
        notifier.status(status);
        Optional<Duration> every = notifier.watchdogInterval();
        if (every.isPresent()) {
            // Pings at half of WatchdogSec; a look may take a sixth of it, so two withheld pings are what it takes.
            Duration period = every.get().dividedBy(2);
            Duration sixth = every.get().dividedBy(6);
            look = sixth.compareTo(MAX_LOOK) < 0 ? sixth : MAX_LOOK;
            pings = scheduler.scheduleAtFixedRate(this::watchdog, 0, period.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    /**
     * Tells systemd the appliance works: this runs on the one scheduler thread (a stuck periodic job stops it), and
     * pings only when the queue's lock and the store answer within a bound ({@link Liveness}). A wedged queue or
     * store stops the pings and systemd restarts us; a store waiting to be reopened does not.
     */
    private void watchdog() {
        if (liveness.test(look)) {
            notifier.watchdog();
        }
    }

    @Override
    public synchronized void close() {
        if (pings != null) {
            pings.cancel(false);
        }
        notifier.stopping();
    }
}
