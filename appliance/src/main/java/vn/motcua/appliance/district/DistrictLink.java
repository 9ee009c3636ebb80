package vn.motcua.appliance.district;

import vn.motcua.appliance.parts.Part;
import vn.motcua.appliance.parts.Shared;
import java.util.Optional;

import vn.motcua.appliance.config.ApplianceConfig;
import vn.motcua.appliance.service.Health;
import vn.motcua.appliance.service.QueueService;
import vn.motcua.appliance.store.QueueStore;
import vn.motcua.appliance.uplink.MqttUplink;
import vn.motcua.appliance.uplink.UplinkConfig;
import vn.motcua.appliance.uplink.UplinkHealth;
import vn.motcua.appliance.uplink.UplinkPorts;
import vn.motcua.appliance.uplink.UplinkQueueListener;
import vn.motcua.appliance.web.status.DossierStatusSource;

/**
 * The district link as the config says ({@code [uplink]}): the MQTT uplink with the district's ports (live config,
 * commands, dossier cache) joined to this office's queue, or none, and then events simply wait in the outbox.
 */
public final class DistrictLink implements Part {
    private final ApplianceConfig config;
    private final QueueStore store;
    private final QueueService queue;
    private final DistrictConfigApplier districtConfig;
    private final Shared shared;
    private MqttUplink uplink;

    public DistrictLink(ApplianceConfig config, QueueStore store, QueueService queue,
                        DistrictConfigApplier districtConfig, Shared shared) {
        this.config = config;
        this.store = store;
        this.queue = queue;
        this.districtConfig = districtConfig;
        this.shared = shared;
    }

    @Override
    public String name() {
        return "district link";
    }

    @Override
    public void start() throws Exception {
        Optional<UplinkConfig> uc = settings(config);
        Health health = shared.health();
        if (uc.isEmpty()) {
            health.register("uplink", () -> Health.Status.ok("not configured: events wait in the outbox"));
            return;
        }
        // the same jar as the appliance: its version is the appliance's
        String version = Optional.ofNullable(DistrictLink.class.getPackage().getImplementationVersion()).orElse("dev");
        uplink = new MqttUplink(uc.get(), version, shared.bootId(), store, new UplinkPorts(districtConfig,
                new DistrictCommands(queue, shared.hallMessages()), new H2DossierCache(store), new DistrictBookings(queue)),
                shared.scheduler(),
                shared.clock());
        queue.addListener(new UplinkQueueListener(uplink, queue, shared.clock()));
        health.register("uplink", new UplinkHealth(uplink));
        uplink.start();
    }

    /** The MQTT uplink, or empty when none is configured (or before {@link #start}). */
    public Optional<MqttUplink> uplink() {
        return Optional.ofNullable(uplink);
    }

    /** The status page's dossiers, asked of the district; without a link the page says it cannot look them up. */
    public DossierStatusSource dossiers() {
        return uplink == null ? UplinkDossierSource.unavailable() : new UplinkDossierSource(uplink);
    }

    /** H2 was reopened: the uplink resends what the reopened outbox holds as pending. */
    public void storeReopened() {
        if (uplink != null) {
            uplink.storeReopened();
        }
    }

    /** Publishes "offline" on the scheduler: closed before the scheduler is. */
    @Override
    public void close() {
        if (uplink != null) {
            uplink.close();
        }
    }

    /** The {@code [uplink]} settings (read and checked with the rest of the file), or empty when the office runs alone. */
    static Optional<UplinkConfig> settings(ApplianceConfig config) {
        return config.uplink();
    }
}
