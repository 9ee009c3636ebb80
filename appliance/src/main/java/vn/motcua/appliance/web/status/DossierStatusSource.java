package vn.motcua.appliance.web.status;

import java.util.concurrent.CompletableFuture;

/**
 * Where the status page asks about a dossier. The uplink's MQTT request/response lookup implements it in the
 * appliance; {@link FixtureDossierSource} does for tests and the demo. The future may complete exceptionally
 * (district unreachable and nothing cached); the page then says so.
 */
@FunctionalInterface
public interface DossierStatusSource {
    CompletableFuture<DossierAnswer> lookup(String code);
}
