package vn.motcua.appliance.web.paired;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongConsumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import vn.motcua.appliance.store.QueueStore;

/**
 * The screens paired over the LAN: stored in H2 ({@link PairedScreenRows}), and the working ones also held in memory
 * by token hash, so checking a screen's cookie on every request costs a hash and a map lookup, never a query. A
 * revoked screen leaves the map at once and {@code onRevoke} ends its open live feed streams, so it is cut off within
 * the moment the manager presses the button, not at its next request. When each screen was last seen is kept in
 * memory and written at most every {@link #SEEN_WRITE_EVERY} (a display asks every few seconds; the SD card need
 * not hear of each).
 */
public final class PairedScreens {
    private static final Logger log = LoggerFactory.getLogger(PairedScreens.class);
    static final Duration SEEN_WRITE_EVERY = Duration.ofMinutes(1);
    /** Screens working at once: far more than an office's walls and counters, and a bound on the map. */
    static final int MAX_SCREENS = 200;

    private final QueueStore store;
    private final Clock clock;
    private final LongConsumer onRevoke;
    private final Map<String, PairedScreen> working = new ConcurrentHashMap<>();
    private final Map<Long, Instant> seenWritten = new ConcurrentHashMap<>();

    /** @param onRevoke told a revoked screen's id: ends its live feed streams */
    public PairedScreens(QueueStore store, Clock clock, LongConsumer onRevoke) {
        this.store = store;
        this.clock = clock;
        this.onRevoke = onRevoke;
        for (PairedScreen s : store.withConnection(PairedScreenRows::all)) {
            if (!s.revoked()) {
                working.put(s.tokenHash(), s);
            }
        }
        log.info("{} paired screens working", working.size());
    }

    /** The working screen whose token this is, marked seen now; empty for anything else (revoked, unknown, malformed). */
    public Optional<PairedScreen> byToken(String token) {
        if (!ScreenTokens.wellFormed(token)) {
            return Optional.empty();
        }
        String hash = ScreenTokens.hash(token);
        PairedScreen s = working.get(hash);
        if (s == null) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        PairedScreen seen = s.seen(now);
        working.replace(hash, s, seen); // a revoke meanwhile wins: replace only what is still there
        return Optional.of(seen);
    }

    /**
     * Marks the screens with a live feed stream open as seen now (from the scheduler, with the feed's heartbeat): a
     * display shows its feed for days without another request, and the manager's "last seen" should still be now.
     */
    public void seenNow(Set<Long> online) {
        if (online.isEmpty()) {
            return;
        }
        Instant now = clock.instant();
        for (Map.Entry<String, PairedScreen> e : working.entrySet()) {
            if (online.contains(e.getValue().id())) {
                working.replace(e.getKey(), e.getValue(), e.getValue().seen(now));
            }
        }
    }

    /** A new screen, stored; its token, to be handed to the screen once and never kept. */
    public Paired pair(String name, ScreenRole role, Set<String> services, Set<Integer> counters) {
        if (working.size() >= MAX_SCREENS) {
            throw new IllegalStateException("already " + MAX_SCREENS + " screens paired");
        }
        String token = ScreenTokens.fresh();
        String hash = ScreenTokens.hash(token);
        Instant now = clock.instant();
        long id = store.withConnection(c -> PairedScreenRows.insert(c, name, role, services, counters, hash, now));
        durable();
        PairedScreen s = new PairedScreen(id, name, role, services, counters, hash, now, null, null, null);
        working.put(hash, s);
        log.info("Screen {} paired: \"{}\", {}, services {}, counters {}", id, name, role.word(), services, counters);
        return new Paired(s, token);
    }

    /**
     * Merges the screens provisioning enrolled ({@link EnrolledScreensFile}) into the store, by token hash: a hash
     * the store holds already (working, or revoked by a manager) is left as it is, so reading the same file at every
     * start changes nothing, and a manager's revoke is never undone by the file. How many were new.
     */
    public int enrol(List<EnrolledScreensFile.Enrolment> screens) {
        Set<String> known = new java.util.HashSet<>();
        store.withConnection(PairedScreenRows::all).forEach(s -> known.add(s.tokenHash()));
        int added = 0;
        for (EnrolledScreensFile.Enrolment e : screens) {
            if (!known.add(e.tokenHash())) {
                continue;
            }
            if (working.size() >= MAX_SCREENS) {
                log.warn("Enrolled screen \"{}\" not added: already {} screens paired", e.name(), MAX_SCREENS);
                continue;
            }
            Instant now = clock.instant();
            long id = store.withConnection(c -> PairedScreenRows.insert(c, e.name(), e.role(), e.services(),
                    e.counters(), e.tokenHash(), now));
            working.put(e.tokenHash(), new PairedScreen(id, e.name(), e.role(), e.services(), e.counters(),
                    e.tokenHash(), now, null, null, null));
            log.info("Screen {} enrolled by provisioning: \"{}\", {}, services {}, counters {}", id, e.name(),
                    e.role().word(), e.services(), e.counters());
            added++;
        }
        return added;
    }

    /** A screen just paired and the token its browser gets. */
    public record Paired(PairedScreen screen, String token) {}

    /** Revokes a working screen: refused from now on, its streams ended. False when there is no such working screen. */
    public boolean revoke(long id, String by) {
        Optional<PairedScreen> was = working.values().stream().filter(s -> s.id() == id).findFirst();
        boolean done = store.withConnection(c -> {
            if (was.isPresent() && was.get().lastSeen() != null) { // kept for the list: memory forgets it now
                PairedScreenRows.lastSeen(c, id, was.get().lastSeen());
            }
            return PairedScreenRows.revoke(c, id, by, clock.instant());
        });
        working.values().removeIf(s -> s.id() == id);
        if (done) {
            durable();
            onRevoke.accept(id);
            log.info("Screen {} revoked by {}", id, by);
        }
        return done;
    }

    /**
     * A pairing or a revocation is made durable at once (a proven checkpoint, as the district's bookings are): H2
     * writes behind by up to 30 s and these rows are not in the commit journal, so without it a power cut soon after
     * would forget a satellite's token (it could take no ticket until paired again) or bring a revoked screen back.
     * Rare (a manager's click), so the checkpoint's cost does not matter.
     */
    private void durable() {
        try {
            store.checkpoint();
        } catch (java.sql.SQLException e) {
            throw new vn.motcua.appliance.store.StoreException("paired screens could not be made durable", e);
        }
    }

    /** Every screen ever paired, with when each was last seen as known in memory. */
    public List<PairedScreen> all() {
        Map<Long, Instant> seen = new java.util.HashMap<>();
        working.values().forEach(s -> {
            if (s.lastSeen() != null) {
                seen.put(s.id(), s.lastSeen());
            }
        });
        return store.withConnection(PairedScreenRows::all).stream()
                .map(s -> seen.containsKey(s.id()) ? s.seen(seen.get(s.id())) : s).toList();
    }

    /** Writes the last-seen times that moved on by more than {@link #SEEN_WRITE_EVERY} (from the scheduler). */
    public void writeLastSeen() {
        for (PairedScreen s : working.values()) {
            Instant at = s.lastSeen();
            Instant written = seenWritten.get(s.id());
            if (at != null && (written == null || Duration.between(written, at).compareTo(SEEN_WRITE_EVERY) >= 0)) {
                store.withConnection(c -> {
                    PairedScreenRows.lastSeen(c, s.id(), at);
                    return null;
                });
                seenWritten.put(s.id(), at);
            }
        }
    }

    /** The screens paired and not revoked, as known in memory (last seen included). */
    public List<PairedScreen> working() {
        return List.copyOf(working.values());
    }

    public int workingCount() {
        return working.size();
    }
}
