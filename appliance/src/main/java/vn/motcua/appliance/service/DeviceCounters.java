package vn.motcua.appliance.service;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * Running totals of what the resident devices did, for /metrics: scans by kind, print jobs by outcome, device faults
 * by device. Scans and faults are counted from the device events as they are recorded (the same events the district
 * receives, so the two agree); print jobs from the printer's job reports. Since start; Prometheus counters.
 */
public final class DeviceCounters {
    /** Scan kinds, as the {@code scan.*} event types name them. */
    public static final List<String> SCAN_KINDS = List.of("dossier", "citizen_id", "ticket", "rejected");
    /** Devices shown even before their first fault, so a dashboard has a series to plot from the start. */
    public static final List<String> DEVICES = List.of("printer", "reader", "counter-board");

    private final Map<String, LongAdder> scans = new ConcurrentHashMap<>();
    private final LongAdder printed = new LongAdder();
    private final LongAdder printFaults = new LongAdder();
    private final Map<String, LongAdder> faults = new ConcurrentHashMap<>();

    public DeviceCounters() {
        SCAN_KINDS.forEach(k -> scans.put(k, new LongAdder()));
        DEVICES.forEach(d -> faults.put(d, new LongAdder()));
    }

    /** A device event on its way to the outbox ({@link DeviceEvents}). */
    public void recorded(String type, Object payload) {
        if (type.startsWith("scan.")) {
            LongAdder a = scans.get(type.substring(5));
            if (a != null) {
                a.increment();
            }
        } else if (type.equals("device.fault") && payload instanceof Map<?, ?> m && m.get("device") instanceof String d
                && d.length() <= 32 && d.matches("[a-z0-9_-]+")) { // a label value: bounded, never free text
            faults.computeIfAbsent(d, k -> new LongAdder()).increment();
        }
    }

    /** One ticket's print job ended: printed, or in a printer fault. */
    public void printJob(boolean wasPrinted) {
        (wasPrinted ? printed : printFaults).increment();
    }

    public long scans(String kind) {
        LongAdder a = scans.get(kind);
        return a == null ? 0 : a.sum();
    }

    public long printJobs(boolean wasPrinted) {
        return (wasPrinted ? printed : printFaults).sum();
    }

    /** Faults by device, sorted by name. */
    public Map<String, Long> faults() {
        Map<String, Long> out = new TreeMap<>();
        faults.forEach((d, a) -> out.put(d, a.sum()));
        return out;
    }
}
