package vn.motcua.appliance;

import java.util.List;

import vn.motcua.appliance.domain.CounterDef;
import vn.motcua.appliance.domain.OfficeLayout;
import vn.motcua.appliance.domain.OpeningHours;
import vn.motcua.appliance.domain.QueueRules;
import vn.motcua.appliance.domain.ServiceDef;

/** Small offices for tests outside the domain package. */
public final class TestOffices {
    private TestOffices() {}

    /** Two services, three counters, open around the clock. */
    public static OfficeLayout small() {
        return new OfficeLayout(
                List.of(new ServiceDef("ho-tich", "Hộ tịch", "Civil status", 'A', 1, 999, 0, OpeningHours.always()),
                        new ServiceDef("dat-dai", "Đất đai", "Land", 'B', 1, 999, 0, OpeningHours.always())),
                List.of(new CounterDef(1, "Quầy 1", List.of("ho-tich", "dat-dai")),
                        new CounterDef(2, "Quầy 2", List.of("dat-dai")),
                        new CounterDef(3, "Quầy 3", List.of("ho-tich"))),
                QueueRules.defaults());
    }
}
