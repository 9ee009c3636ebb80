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
                "000.00.15.H29-261115-0101", new DossierAnswer("000.00.15.H29-261115-0101", true, DossierAnswer.Status.IN_PROGRESS,
                        "Phòng Tài nguyên và Môi trường", today.plusDays(5), null),
                "000.00.15.H29-261110-0102", new DossierAnswer("000.00.15.H29-261110-0102", true, DossierAnswer.Status.IN_PROGRESS,
                        "Phòng Quản lý đô thị", today.minusDays(3), null),
                "000.00.15.H29-261118-0103", new DossierAnswer("000.00.15.H29-261118-0103", true, DossierAnswer.Status.READY_FOR_PICKUP,
                        "Bộ phận Một cửa", today, null),
                "000.00.15.H29-261120-0104", new DossierAnswer("000.00.15.H29-261120-0104", true, DossierAnswer.Status.WAITING_FOR_DOCUMENTS,
                        "Phòng Tư pháp", today.plusDays(2), Duration.ofMinutes(42)));
    }

    @Override
    public CompletableFuture<DossierAnswer> lookup(String code) {
        return CompletableFuture.completedFuture(answers.getOrDefault(code, DossierAnswer.notFound(code)));
    }
}
