package vn.motcua.appliance.web.reports;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;

import vn.motcua.appliance.domain.OfficeLayout;
import vn.motcua.appliance.domain.ServiceDef;
import vn.motcua.appliance.history.Grouping;

/**
 * How a report's row is named, Vietnamese first and English beside: a service by its names in the layout (its
 * code if it left the layout), a counter by number ("—" for tickets nobody finished), a clerk by full name and staff
 * id (the staff id alone when the accounts file gives no full name), an hour
 * as its span, a day as a date, a weekday by name. One place, so the page, the exports and the monthly report say
 * the same.
 */
public final class ReportLabels {
    public record Label(String vi, String en) {}

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");
    private static final String[] WEEKDAY_VI = {"Thứ Hai", "Thứ Ba", "Thứ Tư", "Thứ Năm", "Thứ Sáu", "Thứ Bảy", "Chủ Nhật"};
    private static final String[] WEEKDAY_EN = {"Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"};

    private final OfficeLayout layout;
    private final java.util.function.Function<String, String> fullName;

    public ReportLabels(OfficeLayout layout) {
        this(layout, id -> "");
    }

    /** @param fullName a staff id's full name from the accounts file, "" when it has none */
    public ReportLabels(OfficeLayout layout, java.util.function.Function<String, String> fullName) {
        this.layout = layout;
        this.fullName = fullName;
    }

    public Label of(Grouping grouping, Comparable<?> key) {
        return switch (grouping) {
            case SERVICE -> {
                ServiceDef s = layout.servicesByCode().get((String) key);
                yield s == null ? new Label((String) key, (String) key) : new Label(s.nameVi(), s.nameEn());
            }
            case COUNTER -> (Integer) key == 0 ? new Label("Chưa xong ở quầy nào", "Not finished at a counter")
                    : new Label("Quầy " + key, "Counter " + key);
            case CLERK -> ((String) key).isEmpty() ? new Label("Không có cán bộ", "No clerk") : clerk((String) key);
            case HOUR -> new Label(hours((Integer) key), hours((Integer) key));
            case DAY -> new Label(((LocalDate) key).format(DAY), ((LocalDate) key).toString());
            case WEEKDAY -> weekday(DayOfWeek.of((Integer) key));
        };
    }

    /** "Nguyễn Thị Lan (lan)" when the accounts file names the person, else the staff id alone. */
    private Label clerk(String staffId) {
        String name = fullName.apply(staffId);
        String text = name == null || name.isEmpty() ? staffId : name + " (" + staffId + ")";
        return new Label(text, text);
    }

    public static Label weekday(DayOfWeek d) {
        return new Label(WEEKDAY_VI[d.getValue() - 1], WEEKDAY_EN[d.getValue() - 1]);
    }

    /**
     * A wait or service time as the reports show it: minutes and seconds ("m:ss", "75:00" past the hour, so the
     * figures of a table compare at a glance), or "—" when nothing was measured (null).
     */
    public static String duration(Long seconds) {
        if (seconds == null) {
            return "—";
        }
        long s = Math.max(0, seconds);
        return String.format("%d:%02d", s / 60, s % 60);
    }

    private static String hours(int h) {
        return String.format("%02d:00–%02d:00", h, (h + 1) % 24);
    }
}
