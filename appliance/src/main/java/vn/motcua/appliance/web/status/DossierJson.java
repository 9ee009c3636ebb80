package vn.motcua.appliance.web.status;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;

/** One dossier answer as the kiosk shows it: the same facts and wording as {@link StatusHtml#answer}. */
final class DossierJson {
    private DossierJson() {}

    static Map<String, Object> of(DossierAnswer a, LocalDate today, DateTimeFormatter dates) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("code", a.code());
        m.put("found", a.found());
        if (!a.found()) {
            m.put("message_vi", "Không tìm thấy hồ sơ " + a.code());
            m.put("message_en", "No dossier " + a.code() + " found");
            return m;
        }
        m.put("status", a.status().name());
        m.put("status_vi", a.status().vi);
        m.put("status_en", a.status().en);
        m.put("department", a.department());
        m.put("promised", a.promisedDate() == null ? null : dates.format(a.promisedDate()));
        m.put("late", a.late(today));
        m.put("cached_minutes", a.cachedAge() == null ? null : a.cachedAge().toMinutes());
        return m;
    }
}
