package vn.motcua.appliance.service;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import vn.motcua.appliance.devices.DeviceEvent;
import vn.motcua.appliance.devices.DeviceStatus;

/**
 * Each device's latest status, kept from the device event stream: what /healthz shows for it (each device is a
 * {@link Health} part from its first status on) and what the staff pages' device faults are read from. A change of
 * verdict or reason is logged here, once, however many tickets or polls see the device in that state.
 */
public final class DeviceStatuses implements Consumer<DeviceEvent> {
    private static final Logger log = LoggerFactory.getLogger(DeviceStatuses.class);

    private final Health health;
    private final Map<String, DeviceStatus> latest = new ConcurrentHashMap<>();

    public DeviceStatuses(Health health) {
        this.health = health;
    }

    @Override
    public void accept(DeviceEvent event) {
        if (!(event instanceof DeviceEvent.StatusChanged(DeviceStatus s))) {
            return;
        }
        DeviceStatus before = latest.put(s.device(), s);
        if (before == null) {
            health.register(s.device(), () -> asHealth(latest.get(s.device())));
        }
        if (!s.sameAs(before)) {
            if (s.isFault()) {
                log.warn("{}: {} ({})", s.device(), s.reason().word(), s.detail());
            } else {
                log.info("{}: {} {}", s.device(), s.state().word(), s.detail());
            }
        }
    }

    /**
     * Forgets every device whose name starts with {@code prefix}, and their /healthz parts: devices that are no more
     * (a revoked satellite kiosk's printer and reader), whose last fault would otherwise stay red until a restart.
     */
    public void forget(String prefix) {
        latest.keySet().removeIf(device -> {
            if (!device.startsWith(prefix)) {
                return false;
            }
            health.unregister(device);
            log.info("{}: forgotten", device);
            return true;
        });
    }

    /** The devices' latest statuses, sorted by device. */
    public List<DeviceStatus> current() {
        return latest.values().stream().sorted(java.util.Comparator.comparing(DeviceStatus::device)).toList();
    }

    /** On /healthz: a fault is red with its reason as the state; anything else is green, its state word first. */
    static Health.Status asHealth(DeviceStatus s) {
        if (s.isFault()) {
            return Health.Status.fault(s.reason().word(), s.detail());
        }
        String state = s.reason() == DeviceStatus.Reason.NONE ? s.state().word() : s.state().word() + " " + s.reason().word();
        return Health.Status.ok(s.detail().isEmpty() ? state : state + ": " + s.detail());
    }
}
