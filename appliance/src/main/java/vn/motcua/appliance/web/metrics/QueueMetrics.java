package vn.motcua.appliance.web.metrics;

import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;
import java.util.function.ToLongFunction;

import io.prometheus.metrics.core.metrics.CounterWithCallback;
import io.prometheus.metrics.core.metrics.GaugeWithCallback;
import io.prometheus.metrics.model.registry.PrometheusRegistry;

import vn.motcua.appliance.domain.Counter;
import vn.motcua.appliance.domain.DayFigures;
import vn.motcua.appliance.domain.QueueEngine;
import vn.motcua.appliance.service.DeviceCounters;
import vn.motcua.appliance.service.Health;
import vn.motcua.appliance.service.QueueService;
import vn.motcua.appliance.web.live.LiveFeed;

/**
 * The appliance's metrics, registered with the Prometheus Java client (io.prometheus:prometheus-metrics-core,
 * about 270 kB with its model and text writer, no protobuf): every value is read by a callback at scrape time
 * from the queue, the outbox, {@link Health}, the live feed and {@link DeviceCounters}, so nothing is counted twice and nothing runs
 * between scrapes. Micrometer was not chosen: its core alone is larger and adds a second metrics model.
 */
public final class QueueMetrics {
    private QueueMetrics() {}

    public static PrometheusRegistry registry(QueueService queue, Health health, LongSupplier outboxDepth, LiveFeed live,
                                              DeviceCounters devices) {
        PrometheusRegistry r = new PrometheusRegistry();
        GaugeWithCallback.builder().name("motcua_queue_waiting").help("Tickets waiting, per service")
                .labelNames("service").callback(cb -> queue.read(e -> {
                    e.layout().services().forEach(s -> cb.call(e.waiting(s.code()), s.code()));
                    return null;
                })).register(r);
        GaugeWithCallback.builder().name("motcua_queue_estimated_wait_seconds").help("Estimated wait for a new ticket")
                .labelNames("service").callback(cb -> queue.read(e -> {
                    e.layout().services().forEach(s -> cb.call(e.estimatedWaitSeconds(s.code()), s.code()));
                    return null;
                })).register(r);
        // Today's figures per service, as DayFigures defines them (the manager view and day.summary read the same).
        GaugeWithCallback.builder().name("motcua_tickets_today").help("Tickets issued today, per service issued for")
                .labelNames("service").callback(cb -> today(queue, cb, DayFigures::tickets)).register(r);
        GaugeWithCallback.builder().name("motcua_transferred_today")
                .help("Tickets issued today and transferred at least once, per service issued for")
                .labelNames("service").callback(cb -> today(queue, cb, DayFigures::transferred)).register(r);
        GaugeWithCallback.builder().name("motcua_called_today").help("Tickets called today, per service they are in")
                .labelNames("service").callback(cb -> today(queue, cb, DayFigures::called)).register(r);
        GaugeWithCallback.builder().name("motcua_served_today").help("Tickets served today, per service served under")
                .labelNames("service").callback(cb -> today(queue, cb, DayFigures::served)).register(r);
        GaugeWithCallback.builder().name("motcua_no_shows_today")
                .help("Tickets skipped at least once today, per service they are in")
                .labelNames("service").callback(cb -> today(queue, cb, DayFigures::noShows)).register(r);
        GaugeWithCallback.builder().name("motcua_ratings_today")
                .help("Ratings today per service and score (1 = very satisfied .. 4 = not satisfied)")
                .labelNames("service", "score").callback(cb -> queue.read(e -> {
                    figures(e).forEach((code, f) -> f.ratingCounts()
                            .forEach((score, n) -> cb.call(n, code, String.valueOf(score))));
                    return null;
                })).register(r);
        GaugeWithCallback.builder().name("motcua_wait_seconds").help("Today's wait from ticket to call: average and longest")
                .labelNames("service", "stat").callback(cb -> queue.read(e -> {
                    figures(e).forEach((code, f) -> {
                        cb.call(f.averageWaitSeconds(), code, "avg");
                        cb.call(f.longestWaitSeconds(), code, "max");
                    });
                    return null;
                })).register(r);
        GaugeWithCallback.builder().name("motcua_service_seconds").help("Today's average service time, start to done")
                .labelNames("service").callback(cb -> today(queue, cb, DayFigures::averageServiceSeconds)).register(r);
        GaugeWithCallback.builder().name("motcua_counter_open").help("1 when the counter takes residents")
                .labelNames("counter").callback(cb -> queue.read(e -> {
                    for (Counter c : e.counters()) {
                        cb.call(c.status().name().equals("OPEN") ? 1 : 0, String.valueOf(c.number()));
                    }
                    return null;
                })).register(r);
        GaugeWithCallback.builder().name("motcua_outbox_pending").help("Events not yet delivered to the district")
                .callback(cb -> cb.call(outboxDepth.getAsLong())).register(r);
        GaugeWithCallback.builder().name("motcua_part_fault").help("1 when a part (store, uplink, device) needs a person")
                .labelNames("part").callback(cb -> {
                    for (Map.Entry<String, Health.Status> p : health.snapshot().entrySet()) {
                        cb.call(p.getValue().ok() ? 0 : 1, p.getKey());
                    }
                }).register(r);
        GaugeWithCallback.builder().name("motcua_screens_connected").help("Open /events streams")
                .callback(cb -> cb.call(live.clientCount())).register(r);
        CounterWithCallback.builder().name("motcua_screens_dropped").help("Screens dropped for not keeping up")
                .callback(cb -> cb.call(live.droppedCount())).register(r);
        CounterWithCallback.builder().name("motcua_commands_refused").help("Queue commands refused by the rules")
                .callback(cb -> cb.call(queue.refusedCount())).register(r);
        CounterWithCallback.builder().name("motcua_store_failures").help("Commits the store could not make durable")
                .callback(cb -> cb.call(queue.storeFailureCount())).register(r);
        GaugeWithCallback.builder().name("motcua_store_free_bytes").help("Usable bytes in the data folder (-1: not read yet)")
                .callback(cb -> cb.call(queue.storeCondition().freeBytes())).register(r);
        GaugeWithCallback.builder().name("motcua_store_space_low").help("1 when the data folder is below [store] low_space_mib")
                .callback(cb -> cb.call(queue.storeCondition().spaceLow() ? 1 : 0)).register(r);
        GaugeWithCallback.builder().name("motcua_store_failing")
                .help("1 while a durable write has failed and the store has not recovered (new tickets paused)")
                .callback(cb -> cb.call(queue.storeCondition().failing() ? 1 : 0)).register(r);
        DeviceMetrics.register(r, devices);
        return r;
    }

    private static Map<String, DayFigures> figures(QueueEngine e) {
        return DayFigures.byService(List.copyOf(e.tickets()), e.layout().services());
    }

    private static void today(QueueService queue, GaugeWithCallback.Callback cb, ToLongFunction<DayFigures> figure) {
        queue.read(e -> {
            figures(e).forEach((code, f) -> cb.call(figure.applyAsLong(f), code));
            return null;
        });
    }
}
