package vn.motcua.appliance.web.reports;

import java.time.DayOfWeek;
import java.time.LocalDate;

import vn.motcua.appliance.history.Grouping;

/**
 * The first three columns of an export's row, naming what the row is: the group's own key (a service code, a
 * counter number, a staff id, an hour 0-23, a date, an ISO weekday 1 = Monday) as a typed value, then its name in
 * Vietnamese and English from {@link ReportLabels}; a day is named by its weekday, the date being the key. A clerk
 * is named by staff id only: no resident appears in any export.
 */
public final class ExportKeys {
    /** The key column's header, Vietnamese then English. */
    public static ReportLabels.Label header(Grouping g) {
        return switch (g) {
            case SERVICE -> new ReportLabels.Label("Mã dịch vụ", "Service code");
            case COUNTER -> new ReportLabels.Label("Số quầy (0 = chưa xong ở quầy nào)", "Counter (0 = none)");
            case CLERK -> new ReportLabels.Label("Mã cán bộ", "Staff id");
            case HOUR -> new ReportLabels.Label("Giờ cấp số (0-23)", "Hour of issue (0-23)");
            case DAY -> new ReportLabels.Label("Ngày", "Date");
            case WEEKDAY -> new ReportLabels.Label("Thứ (1 = Thứ Hai)", "ISO weekday (1 = Monday)");
        };
    }

    public static final ReportLabels.Label NAME_VI = new ReportLabels.Label("Tên (tiếng Việt)", "Name (Vietnamese)");
    public static final ReportLabels.Label NAME_EN = new ReportLabels.Label("Tên (tiếng Anh)", "Name (English)");

    private final ReportLabels labels;

    public ExportKeys(ReportLabels labels) {
        this.labels = labels;
    }

    /** The row's name, Vietnamese and English. */
    public ReportLabels.Label name(Grouping g, Comparable<?> key) {
        return g == Grouping.DAY ? ReportLabels.weekday(((LocalDate) key).getDayOfWeek()) : labels.of(g, key);
    }

    /** Checks a key is of the type its column holds (String, Integer or LocalDate), for the writers' switch. */
    static Object typed(Grouping g, Comparable<?> key) {
        return switch (g) {
            case SERVICE, CLERK -> (String) key;
            case COUNTER, HOUR -> (Integer) key;
            case DAY -> (LocalDate) key;
            case WEEKDAY -> DayOfWeek.of((Integer) key).getValue();
        };
    }
}
