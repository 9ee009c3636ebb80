package vn.motcua.appliance.uplink;

import java.time.Instant;
import java.util.Optional;

/**
 * Port: remembered lookup answers, so a resident still sees something (with its age) while the
 * district link is down. The appliance's H2 store implements it; {@link InMemoryDossierCache} is
 * the bounded in-memory version for tests and the demo.
 */
public interface DossierCache {

    record Entry(Dossier dossier, Instant fetchedAt) {}

    Optional<Entry> get(String slipCode);

    void put(Dossier dossier, Instant fetchedAt);
}
