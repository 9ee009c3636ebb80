package vn.motcua.appliance.uplink;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** A bounded LRU {@link DossierCache} in memory (tests, demo); lost on restart by design. */
public final class InMemoryDossierCache implements DossierCache {
    private final Map<String, Entry> entries;

    public InMemoryDossierCache(int capacity) {
        this.entries = new LinkedHashMap<>(16, 0.75f, true) {
            @Override protected boolean removeEldestEntry(Map.Entry<String, DossierCache.Entry> eldest) {
                return size() > capacity;
            }
        };
    }

    @Override
    public synchronized Optional<Entry> get(String slipCode) {
        return Optional.ofNullable(entries.get(slipCode));
    }

    @Override
    public synchronized void put(Dossier dossier, Instant fetchedAt) {
        entries.put(dossier.code(), new Entry(dossier, fetchedAt));
    }
}
