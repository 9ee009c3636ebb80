package vn.motcua.appliance.web.metrics;

import io.prometheus.metrics.core.metrics.CounterWithCallback;
import io.prometheus.metrics.model.registry.PrometheusRegistry;

import vn.motcua.appliance.service.DeviceCounters;

/**
 * The resident devices' counters on /metrics, read from {@link DeviceCounters} at scrape time like every other
 * metric here: {@code motcua_scans_total{kind}}, {@code motcua_print_jobs_total{outcome}} (printed / fault / queue_full),
 * {@code motcua_device_faults_total{device}}, {@code motcua_keypad_presses_refused_total}. Every known label value is always present (at 0 before its first
 * count), so a rate() over a fresh appliance is defined.
 */
final class DeviceMetrics {
    private DeviceMetrics() {}

    static void register(PrometheusRegistry r, DeviceCounters devices) {
        CounterWithCallback.builder().name("motcua_scans").help("Codes read at the reader, by kind")
                .labelNames("kind").callback(cb -> DeviceCounters.SCAN_KINDS.forEach(k -> cb.call(devices.scans(k), k)))
                .register(r);
        CounterWithCallback.builder().name("motcua_print_jobs").help("Ticket print jobs, by outcome")
                .labelNames("outcome").callback(cb -> {
                    cb.call(devices.printJobs(true), "printed");
                    cb.call(devices.printJobs(false), "fault");
                    cb.call(devices.printJobsQueueFull(), "queue_full");
                }).register(r);
        CounterWithCallback.builder().name("motcua_device_faults").help("Device faults raised, by device")
                .labelNames("device").callback(cb -> devices.faults().forEach((d, n) -> cb.call(n, d))).register(r);
        CounterWithCallback.builder().name("motcua_keypad_presses_refused")
                .help("Counter keypad presses the queue refused (the board flashed why)")
                .callback(cb -> cb.call(devices.refusedPresses())).register(r);
    }
}
