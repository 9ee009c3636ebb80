package vn.motcua.appliance.web.reports;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import java.util.Map;

import org.junit.jupiter.api.Test;

import vn.motcua.appliance.TestOffices;
import vn.motcua.appliance.history.Grouping;

class ReportLabelsTest {
    private final ReportLabels labels = new ReportLabels(TestOffices.small(),
            id -> Map.of("minh", "Lê Văn Minh").getOrDefault(id, ""));

    @Test
    void aClerkIsNamedByFullNameAndStaffIdWhenTheAccountsFileHasOne() {
        assertEquals(new ReportLabels.Label("Lê Văn Minh (minh)", "Lê Văn Minh (minh)"), labels.of(Grouping.CLERK, "minh"));
        assertEquals(new ReportLabels.Label("lan", "lan"), labels.of(Grouping.CLERK, "lan"), "no full name: the id alone");
        assertEquals(new ReportLabels.Label("Không có cán bộ", "No clerk"), labels.of(Grouping.CLERK, ""));
    }

    @Test
    void countersHoursDaysAndWeekdaysAreNamedInBothLanguages() {
        assertEquals(new ReportLabels.Label("Quầy 3", "Counter 3"), labels.of(Grouping.COUNTER, 3));
        assertEquals("Chưa xong ở quầy nào", labels.of(Grouping.COUNTER, 0).vi());
        assertEquals("08:00–09:00", labels.of(Grouping.HOUR, 8).vi());
        assertEquals("23:00–00:00", labels.of(Grouping.HOUR, 23).en());
        assertEquals(new ReportLabels.Label("05/11/2026", "2026-11-05"), labels.of(Grouping.DAY, LocalDate.of(2026, 11, 5)));
        assertEquals(new ReportLabels.Label("Chủ Nhật", "Sunday"), labels.of(Grouping.WEEKDAY, 7));
        assertEquals(new ReportLabels.Label("gone", "gone"), labels.of(Grouping.SERVICE, "gone"), "a service no longer laid out");
    }
}
