package vn.motcua.appliance.web.status;

import java.time.Duration;
import java.time.LocalDate;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/** A few fixed dossiers, for tests and the demo, until the uplink's lookup is wired in. */
public final class FixtureDossierSource implements DossierStatusSource {
    private final Map<String, DossierAnswer> answers;

    public FixtureDossierSource(LocalDate today) {
        answers = Map.of(
                "HS-2026-000101", new DossierAnswer("HS-2026-000101", true, DossierAnswer.Status.IN_PROGRESS,
                        "Phòng Tài nguyên và Môi trường", today.plusDays(5), null),
                "HS-2026-000102", new DossierAnswer("HS-2026-000102", true, DossierAnswer.Status.IN_PROGRESS,
                        "Phòng Quản lý đô thị", today.minusDays(3), null),
                "HS-2026-000103", new DossierAnswer("HS-2026-000103", true, DossierAnswer.Status.READY_FOR_PICKUP,
                        "Bộ phận Một cửa", today, null),
                "HS-2026-000104", new DossierAnswer("HS-2026-000104", true, DossierAnswer.Status.WAITING_FOR_DOCUMENTS,
                        "Phòng Tư pháp", today.plusDays(2), Duration.ofMinutes(42)));
    }

    @Override
    public CompletableFuture<DossierAnswer> lookup(String code) {
        return CompletableFuture.completedFuture(answers.getOrDefault(code, DossierAnswer.notFound(code)));
    }
}
