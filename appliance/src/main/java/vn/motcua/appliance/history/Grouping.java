package vn.motcua.appliance.history;

import java.util.function.Function;

/** What a report's rows are: one per service, counter, clerk, hour of day, day, or weekday. */
public enum Grouping {
    SERVICE("Dịch vụ", "Service", k -> k.service()),
    COUNTER("Quầy", "Counter", k -> k.counter()),
    CLERK("Cán bộ", "Clerk", k -> k.staffId()),
    HOUR("Giờ trong ngày", "Hour of day", k -> k.hour()),
    DAY("Ngày", "Day", k -> k.day()),
    WEEKDAY("Thứ trong tuần", "Weekday", k -> k.day().getDayOfWeek().getValue());

    public final String vi;
    public final String en;
    /** The row a cell counts in: a String, an Integer or a LocalDate, compared as such. */
    public final Function<CellKey, Comparable<?>> key;

    Grouping(String vi, String en, Function<CellKey, Comparable<?>> key) {
        this.vi = vi;
        this.en = en;
        this.key = key;
    }
}
