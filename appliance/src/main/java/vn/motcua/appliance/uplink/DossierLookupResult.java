package vn.motcua.appliance.uplink;

import java.time.Duration;

/**
 * What a dossier lookup at the district gave, and from where (the status page shows it as a
 * {@link vn.motcua.appliance.web.status.DossierAnswer}). {@code FRESH}: just answered by the server;
 * {@code CACHED}: the server could not be asked, this is the last answer and its {@code age};
 * {@code UNAVAILABLE}: nothing known, show {@code messageVi}/{@code messageEn}; {@code INVALID_CODE}:
 * the scanned text is not a slip code.
 */
public record DossierLookupResult(Source source, Dossier dossier, Duration age, String messageVi, String messageEn) {

    public enum Source { FRESH, CACHED, UNAVAILABLE, INVALID_CODE }

    public static final String UNREACHABLE_VI =
            "Không kết nối được máy chủ của huyện, xin vui lòng hỏi tại quầy.";
    public static final String UNREACHABLE_EN =
            "Cannot reach the district server, please ask at the counter.";

    public static DossierLookupResult fresh(Dossier d) {
        return new DossierLookupResult(Source.FRESH, d, Duration.ZERO, null, null);
    }

    public static DossierLookupResult cached(Dossier d, Duration age) {
        return new DossierLookupResult(Source.CACHED, d, age, null, null);
    }

    public static DossierLookupResult unavailable() {
        return new DossierLookupResult(Source.UNAVAILABLE, null, null, UNREACHABLE_VI, UNREACHABLE_EN);
    }

    public static DossierLookupResult invalidCode() {
        return new DossierLookupResult(Source.INVALID_CODE, null, null,
                "Mã trên giấy hẹn không hợp lệ, xin vui lòng hỏi tại quầy.",
                "This is not a valid appointment-slip code, please ask at the counter.");
    }
}
