package vn.motcua.appliance.devices.reader;

import java.time.Clock;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import vn.motcua.appliance.devices.DeviceStatus;

/** The listener plumbing both reader adapters share: status changes reported once each, to listeners. */
final class ReaderLink {
    /** The reader's part name, on /healthz and in its device events. */
    static final String DEVICE = "reader";
    private static final Logger log = LoggerFactory.getLogger(ReaderLink.class);
    private final String name;
    private final Clock clock;
    private final List<Consumer<DeviceStatus>> listeners = new CopyOnWriteArrayList<>();
    private volatile DeviceStatus status;

    ReaderLink(String name, Clock clock) {
        this.name = name;
        this.clock = clock;
        this.status = new DeviceStatus(DEVICE, DeviceStatus.State.UNKNOWN, DeviceStatus.Reason.NOT_STARTED,
                "not started", clock.instant());
    }

    DeviceStatus status() {
        return status;
    }

    void add(Consumer<DeviceStatus> l) {
        listeners.add(l);
    }

    void report(boolean connected, String detail) {
        report(connected ? DeviceStatus.ok(DEVICE, detail, clock.instant())
                : DeviceStatus.fault(DEVICE, DeviceStatus.Reason.DISCONNECTED, detail, clock.instant()));
    }

    /** The appliance closed the reader: not a fault. */
    void reportClosed() {
        report(new DeviceStatus(DEVICE, DeviceStatus.State.OFF, DeviceStatus.Reason.CLOSED, "closed", clock.instant()));
    }

    private void report(DeviceStatus next) {
        DeviceStatus prev = status;
        status = next;
        if (next.sameAs(prev) && prev.detail().equals(next.detail())) {
            return;
        }
        // an unplugged reader is expected now and then: the status change is the signal, not a stack trace
        log.debug("code reader {}: {} ({})", name, next.state().word(), next.detail());
        for (Consumer<DeviceStatus> l : listeners) {
            try {
                l.accept(status);
            } catch (RuntimeException e) {
                log.error("reader status listener failed", e);
            }
        }
    }
}
