package vn.motcua.appliance.district;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import vn.motcua.appliance.uplink.Dossier;
import vn.motcua.appliance.web.status.DossierAnswer;

/** What the district says of a dossier, as the status page shows it: each status to its own, not found to not found. */
class UplinkDossierSourceTest {
    private static final LocalDate DUE = LocalDate.of(2026, 3, 9);

    @Test
    void eachStatusTheDistrictSendsIsShownAsTheSameStatus() {
        for (Dossier.Status s : Dossier.Status.values()) {
            if (s == Dossier.Status.NOT_FOUND) {
                continue;
            }
            DossierAnswer a = UplinkDossierSource.answer("HS-1", new Dossier("HS-1", s, "Phòng Tư pháp", DUE, null),
                    Duration.ofMinutes(3));
            assertTrue(a.found(), s.toString());
            assertEquals(s.name(), a.status().name());
            assertEquals("Phòng Tư pháp", a.department());
            assertEquals(DUE, a.promisedDate());
            assertEquals(Duration.ofMinutes(3), a.cachedAge());
        }
    }

    @Test
    void aDossierTheDistrictDoesNotKnowIsNotFound() {
        DossierAnswer a = UplinkDossierSource.answer("HS-2", new Dossier("HS-2", Dossier.Status.NOT_FOUND, null, null,
                null), null);
        assertFalse(a.found());
        assertNull(a.status());
        assertEquals("HS-2", a.code());
    }
}
