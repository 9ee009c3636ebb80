package vn.motcua.appliance.district;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

import vn.motcua.appliance.uplink.Dossier;
import vn.motcua.appliance.uplink.DossierAnswer;
import vn.motcua.appliance.uplink.MqttUplink;
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
    public CompletableFuture<vn.motcua.appliance.web.status.DossierAnswer> lookup(String code) {
        return uplink.lookup(code).thenApply(a -> switch (a.source()) {
            case FRESH, CACHED -> a.dossier().status() == Dossier.Status.NOT_FOUND
                    ? vn.motcua.appliance.web.status.DossierAnswer.notFound(code)
                    : new vn.motcua.appliance.web.status.DossierAnswer(code, true,
                            vn.motcua.appliance.web.status.DossierAnswer.Status.valueOf(a.dossier().status().name()),
                            a.dossier().department(), a.dossier().dueDate(),
                            a.source() == DossierAnswer.Source.CACHED ? a.age() : null);
            case INVALID_CODE -> vn.motcua.appliance.web.status.DossierAnswer.notFound(code);
            case UNAVAILABLE -> throw new CompletionException(new IllegalStateException("district unreachable"));
        });
    }
}
