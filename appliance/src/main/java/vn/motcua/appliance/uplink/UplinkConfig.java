package vn.motcua.appliance.uplink;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import vn.motcua.retry.Backoff;

/**
 * Typed, immutable settings of the uplink, validated when built. Secrets are not here: they live
 * in {@code secretsFile} (see {@link UplinkSecrets}) so this record can be logged and shown.
 *
 * @param brokerUri          {@code ssl://host:8883} (TLS) or {@code tcp://host:1883} (tests, lab only)
 * @param caFile             PEM CA bundle that signs the broker's certificate; required for ssl://
 * @param clientKeystore     optional PKCS#12 file with the client certificate and key
 * @param secretsFile        properties file, mode 0600: {@code mqtt.password}, {@code tls.keystore.password}
 * @param liveWindow         unacknowledged live events at most
 * @param backlogWindow      unacknowledged backlog events at most: the ceiling of the PUBACK-paced {@link BacklogWindow}
 * @param backlogRatePerSecond optional fixed ceiling on the backlog pace, events/s; 0 = none (the window paces)
 * @param retention          delivered rows are pruned after this
 * @param storagePath        directory of the store; its free space is watched
 * @param minFreeBytes       below this free space the uplink reports storage pressure and sheds
 * @param maxPendingEvents   above this many undelivered events it reports storage pressure
 */
public record UplinkConfig(URI brokerUri, String district, String office, String device, String username,
                           Path caFile, Path clientKeystore, Path secretsFile,
                           Duration keepAlive, Duration connectTimeout, Duration backoffInitial, Duration backoffMax,
                           int liveWindow, int backlogWindow, int backlogRatePerSecond,
                           Duration retention, Duration heartbeatInterval, Duration lookupTimeout,
                           Path storagePath, long minFreeBytes, long maxPendingEvents) {

    public UplinkConfig {
        Objects.requireNonNull(brokerUri, "uplink broker URI");
        String scheme = brokerUri.getScheme();
        if (!"ssl".equals(scheme) && !"tcp".equals(scheme)) {
            throw new IllegalArgumentException("uplink broker URI must start with ssl:// or tcp://, got " + brokerUri);
        }
        if ("ssl".equals(scheme) && caFile == null) {
            throw new IllegalArgumentException("uplink over ssl:// needs ca_file (the CA that signed the broker certificate)");
        }
        TopicSegment.require("uplink district", district);
        TopicSegment.require("uplink office", office);
        TopicSegment.require("uplink device", device);
        if (username != null && (username.isEmpty() || username.length() > 128)) {
            throw new IllegalArgumentException("uplink username must be 1..128 characters");
        }
        if (keepAlive.toSeconds() < 1 || connectTimeout.toSeconds() < 1) {
            throw new IllegalArgumentException("uplink keep-alive and connect timeout must be at least 1 s");
        }
        if (liveWindow < 1 || backlogWindow < 1 || liveWindow + backlogWindow > 1000 || backlogRatePerSecond < 0) {
            throw new IllegalArgumentException("uplink windows must be >= 1 (sum <= 1000) and rate >= 0");
        }
        Objects.requireNonNull(retention, "retention");
        Objects.requireNonNull(heartbeatInterval, "heartbeatInterval");
        Objects.requireNonNull(lookupTimeout, "lookupTimeout");
        Objects.requireNonNull(storagePath, "storagePath");
        new Backoff(backoffInitial, backoffMax, () -> 0); // validates the pair
    }

    /**
     * Defaults a real office uses; override with the {@code with...} copies. The reconnect cap is 30 s, not minutes:
     * after the district broker comes back an office is online again within half a minute, and the equal jitter
     * (15 to 30 s at the cap) spreads hundreds of offices reconnecting at once. The backlog is paced by its PUBACKs
     * ({@link BacklogWindow}, at most 64 unacknowledged) with no fixed rate: 64 backlog PUBACKs outstanding reach
     * thousands of events/s on a LAN-like path, and the window rarely gets that big with a live lane to keep short.
     */
    public static UplinkConfig defaults(URI brokerUri, String district, String office, String device, Path caFile, Path storagePath) {
        return new UplinkConfig(brokerUri, district, office, device, null, caFile, null, null,
                Duration.ofSeconds(30), Duration.ofSeconds(10), Duration.ofSeconds(1), Duration.ofSeconds(30),
                8, 64, 0, Duration.ofDays(30), Duration.ofSeconds(60), Duration.ofSeconds(5),
                storagePath, 200L * 1024 * 1024, 2_000_000);
    }

    public UplinkConfig withCredentials(String user, Path secrets, Path keystore) {
        return new UplinkConfig(brokerUri, district, office, device, user, caFile, keystore, secrets, keepAlive, connectTimeout,
                backoffInitial, backoffMax, liveWindow, backlogWindow, backlogRatePerSecond, retention, heartbeatInterval,
                lookupTimeout, storagePath, minFreeBytes, maxPendingEvents);
    }

    public UplinkConfig withTiming(Duration keepAliveD, Duration connectTimeoutD, Duration initial, Duration max,
                                   Duration heartbeat, Duration lookup) {
        return new UplinkConfig(brokerUri, district, office, device, username, caFile, clientKeystore, secretsFile, keepAliveD,
                connectTimeoutD, initial, max, liveWindow, backlogWindow, backlogRatePerSecond, retention, heartbeat,
                lookup, storagePath, minFreeBytes, maxPendingEvents);
    }

    public UplinkConfig withDrain(int live, int backlog, int ratePerSecond) {
        return new UplinkConfig(brokerUri, district, office, device, username, caFile, clientKeystore, secretsFile, keepAlive,
                connectTimeout, backoffInitial, backoffMax, live, backlog, ratePerSecond, retention, heartbeatInterval,
                lookupTimeout, storagePath, minFreeBytes, maxPendingEvents);
    }

    public UplinkConfig withStorageLimits(Duration retentionD, long minFree, long maxPending) {
        return new UplinkConfig(brokerUri, district, office, device, username, caFile, clientKeystore, secretsFile, keepAlive,
                connectTimeout, backoffInitial, backoffMax, liveWindow, backlogWindow, backlogRatePerSecond, retentionD,
                heartbeatInterval, lookupTimeout, storagePath, minFree, maxPending);
    }

    public Topics topics() {
        return new Topics(district, office, device);
    }
}
