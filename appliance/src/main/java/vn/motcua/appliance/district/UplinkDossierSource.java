package vn.motcua.appliance.district;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

import vn.motcua.appliance.uplink.Dossier;
import vn.motcua.appliance.uplink.MqttUplink;
import vn.motcua.appliance.web.status.DossierAnswer;
import vn.motcua.appliance.web.status.DossierStatusSource;

/**
 * The status page's dossiers, asked of the district over the uplink: a fresh answer, else the cached one with
 * its age; when neither exists the page says it cannot look it up now.
 */
public final class UplinkDossierSource implements DossierStatusSource {
    private final MqttUplink uplink;

    public UplinkDossierSource(MqttUplink uplink) {
        this.uplink = uplink;
    }

    /** Without a district link there is nothing to ask: the page says so at once. */
    public static DossierStatusSource unavailable() {
        return code -> CompletableFuture.failedFuture(new IllegalStateException("no district link configured"));
    }

    @Override
    public CompletableFuture<DossierAnswer> lookup(String code) {
        return uplink.lookup(code).thenApply(a -> switch (a.source()) {
            case FRESH -> answer(code, a.dossier(), null);
            case CACHED -> answer(code, a.dossier(), a.age());
            case INVALID_CODE -> DossierAnswer.notFound(code);
            case UNAVAILABLE -> throw new CompletionException(new IllegalStateException("district unreachable"));
        });
    }

    /** @param cachedAge null when fresh from the district */
    static DossierAnswer answer(String code, Dossier d, Duration cachedAge) {
        return switch (d.status()) {
            case NOT_FOUND -> DossierAnswer.notFound(code);
            case RECEIVED -> found(code, d, DossierAnswer.Status.RECEIVED, cachedAge);
            case IN_PROGRESS -> found(code, d, DossierAnswer.Status.IN_PROGRESS, cachedAge);
            case WAITING_FOR_DOCUMENTS -> found(code, d, DossierAnswer.Status.WAITING_FOR_DOCUMENTS, cachedAge);
            case READY_FOR_PICKUP -> found(code, d, DossierAnswer.Status.READY_FOR_PICKUP, cachedAge);
            case RETURNED_LATE -> found(code, d, DossierAnswer.Status.RETURNED_LATE, cachedAge);
        };
    }

    private static DossierAnswer found(String code, Dossier d, DossierAnswer.Status status, Duration cachedAge) {
        return new DossierAnswer(code, true, status, d.department(), d.dueDate(), cachedAge);
    }
}
