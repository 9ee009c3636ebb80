package vn.motcua.appliance;

import vn.motcua.appliance.parts.Part;
import vn.motcua.appliance.parts.Shared;
import java.util.Optional;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import vn.motcua.appliance.service.QueueService;
import vn.motcua.appliance.systemd.SystemdNotifier;

/**
 * The appliance as a systemd service, the last part: its start says READY (the screens are served by then) and
 * starts the watchdog pings; its close, the first thing of a shutdown, says STOPPING.
 */
final class SystemdService implements Part {
    private final SystemdNotifier notifier;
    private final QueueService queue;
    private final String status;
    private final ScheduledExecutorService scheduler;
    private ScheduledFuture<?> pings;

    /** @param status the line {@code systemctl status} shows while serving */
    SystemdService(SystemdNotifier notifier, QueueService queue, String status, Shared shared) {
        this.notifier = notifier;
        this.queue = queue;
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
        Optional<java.time.Duration> every = notifier.watchdogInterval();
        if (every.isPresent()) {
            pings = scheduler.scheduleAtFixedRate(this::watchdog, 0, every.get().dividedBy(2).toMillis(),
                    TimeUnit.MILLISECONDS);
        }
    }

    /**
     * Tells systemd the main loops are alive: this runs on the one scheduler thread, and reads the queue under
     * the lock every command takes. A stuck command or scheduler stops the pings and systemd restarts us.
     */
    private void watchdog() {
        queue.read(e -> e.day());
        notifier.watchdog();
    }

    @Override
    public synchronized void close() {
        if (pings != null) {
            pings.cancel(false);
        }
        notifier.stopping();
    }
}
