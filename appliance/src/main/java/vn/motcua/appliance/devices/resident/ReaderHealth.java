package vn.motcua.appliance.devices.resident;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

import vn.motcua.appliance.devices.reader.ReaderStatus;
import vn.motcua.appliance.service.Health;

/**
 * The code reader as the health page and the district see it. A reader that cannot be opened or was unplugged is
 * a fault on {@code /healthz} (with the reason, e.g. "cannot open /dev/motcua-reader") and one {@code device.fault}
 * event; it is {@code device.recovered} when the reader opens again. Named like the printer's and the counter
 * boards' events. The appliance closing the reader is not a fault.
 */
final class ReaderHealth implements Consumer<ReaderStatus> {
    private static final String NOT_STARTED = "not started";
    private static final String CLOSED = "closed";

    private final BiConsumer<String, Map<String, Object>> events;
    private volatile ReaderStatus last = new ReaderStatus(false, NOT_STARTED, java.time.Instant.EPOCH);
    private boolean faulted; // guarded by this

    /** @param events the appliance's device-event recorder (event name, payload) */
    ReaderHealth(BiConsumer<String, Map<String, Object>> events) {
        this.events = events;
    }

    @Override
    public synchronized void accept(ReaderStatus s) {
        if (!s.detail().equals(CLOSED)) {
            if (!s.connected() && !faulted) {
                faulted = true;
                events.accept("device.fault", payload(s));
            } else if (s.connected() && faulted) {
                faulted = false;
                events.accept("device.recovered", payload(s));
            }
        }
        // Shown on /healthz only once its event is stored: whoever sees the change there finds it in the outbox.
        last = s;
    }

    Health.Status status() {
        ReaderStatus s = last;
        if (s.connected()) {
            return Health.Status.ok("connected (" + s.detail() + ")");
        }
        if (s.detail().equals(NOT_STARTED)) {
            return Health.Status.ok("starting");
        }
        return Health.Status.fault("disconnected", s.detail());
    }

    private static Map<String, Object> payload(ReaderStatus s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("device", "reader");
        m.put("fault", "disconnected");
        m.put("health", s.connected() ? "ok" : "fault");
        m.put("detail", s.detail());
        return m;
    }
}
