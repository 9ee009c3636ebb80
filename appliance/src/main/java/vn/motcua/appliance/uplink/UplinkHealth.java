package vn.motcua.appliance.uplink;

import java.util.function.Supplier;
import vn.motcua.appliance.service.Health;

/**
 * The uplink's line on /healthz and the staff page. A link that is down is normal for a ward office
 * and stays green while the backlog is young; it turns red when events have waited longer than
 * {@link #STALE_SECONDS}, and whenever storage is under pressure, so a person looks at it.
 */
public final class UplinkHealth implements Supplier<Health.Status> {
    static final long STALE_SECONDS = 6 * 3600;
    private final MqttUplink uplink;

    public UplinkHealth(MqttUplink uplink) {
        this.uplink = uplink;
    }

    @Override
    public Health.Status get() {
        return of(uplink.status());
    }

    static Health.Status of(UplinkStatus s) {
        String backlog = s.outboxDepth() + " events waiting"
                + (s.oldestUndeliveredAgeSeconds() == null ? "" : ", oldest " + s.oldestUndeliveredAgeSeconds() + " s");
        if (!"ok".equals(s.storage())) {
            return Health.Status.fault("storage " + s.storage(), backlog + "; " + s.shedTelemetry()
                    + " telemetry events shed; queue events are kept");
        }
        if ("connected".equals(s.link())) {
            return Health.Status.ok("connected, " + backlog);
        }
        String state = "district link " + s.link() + (s.lastError() == null ? "" : " (" + s.lastError() + ")");
        Long age = s.oldestUndeliveredAgeSeconds();
        return age != null && age > STALE_SECONDS ? Health.Status.fault(state, backlog) : Health.Status.ok(state + ", " + backlog);
    }
}
