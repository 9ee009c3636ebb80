package vn.motcua.appliance.uplink;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import vn.motcua.appliance.config.section.DeviceSection;

/**
 * Reads the {@code [uplink]} section of the appliance config (TOML, snake_case, see
 * {@code TOPICS.md} for an example) into an {@link UplinkConfig}. Called by the config loader in its one pass;
 * every problem is collected and named by key so a technician can fix them all at once; unknown keys are
 * refused, also in a section switched off with {@code enabled = false}.
 */
public final class UplinkSettings {
    private static final Pattern DURATION = Pattern.compile("(\\d{1,6})\\s*(ms|s|m|h|d)");
    /** Every key of [uplink]; the example appliance.conf documents each. */
    public static final Set<String> KEYS = Set.of("enabled", "broker", "ca_file", "client_keystore", "username",
            "secrets_file", "keep_alive", "connect_timeout", "reconnect_initial", "reconnect_max", "live_window",
            "backlog_window", "backlog_rate", "heartbeat", "lookup_timeout", "min_free_mib", "max_pending_events");

    private UplinkSettings() {}

    /**
     * @param section the raw section; missing or {@code enabled = false} means no uplink (a lab or demo office)
     * @throws IllegalArgumentException listing every problem, one per line
     */
    public static Optional<UplinkConfig> parse(JsonNode section, String district, String office, String device,
                                               Path dataDir, Duration retention) {
        List<String> problems = new ArrayList<>();
        Optional<UplinkConfig> c = read(section, district, office, device, dataDir, retention, problems);
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(String.join("\n", problems));
        }
        return c;
    }

    /** As {@link #parse}, adding problems to the list instead of throwing. */
    public static Optional<UplinkConfig> read(JsonNode section, String district, String office, String device,
                                              Path dataDir, Duration retention, List<String> problems) {
        DeviceSection s = DeviceSection.top("uplink", section, KEYS, problems);
        if (!s.present()) {
            return Optional.empty();
        }
        // A section switched off is still checked: its values are what the link runs on once switched on.
        boolean enabled = s.bool("enabled", true);
        int before = problems.size();
        UplinkConfig d = UplinkConfig.defaults(URI.create("tcp://127.0.0.1:1883"), district, office, device, null, dataDir);
        URI broker = broker(s, enabled);
        String username = s.text("username", null);
        if (username != null && (username.isEmpty() || username.length() > 128 || username.chars().anyMatch(Character::isISOControl))) {
            s.problem("username", "the broker account name, 1-128 printable characters");
        }
        Path ca = path(s, "ca_file");
        Path clientKeystore = path(s, "client_keystore");
        Path secretsFile = path(s, "secrets_file");
        if (enabled && broker != null && "ssl".equals(broker.getScheme()) && ca == null) {
            s.problem("ca_file", "the CA file that signed the broker's certificate (required with ssl://), e.g."
                    + " /etc/ssl/certs/ca-certificates.crt for a public CA");
        }
        Duration keepAlive = duration(s, "keep_alive", d.keepAlive(), Duration.ofSeconds(1));
        Duration connect = duration(s, "connect_timeout", d.connectTimeout(), Duration.ofSeconds(1));
        Duration initial = duration(s, "reconnect_initial", d.backoffInitial(), Duration.ofMillis(1));
        Duration max = duration(s, "reconnect_max", d.backoffMax(), Duration.ofMillis(1));
        Duration heartbeat = duration(s, "heartbeat", d.heartbeatInterval(), Duration.ofSeconds(1));
        Duration lookup = duration(s, "lookup_timeout", d.lookupTimeout(), Duration.ofMillis(1));
        int live = s.integer("live_window", d.liveWindow(), 1, 999);
        int backlog = s.integer("backlog_window", d.backlogWindow(), 1, 999);
        if (live + backlog > 1000) {
            s.problem("backlog_window", "at most " + (1000 - live) + " (live_window + backlog_window <= 1000)");
        }
        int rate = s.integer("backlog_rate", d.backlogRatePerSecond(), 0, 1_000_000);
        long minFreeMib = s.number("min_free_mib", d.minFreeBytes() >> 20, 0, 1_000_000);
        long maxPending = s.number("max_pending_events", d.maxPendingEvents(), 1, 1_000_000_000);
        if (!enabled || problems.size() > before || broker == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(new UplinkConfig(broker, district, office, device, username, ca,
                    clientKeystore, secretsFile, keepAlive, connect, initial, max, live, backlog,
                    rate, retention, heartbeat, lookup, dataDir, minFreeMib << 20, maxPending));
        } catch (IllegalArgumentException e) { // the record's own checks; those above should have caught each
            problems.add("uplink: " + e.getMessage());
            return Optional.empty();
        }
    }

    private static URI broker(DeviceSection s, boolean required) {
        String text = s.text("broker", null);
        String expected = "the district's broker, ssl://host:8883 (or tcp://host:1883 on a closed network)";
        if (text == null) {
            if (required) {
                s.problem("broker", expected);
            }
            return null;
        }
        try {
            URI u = new URI(text);
            if (!"ssl".equals(u.getScheme()) && !"tcp".equals(u.getScheme()) || u.getHost() == null) {
                s.problem("broker", expected);
                return null;
            }
            return u;
        } catch (URISyntaxException e) {
            s.problem("broker", expected);
            return null;
        }
    }

    private static Path path(DeviceSection s, String key) {
        String t = s.text(key, "");
        if (t.chars().anyMatch(Character::isISOControl) || t.length() > 255) {
            s.problem(key, "a file path");
            return null;
        }
        return t.isEmpty() ? null : Path.of(t);
    }

    /** Durations as the rest of the config writes them: 500ms, 90s, 15m, 2h, 30d. */
    private static Duration duration(DeviceSection s, String key, Duration fallback, Duration min) {
        String text = s.text(key, null);
        if (text == null) {
            return fallback;
        }
        Matcher m = DURATION.matcher(text.strip());
        if (!m.matches()) {
            s.problem(key, "a duration like 500ms, 30s, 5m");
            return fallback;
        }
        long n = Long.parseLong(m.group(1));
        Duration d = switch (m.group(2)) {
            case "ms" -> Duration.ofMillis(n);
            case "s" -> Duration.ofSeconds(n);
            case "m" -> Duration.ofMinutes(n);
            case "h" -> Duration.ofHours(n);
            default -> Duration.ofDays(n);
        };
        if (d.compareTo(min) < 0) {
            s.problem(key, "a duration of at least " + (min.toMillis() < 1000 ? min.toMillis() + "ms" : min.toSeconds() + "s"));
            return fallback;
        }
        return d;
    }
}
