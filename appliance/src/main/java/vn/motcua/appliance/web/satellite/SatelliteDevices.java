package vn.motcua.appliance.web.satellite;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import vn.motcua.appliance.devices.DeviceEvent;
import vn.motcua.appliance.devices.DeviceEvents;
import vn.motcua.appliance.devices.DeviceStatus;

/**
 * The satellites' devices as they report them: each becomes a device of this master named
 * {@code satellite-<id>/<device>}, published on the one device event stream, so it is on {@code /healthz}, in the
 * staff pages' device faults and, as {@code device.fault} / {@code device.recovered}, in the outbox exactly as the
 * master's own printer and reader are. A satellite reports whenever a status changes and every
 * {@link #REPORT_EVERY} besides; one silent for {@link #SILENT_AFTER} is shown offline on the manager's device map.
 */
public final class SatelliteDevices {
    /** How often a satellite reports even when nothing changed (it says so itself; here for the offline bound). */
    public static final Duration REPORT_EVERY = Duration.ofSeconds(10);
    static final Duration SILENT_AFTER = REPORT_EVERY.multipliedBy(3);
    /** Devices one satellite may report: its printer, reader, buttons and a few to spare. */
    static final int MAX_DEVICES = 8;

    private final DeviceEvents events;
    private final Clock clock;
    private final Map<Long, Map<String, DeviceStatus>> latest = new ConcurrentHashMap<>();
    private final Map<Long, Instant> reported = new ConcurrentHashMap<>();

    public SatelliteDevices(DeviceEvents events, Clock clock) {
        this.events = events;
        this.clock = clock;
    }

    /** The master's name for device {@code device} of satellite {@code satellite}. */
    static String name(long satellite, String device) {
        return devicesOf(satellite) + device;
    }

    /** What the master's names of satellite {@code satellite}'s devices start with. */
    public static String devicesOf(long satellite) {
        return "satellite-" + satellite + "/";
    }

    /** Forgets satellite {@code satellite} (revoked): its devices and when it last reported. */
    public void forget(long satellite) {
        latest.remove(satellite);
        reported.remove(satellite);
    }

    /**
     * One report of satellite {@code satellite} (already checked: at most {@link #MAX_DEVICES}, names and words
     * valid): every change is published, a fault raised or cleared as the event the district gets.
     */
    public synchronized void reported(long satellite, List<DeviceStatus> statuses) {
        Instant now = clock.instant();
        reported.put(satellite, now);
        Map<String, DeviceStatus> known = latest.computeIfAbsent(satellite, k -> new ConcurrentHashMap<>());
        for (DeviceStatus s : statuses) {
            DeviceStatus here = new DeviceStatus(name(satellite, s.device()), s.state(), s.reason(), s.detail(), now);
            DeviceStatus before = known.put(s.device(), here);
            if (before != null && before.sameAs(here) && before.detail().equals(here.detail())) {
                continue;
            }
            events.publish(new DeviceEvent.StatusChanged(here));
            if (before != null && before.isFault() && (!here.isFault() || before.reason() != here.reason())) {
                events.publish(new DeviceEvent.FaultCleared(before.reason(), here));
            }
            if (here.isFault() && (before == null || !before.isFault() || before.reason() != here.reason())) {
                events.publish(new DeviceEvent.FaultRaised(here));
            }
        }
    }

    /**
     * The satellites that reported within {@link #SILENT_AFTER}: a satellite has no live feed open, its reports are how
     * the master knows it is there (for the device map and for {@code ScreenPresence}'s offline events).
     */
    public java.util.Set<Long> reporting() {
        java.util.Set<Long> out = new java.util.HashSet<>();
        reported.keySet().forEach(id -> {
            if (online(id)) {
                out.add(id);
            }
        });
        return out;
    }

    /** Whether satellite {@code satellite} reported within {@link #SILENT_AFTER}. */
    private boolean online(long satellite) {
        Instant at = reported.get(satellite);
        return at != null && Duration.between(at, clock.instant()).compareTo(SILENT_AFTER) < 0;
    }

    /** Its devices at fault as last reported, for the manager's device map: device, reason, detail. */
    public List<Map<String, Object>> faults(long satellite) {
        List<Map<String, Object>> out = new ArrayList<>();
        Map<String, DeviceStatus> known = latest.getOrDefault(satellite, Map.of());
        known.keySet().stream().sorted().forEach(d -> {
            DeviceStatus s = known.get(d);
            if (s.isFault()) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("device", d);
                m.put("reason", s.reason().word());
                m.put("detail", s.detail());
                out.add(m);
            }
        });
        return out;
    }
}
