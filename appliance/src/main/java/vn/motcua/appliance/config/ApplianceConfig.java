package vn.motcua.appliance.config;

import java.net.InetAddress;
import java.nio.file.Path;
import java.time.Duration;

import com.fasterxml.jackson.databind.JsonNode;

import vn.motcua.appliance.domain.OfficeLayout;

/**
 * The whole appliance configuration, validated. Immutable.
 *
 * @param uplink  the raw {@code [uplink]} section (read by the uplink module), or a missing node
 * @param devices the raw {@code [devices]} section (read by the device modules), or a missing node
 */
public record ApplianceConfig(Identity identity, OfficeLayout office, Web web, Store store, JsonNode uplink,
                              JsonNode devices) {

    /** Who this appliance is: its ids appear in every event and MQTT topic. */
    public record Identity(String deviceId, String district, String office, String officeNameVi, String officeNameEn,
                           Path dataDir) {}

    public record Web(InetAddress bind, int port, int maxBodyBytes) {}

    /**
     * @param durableCommits fsync every command before acknowledging it (off only for throw-away tests)
     * @param outboxRetention how long delivered events stay in the outbox before they are pruned
     */
    public record Store(boolean durableCommits, Duration outboxRetention) {}
}
