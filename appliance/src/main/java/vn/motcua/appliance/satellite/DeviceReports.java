package vn.motcua.appliance.satellite;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import vn.motcua.appliance.devices.DeviceEvent;
import vn.motcua.appliance.devices.DeviceStatus;

/**
 * The satellite's devices (printer, reader, buttons) told to the master, which shows them on its {@code /healthz} and
 * device map and records their faults in its outbox: sent whenever a status changes, and every few seconds besides
 * (the master's "online", and this satellite's heartbeat: the call that finds the master back). One report at a time,
 * on {@code io}; a report that fails is simply sent again next time, whole.
 */
final class DeviceReports implements Consumer<DeviceEvent> {
    private static final Logger log = LoggerFactory.getLogger(DeviceReports.class);
    private final MasterLink link;
    private final LinkState state;
    private final Executor io;
    private final Map<String, DeviceStatus> latest = new ConcurrentHashMap<>();
    private final AtomicBoolean sending = new AtomicBoolean();
    private volatile boolean again;

    DeviceReports(MasterLink link, LinkState state, Executor io) {
        this.link = link;
        this.state = state;
        this.io = io;
    }

    @Override
    public void accept(DeviceEvent event) {
        if (event instanceof DeviceEvent.StatusChanged(DeviceStatus s)) {
            DeviceStatus before = latest.put(s.device(), s);
            if (!s.sameAs(before)) {
                send();
            }
        }
    }

    /** Sends the statuses now, unless a report is under way (then once more right after it). */
    void send() {
        if (!state.paired()) {
            return;
        }
        if (!sending.compareAndSet(false, true)) {
            again = true;
            return;
        }
        io.execute(() -> {
            try {
                do {
                    again = false;
                    report();
                } while (again);
            } finally {
                sending.set(false);
            }
        });
    }

    private void report() {
        List<Map<String, Object>> devices = new ArrayList<>();
        latest.values().stream().sorted(java.util.Comparator.comparing(DeviceStatus::device)).forEach(s -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("device", s.device());
            m.put("state", s.state().word());
            m.put("reason", s.reason().word());
            m.put("detail", s.detail());
            devices.add(m);
        });
        try {
            MasterLink.Answer a = link.devices(devices);
            if (!a.ok()) {
                log.warn("The master refused this satellite's device report: {} {}", a.status(), a.body().path("error").asText());
            }
        } catch (MasterLink.Unreachable e) {
            log.debug("Device report not sent: {}", e.getMessage());
        }
    }
}
