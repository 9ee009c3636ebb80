package vn.motcua.appliance.web.metrics;

import io.prometheus.metrics.core.metrics.CounterWithCallback;
import io.prometheus.metrics.core.metrics.GaugeWithCallback;
import io.prometheus.metrics.model.registry.PrometheusRegistry;

import vn.motcua.appliance.web.WebCounters;
import vn.motcua.appliance.web.auth.LoginCounts;
import vn.motcua.appliance.web.auth.PasswordChecks;
import vn.motcua.appliance.web.live.LiveFeed;
import vn.motcua.appliance.web.phone.PhoneCounts;

/**
 * What the web side refused or cut, read at scrape time: {@code motcua_staff_logins_total{outcome}},
 * {@code motcua_password_hashes_total}, {@code motcua_password_check_permits},
 * {@code motcua_web_slow_clients_cut_total{part}} (body / header), {@code motcua_web_lan_connections_refused_total{reason}},
 * {@code motcua_screens_refused_total}, {@code motcua_phone_requests_total{outcome}}. Every label value is present from the start.
 */
public final class WebMetrics {
    private WebMetrics() {}

    public static void register(PrometheusRegistry r, LoginCounts logins, PasswordChecks checks, WebCounters web,
                                LiveFeed live, PhoneCounts phone) {
        CounterWithCallback.builder().name("motcua_staff_logins").help("Staff login attempts, by outcome")
                .labelNames("outcome").callback(cb -> {
                    for (LoginCounts.Outcome o : LoginCounts.Outcome.values()) {
                        cb.call(logins.get(o), o.name().toLowerCase(java.util.Locale.ROOT));
                    }
                }).register(r);
        CounterWithCallback.builder().name("motcua_password_hashes").help("Argon2 password checks computed")
                .callback(cb -> cb.call(checks.computed())).register(r);
        GaugeWithCallback.builder().name("motcua_password_check_permits").help("Password checks allowed at once")
                .callback(cb -> cb.call(checks.permits())).register(r);
        CounterWithCallback.builder().name("motcua_web_slow_clients_cut")
                .help("Requests cut off for sending too slowly, by the part that was late").labelNames("part")
                .callback(cb -> {
                    cb.call(web.slowBodiesCut(), "body");
                    cb.call(web.slowHeadersCut(), "header");
                }).register(r);
        CounterWithCallback.builder().name("motcua_web_lan_connections_refused")
                .help("LAN connections closed at accept, by reason: the source had its share open (share), or was over"
                        + " its login attempts this minute (throttled)").labelNames("reason")
                .callback(cb -> {
                    cb.call(web.lanConnectionsRefused(), "share");
                    cb.call(web.lanConnectionsShunned(), "throttled");
                }).register(r);
        CounterWithCallback.builder().name("motcua_phone_requests")
                .help("Phone page requests, by outcome: served, finished (a ticket that is over), unknown (a wrong link"
                        + " or code), throttled (a source over its wrong tries this minute)").labelNames("outcome")
                .callback(cb -> {
                    for (PhoneCounts.Outcome o : PhoneCounts.Outcome.values()) {
                        cb.call(phone.get(o), o.name().toLowerCase(java.util.Locale.ROOT));
                    }
                }).register(r);
        CounterWithCallback.builder().name("motcua_screens_refused").help("Live feed connections refused: cap reached")
                .callback(cb -> cb.call(live.refusedCount())).register(r);
    }
}
