package vn.motcua.appliance.district;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ScheduledExecutorService;

import vn.motcua.appliance.config.ApplianceConfig;
import vn.motcua.appliance.service.HallMessages;
import vn.motcua.appliance.service.Health;
import vn.motcua.appliance.service.QueueService;
import vn.motcua.appliance.store.QueueStore;
import vn.motcua.appliance.uplink.MqttUplink;
import vn.motcua.appliance.uplink.UplinkConfig;
import vn.motcua.appliance.uplink.UplinkHealth;
import vn.motcua.appliance.uplink.UplinkPorts;
import vn.motcua.appliance.uplink.UplinkQueueListener;

/**
 * The district link as the config says ({@code [uplink]}): the MQTT uplink with the district's ports (live config,
 * commands, dossier cache) joined to this office's queue, or none, and then events simply wait in the outbox.
 */
public final class DistrictLink {
    private DistrictLink() {}

    public static Optional<MqttUplink> start(ApplianceConfig config, String version, String bootId, QueueStore store,
                                             QueueService queue, DistrictConfigApplier districtConfig,
                                             HallMessages hallMessages, ScheduledExecutorService scheduler,
                                             Health health, Clock clock) throws Exception {
        Optional<UplinkConfig> uc = settings(config);
        if (uc.isEmpty()) {
            health.register("uplink", () -> Health.Status.ok("not configured: events wait in the outbox"));
            return Optional.empty();
        }
        MqttUplink uplink = new MqttUplink(uc.get(), version, bootId, store, new UplinkPorts(districtConfig,
                new DistrictCommands(queue, hallMessages), new H2DossierCache(store)), scheduler, clock);
        queue.addListener(new UplinkQueueListener(uplink, queue, clock));
        health.register("uplink", new UplinkHealth(uplink));
        uplink.start();
        return Optional.of(uplink);
    }

    /** The {@code [uplink]} settings (read and checked with the rest of the file), or empty when the office runs alone. */
    static Optional<UplinkConfig> settings(ApplianceConfig config) {
        return config.uplink();
    }
}
