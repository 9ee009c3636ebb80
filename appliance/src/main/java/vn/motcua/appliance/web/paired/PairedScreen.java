package vn.motcua.appliance.web.paired;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import vn.motcua.appliance.web.live.FeedScope;

/**
 * One screen paired over the LAN, as stored ({@code paired_screen}, V7): never its token, only the token's hash.
 *
 * @param services the services a display shows (empty: all)
 * @param counters the counters it shows: a counter-top screen's one counter; empty for a display of every counter
 * @param lastSeen when its token was last used (kept in memory, written now and then), or null
 * @param revokedAt when a manager revoked it, or null while it works
 */
public record PairedScreen(long id, String name, ScreenRole role, Set<String> services, Set<Integer> counters,
                           String tokenHash, Instant created, Instant lastSeen, Instant revokedAt, String revokedBy) {
    public PairedScreen {
        services = Set.copyOf(new TreeSet<>(services));
        counters = Set.copyOf(new TreeSet<>(counters));
    }

    public FeedScope scope() {
        return new FeedScope(services, counters);
    }

    public boolean revoked() {
        return revokedAt != null;
    }

    PairedScreen seen(Instant at) {
        return new PairedScreen(id, name, role, services, counters, tokenHash, created, at, revokedAt, revokedBy);
    }

    /** What the screen's own snapshot says about it: enough for the counter-top page to name its counter. */
    public Map<String, Object> about() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", name);
        m.put("role", role.word());
        m.put("services", new TreeSet<>(services));
        m.put("counters", new TreeSet<>(counters));
        return m;
    }
}
