package vn.motcua.appliance.web.metrics;

import io.prometheus.metrics.core.metrics.CounterWithCallback;
import io.prometheus.metrics.core.metrics.GaugeWithCallback;
import io.prometheus.metrics.model.registry.PrometheusRegistry;

import vn.motcua.appliance.web.paired.Pairing;

/**
 * The paired screens on {@code /metrics}: {@code motcua_paired_screens} (working now) and
 * {@code motcua_screen_pairing_refused_total{reason}}: a wrong code or an unknown claim (failed), or a source over its
 * attempts this minute (throttled). Both labels are present from the start.
 */
public final class PairingMetrics {
    private PairingMetrics() {}

    public static void register(PrometheusRegistry r, Pairing pairing) {
        GaugeWithCallback.builder().name("motcua_paired_screens").help("Screens paired over the LAN and not revoked")
                .callback(cb -> cb.call(pairing.screens().workingCount())).register(r);
        CounterWithCallback.builder().name("motcua_screen_pairing_refused")
                .help("Pairing attempts refused, by reason: failed (a wrong code, an unknown claim), throttled (a source"
                        + " over its attempts this minute)").labelNames("reason")
                .callback(cb -> {
                    cb.call(pairing.failedCount(), "failed");
                    cb.call(pairing.throttledCount(), "throttled");
                }).register(r);
    }
}
