package vn.motcua.appliance.service;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

import vn.motcua.appliance.devices.DeviceEvent;

/**
 * Running totals of what the devices did, for /metrics: scans by kind, print jobs by outcome, device faults by
 * device, refused keypad presses. Scans and faults are counted from the device events as they are recorded (the same events the district
 * receives, so the two agree); print jobs from the printer's job reports. Since start; Prometheus counters.
 */
public final class DeviceCounters {
    /** Scan kinds, as the {@code scan.*} event types name them ({@link DeviceEvent}'s scans). */
    public static final List<String> SCAN_KINDS = List.of("dossier", "citizen_id", "ticket", "rejected");
    /** The devices whose faults are counted, shown even before their first fault so a dashboard has a series to plot. */
    public static final List<String> DEVICES = List.of("printer", "reader", "counter-board", "paired-screen");

    private final Map<String, LongAdder> scans = new ConcurrentHashMap<>();
    private final LongAdder printed = new LongAdder();
    private final LongAdder printFaults = new LongAdder();
    private final LongAdder printQueueFull = new LongAdder();
    private final Map<String, LongAdder> faults = new ConcurrentHashMap<>();
    private final LongAdder refusedPresses = new LongAdder();

    public DeviceCounters() {
        SCAN_KINDS.forEach(k -> scans.put(k, new LongAdder()));
        DEVICES.forEach(d -> faults.put(d, new LongAdder()));
    }

    /** A device event, as the outbox receives it (a subscriber of the same stream). */
    public void recorded(DeviceEvent event) {
        switch (event) {
            case DeviceEvent.DossierScanned d -> scans.get("dossier").increment();
            case DeviceEvent.CitizenIdScanned c -> scans.get("citizen_id").increment();
            case DeviceEvent.TicketScanned t -> scans.get("ticket").increment();
            case DeviceEvent.ScanRejected r -> scans.get("rejected").increment();
            case DeviceEvent.FaultRaised f -> fault(f.status().device());
            case DeviceEvent.BoardOffline b -> fault("counter-board");
            case DeviceEvent.FaultCleared c -> { }
            case DeviceEvent.BoardOnline b -> { }
            case DeviceEvent.ScreenOffline o -> fault("paired-screen");
            case DeviceEvent.ScreenOnline o -> { }
            case DeviceEvent.StatusChanged s -> { }
            case DeviceEvent.PressRefused r -> refusedPresses.increment();
        }
    }

    /** Only the devices of {@link #DEVICES} become label values: a bounded set, never free text. */
    private void fault(String device) {
        LongAdder a = faults.get(device);
        if (a != null) {
            a.increment();
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

    /** One ticket was not sent to the printer because too many were already waiting for it. */
    public void printJobQueueFull() {
        printQueueFull.increment();
    }

    public long printJobsQueueFull() {
        return printQueueFull.sum();
    }

    public long printJobs(boolean wasPrinted) {
        return (wasPrinted ? printed : printFaults).sum();
    }

    /** Counter keypad presses the queue refused (the board flashed the reason), since start. */
    public long refusedPresses() {
        return refusedPresses.sum();
    }

    /** Faults by device, sorted by name. */
    public Map<String, Long> faults() {
        Map<String, Long> out = new TreeMap<>();
        faults.forEach((d, a) -> out.put(d, a.sum()));
        return out;
    }
}
