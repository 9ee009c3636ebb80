package vn.motcua.tests.uplink;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import vn.motcua.appliance.Appliance;
import vn.motcua.appliance.config.ApplianceConfig;
import vn.motcua.appliance.config.ConfigLoader;
import vn.motcua.appliance.uplink.CommandHandler;
import vn.motcua.appliance.uplink.ConfigApplier;
import vn.motcua.appliance.uplink.InMemoryDossierCache;
import vn.motcua.appliance.uplink.MqttUplink;
import vn.motcua.appliance.uplink.Outcome;
import vn.motcua.appliance.uplink.UplinkConfig;
import vn.motcua.appliance.uplink.UplinkHealth;
import vn.motcua.appliance.uplink.UplinkPorts;
import vn.motcua.appliance.uplink.UplinkQueueListener;
import vn.motcua.appliance.uplink.UplinkSettings;

/**
 * The real appliance (H2 store, queue service, Jetty API) plus the uplink, wired exactly as
 * {@code Appliance.start()} should wire it (see the uplink's report), run as its own process by
 * the kill tests. Config and command ports refuse politely: their real implementations are the
 * lead's part.
 */
public final class ApplianceWithUplink {
    private ApplianceWithUplink() {}

    public static void main(String[] args) throws Exception {
        Clock clock = Clock.systemUTC();
        ApplianceConfig config = ConfigLoader.load(Path.of(args[0]));
        Appliance appliance = new Appliance(config, clock);
        appliance.start();
        ApplianceConfig.Identity id = config.identity();
        UplinkConfig uc = UplinkSettings.parse(config.uplink(), id.district(), id.office(), id.deviceId(), id.dataDir(),
                config.store().outboxRetention()).orElseThrow();
        MqttUplink uplink = new MqttUplink(uc, "0.1.0-killtest", "boot-" + ProcessHandle.current().pid(), appliance.store(),
                new UplinkPorts(new ConfigApplier() {
                    @Override public String currentVersion() { return null; }

                    @Override public Outcome apply(String version, JsonNode c) { return Outcome.refused("not wired in this test"); }
                }, new CommandHandler() {
                    @Override public Outcome resetQueue(String reason) { return Outcome.refused("not wired in this test"); }

                    @Override public Outcome hallMessage(String vi, String en, Instant until) {
                        return Outcome.refused("not wired in this test");
                    }
                }, new InMemoryDossierCache(100)), appliance.scheduler(), clock);
        appliance.queue().addListener(new UplinkQueueListener(uplink, appliance.queue(), clock));
        appliance.health().register("uplink", new UplinkHealth(uplink));
        uplink.start();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            uplink.close();
            try {
                appliance.close();
            } catch (Exception e) {
                System.err.println("stop: " + e);
            }
        }));
        System.out.println("READY " + appliance.webPort());
        Thread.currentThread().join();
    }
}
