package vn.motcua.appliance.web.reports;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import vn.motcua.appliance.domain.Priority;
import vn.motcua.appliance.history.Figures;
import vn.motcua.appliance.history.Histogram;

/**
 * The figure columns of an export, the same in the XLSX sheets and the CSV files, in the order of
 * {@link Figures#asMap()}: counts as whole numbers, times in whole seconds (the reports API's unit, so a number in a
 * sheet equals the one on the page and in {@code day.summary}), the average rating to two decimals. A time or rating
 * with nothing measured is no value at all (an empty cell), never 0, so an average in Excel does not count it.
 */
public final class ExportColumns {
    /**
     * One column: its header in Vietnamese and English, and its value for a row's figures (an Integer, a Long, a
     * Double, or null for "nothing measured").
     */
    public record Column(String vi, String en, Function<Figures, Number> value) {}

    /** Every figure column. */
    public static final List<Column> ALL = columns();

    private ExportColumns() {}

    private static List<Column> columns() {
        List<Column> c = new ArrayList<>();
        c.add(new Column("Số phiếu cấp", "Issued", Figures::issued));
        for (Priority p : Priority.values()) {
            c.add(new Column("Cấp – " + p.nameVi(), "Issued – " + p.nameEn(), f -> f.issued(p)));
        }
        c.add(new Column("Đã gọi", "Called", Figures::called));
        c.add(new Column("Đã phục vụ", "Served", Figures::served));
        c.add(new Column("Vắng mặt", "No-shows", Figures::noShows));
        c.add(new Column("Hết hạn", "Expired", Figures::expired));
        c.add(new Column("Đã chuyển", "Transferred", Figures::transferred));
        c.add(new Column("Tạm gác", "Parked", Figures::parked));
        c.add(new Column("Chờ quá ngưỡng", "Waits over the alert limit", Figures::breaches));
        times(c, "chờ", "wait", Figures::waits);
        times(c, "phục vụ", "service", Figures::serviceTimes);
        c.add(new Column("Số lượt đánh giá", "Ratings", Figures::ratingCount));
        String[] vi = {"Rất hài lòng", "Hài lòng", "Chưa hài lòng", "Không hài lòng"};
        String[] en = {"Very satisfied", "Satisfied", "Not quite satisfied", "Not satisfied"};
        for (int i = 0; i < 4; i++) {
            int score = i;
            c.add(new Column("Đánh giá " + (i + 1) + " – " + vi[i], "Rating " + (i + 1) + " – " + en[i],
                    f -> f.ratings()[score]));
        }
        c.add(new Column("Điểm đánh giá trung bình (1 tốt nhất)", "Average rating (1 is best)", Figures::averageRating));
        c.add(new Column("Lịch hẹn", "Appointments booked", Figures::booked));
        c.add(new Column("Lịch hẹn đã đến", "Appointments checked in", Figures::checkedIn));
        c.add(new Column("Lịch hẹn đến đúng giờ", "Appointments on time", Figures::bookedOnTime));
        c.add(new Column("Lịch hẹn vắng mặt", "Appointment no-shows", Figures::bookingNoShows));
        return List.copyOf(c);
    }

    private static void times(List<Column> c, String vi, String en, Function<Figures, Histogram> of) {
        c.add(new Column("Thời gian " + vi + " trung bình (giây)", "Average " + en + " (s)",
                f -> measured(of.apply(f), h -> h.average())));
        c.add(new Column("Thời gian " + vi + " trung vị (giây)", "Median " + en + " (s)",
                f -> measured(of.apply(f), h -> h.percentile(0.5))));
        c.add(new Column("Thời gian " + vi + " P90 (giây)", "90th percentile " + en + " (s)",
                f -> measured(of.apply(f), h -> h.percentile(0.9))));
        c.add(new Column("Thời gian " + vi + " dài nhất (giây)", "Longest " + en + " (s)",
                f -> measured(of.apply(f), h -> h.max())));
    }

    private static Number measured(Histogram h, Function<Histogram, Number> figure) {
        return h.count() == 0 ? null : figure.apply(h);
    }
}
