package vn.motcua.appliance.uplink;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the {@code [uplink]} section of the appliance config (TOML, snake_case, see
 * {@code TOPICS.md} for an example) into an {@link UplinkConfig}. Every problem is collected
 * and named by key so a technician can fix them all at once; unknown keys are refused.
 */
public final class UplinkSettings {
    private static final Pattern DURATION = Pattern.compile("(\\d{1,6})\\s*(ms|s|m|h|d)");
    /** Every key of [uplink]; the example appliance.conf documents each. */
    public static final Set<String> KEYS = Set.of("enabled", "broker", "ca_file", "client_keystore", "username",
            "secrets_file", "keep_alive", "connect_timeout", "reconnect_initial", "reconnect_max", "live_window",
            "backlog_window", "backlog_rate", "heartbeat", "lookup_timeout", "min_free_mb", "max_pending_events");

    private UplinkSettings() {}

    /**
     * @param section the raw section; missing or {@code enabled = false} means no uplink (a lab or demo office)
     * @throws IllegalArgumentException listing every problem, one per line
     */
    public static Optional<UplinkConfig> parse(JsonNode section, String district, String office, String device,
                                               Path dataDir, Duration retention) {
        if (section == null || section.isMissingNode() || section.isNull() || !section.path("enabled").asBoolean(true)) {
            return Optional.empty();
        }
        List<String> problems = new ArrayList<>();
        if (!section.isObject()) {
            throw new IllegalArgumentException("uplink: must be a section ([uplink])");
        }
        for (Iterator<String> it = section.fieldNames(); it.hasNext(); ) {
            String k = it.next();
            if (!KEYS.contains(k)) {
                problems.add("uplink." + Sanitize.forLog(k, 40) + ": unknown key (check its spelling)");
            }
        }
        String broker = section.path("broker").asText("");
        UplinkConfig d = UplinkConfig.defaults(URI.create("tcp://127.0.0.1:1883"), district, office, device, null, dataDir);
        Duration keepAlive = duration(section, "keep_alive", d.keepAlive(), problems);
        Duration connect = duration(section, "connect_timeout", d.connectTimeout(), problems);
        Duration initial = duration(section, "reconnect_initial", d.backoffInitial(), problems);
        Duration max = duration(section, "reconnect_max", d.backoffMax(), problems);
        Duration heartbeat = duration(section, "heartbeat", d.heartbeatInterval(), problems);
        Duration lookup = duration(section, "lookup_timeout", d.lookupTimeout(), problems);
        int live = integer(section, "live_window", d.liveWindow(), problems);
        int backlog = integer(section, "backlog_window", d.backlogWindow(), problems);
        int rate = integer(section, "backlog_rate", d.backlogRatePerSecond(), problems);
        long minFreeMb = integer(section, "min_free_mb", (int) (d.minFreeBytes() >> 20), problems);
        long maxPending = integer(section, "max_pending_events", (int) d.maxPendingEvents(), problems);
        if (broker.isEmpty()) {
            problems.add("uplink.broker = (missing): expected ssl://host:8883");
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(String.join("\n", problems));
        }
        try {
            return Optional.of(new UplinkConfig(URI.create(broker), district, office, device, text(section, "username"),
                    path(section, "ca_file"), path(section, "client_keystore"), path(section, "secrets_file"),
                    keepAlive, connect, initial, max, live, backlog, rate, retention, heartbeat, lookup, dataDir,
                    minFreeMb << 20, maxPending));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("uplink: " + e.getMessage(), e);
        }
    }

    private static String text(JsonNode s, String key) {
        JsonNode v = s.get(key);
        return v == null || v.asText().isEmpty() ? null : v.asText();
    }

    private static Path path(JsonNode s, String key) {
        String t = text(s, key);
        return t == null ? null : Path.of(t);
    }

    private static int integer(JsonNode s, String key, int fallback, List<String> problems) {
        JsonNode v = s.get(key);
        if (v == null) {
            return fallback;
        }
        if (!v.canConvertToInt() || v.asInt() < 0) {
            problems.add("uplink." + key + " = '" + Sanitize.forLog(v.asText(), 40) + "': expected a whole number >= 0");
            return fallback;
        }
        return v.asInt();
    }

    /** Durations as the rest of the config writes them: 500ms, 90s, 15m, 2h, 30d. */
    static Duration duration(JsonNode s, String key, Duration fallback, List<String> problems) {
        JsonNode v = s.get(key);
        if (v == null) {
            return fallback;
        }
        Matcher m = DURATION.matcher(v.asText().strip());
        if (!m.matches()) {
            problems.add("uplink." + key + " = '" + Sanitize.forLog(v.asText(), 40) + "': expected a duration like 500ms, 30s, 5m");
            return fallback;
        }
        long n = Long.parseLong(m.group(1));
        return switch (m.group(2)) {
            case "ms" -> Duration.ofMillis(n);
            case "s" -> Duration.ofSeconds(n);
            case "m" -> Duration.ofMinutes(n);
            case "h" -> Duration.ofHours(n);
            default -> Duration.ofDays(n);
        };
    }
}
