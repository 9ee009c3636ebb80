package vn.motcua.tests.district;

import java.time.LocalDate;
import java.util.Map;
import vn.motcua.appliance.uplink.Dossier;
import vn.motcua.appliance.uplink.Dossier.Status;

/** The stand-in's dossiers: one of each status a resident can meet. Slip codes are made up. */
public final class DossierFixture {
    private DossierFixture() {}

    public static final Map<String, Dossier> DOSSIERS = Map.of(
            "HS-2026-000101", new Dossier("HS-2026-000101", Status.RECEIVED, null, LocalDate.of(2026, 12, 5), null),
            "HS-2026-000102", new Dossier("HS-2026-000102", Status.IN_PROGRESS, "Phòng Tài nguyên và Môi trường",
                    LocalDate.of(2026, 11, 28), null),
            "HS-2026-000103", new Dossier("HS-2026-000103", Status.WAITING_FOR_DOCUMENTS, "Bộ phận một cửa",
                    null, "Cần bổ sung bản sao sổ hộ khẩu / copy of household registration needed"),
            "HS-2026-000104", new Dossier("HS-2026-000104", Status.READY_FOR_PICKUP, null, LocalDate.of(2026, 11, 20), null),
            "HS-2026-000105", new Dossier("HS-2026-000105", Status.RETURNED_LATE, "Phòng Tư pháp",
                    LocalDate.of(2026, 11, 10), "Trả chậm 7 ngày, xin lỗi / returned 7 days late, we apologise"));

    /** What the server answers for a code it does not hold. */
    public static Dossier lookup(String code) {
        return DOSSIERS.getOrDefault(code, new Dossier(code, Status.NOT_FOUND, null, null, null));
    }
}
