package vn.motcua.appliance.web.reports;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import vn.motcua.appliance.history.Cell;
import vn.motcua.appliance.history.Figures;
import vn.motcua.appliance.history.Grouping;
import vn.motcua.appliance.history.Period;
import vn.motcua.appliance.history.Report;

/**
 * The monthly report an office files upward, as data: the office, the month, a line per service and per clerk and
 * the month's total, and the day it was prepared. One model, two renderers ({@link MonthlyReportPage} for the
 * print-ready A4 page, {@link MonthlyReportPdf} for the PDF), so the two never disagree. Clerks are named by staff
 * id; nothing here comes from a ticket, only from the day cells.
 */
public record MonthlyReport(String officeVi, String officeEn, YearMonth month, List<Line> services,
                            List<Line> clerks, Line total, LocalDate prepared) {

    /**
     * A line's figures, as {@link Figures} defines them: issued, served, no-shows, the average and longest wait
     * (seconds, null when nobody was called), the ratings given by score (index 0 = score 1, very satisfied) and
     * their mean (null when nobody rated); and the month's bookings: booked, checked in, on time, booking no-shows.
     */
    public record Line(String name, int issued, int served, int noShows, Long averageWait, Integer longestWait,
                       int[] ratings, int ratingCount, Double averageRating, int booked, int checkedIn,
                       int bookedOnTime, int bookingNoShows) {
        static Line of(String name, Figures f) {
            boolean waited = f.waits().count() > 0;
            return new Line(name, f.issued(), f.served(), f.noShows(), waited ? f.waits().average() : null,
                    waited ? f.waits().max() : null, f.ratings(), f.ratingCount(), f.averageRating(), f.booked(),
                    f.checkedIn(), f.bookedOnTime(), f.bookingNoShows());
        }
    }

    /** The report of {@code month}, from its cells (a {@link vn.motcua.appliance.history.FigureSource}'s). */
    public static MonthlyReport of(String officeVi, String officeEn, YearMonth month, List<Cell> cells,
                                   ReportLabels labels, LocalDate prepared) {
        Period period = Period.of(Period.Kind.MONTH, month.atDay(1));
        Report byService = Report.of(period, Grouping.SERVICE, cells, List.of());
        Report byClerk = Report.of(period, Grouping.CLERK, cells, List.of());
        return new MonthlyReport(officeVi, officeEn, month, lines(byService, labels), lines(byClerk, labels),
                Line.of("Tổng cộng", byService.total()), prepared);
    }

    private static List<Line> lines(Report r, ReportLabels labels) {
        List<Line> out = new ArrayList<>();
        for (Report.Row row : r.rows()) {
            out.add(Line.of(labels.of(r.grouping(), row.key()).vi(), row.figures()));
        }
        return List.copyOf(out);
    }

    /** The table's columns, Vietnamese heading and English beside it; the first names the line. */
    public static final List<ReportLabels.Label> COLUMNS = List.of(
            new ReportLabels.Label("Số phiếu cấp", "Issued"),
            new ReportLabels.Label("Đã phục vụ", "Served"),
            new ReportLabels.Label("Vắng mặt", "No-shows"),
            new ReportLabels.Label("Chờ trung bình (phút:giây)", "Average wait"),
            new ReportLabels.Label("Chờ lâu nhất (phút:giây)", "Longest wait"),
            new ReportLabels.Label("Lượt đánh giá", "Ratings"),
            new ReportLabels.Label("Rất hài lòng", "Very satisfied"),
            new ReportLabels.Label("Hài lòng", "Satisfied"),
            new ReportLabels.Label("Chưa hài lòng", "Not quite"),
            new ReportLabels.Label("Không hài lòng", "Not satisfied"),
            new ReportLabels.Label("Điểm trung bình (1 tốt nhất)", "Average rating (1 best)"));

    /**
     * The appointments table's columns (issue 19): a table of its own, by service only, because a booking has no
     * clerk, and the ticket table's thirteen columns already fill an A4 landscape line.
     */
    public static final List<ReportLabels.Label> BOOKING_COLUMNS = List.of(
            new ReportLabels.Label("Số lịch hẹn", "Booked"),
            new ReportLabels.Label("Đã đến", "Checked in"),
            new ReportLabels.Label("Đến đúng giờ", "On time"),
            new ReportLabels.Label("Vắng mặt", "No-shows"));

    /**
     * The services with appointments booked in the month, for the appointments table; empty when the office had none
     * (the table is then left out: an office that takes no bookings files no table of zeros).
     */
    public List<Line> bookedServices() {
        return services.stream().filter(l -> l.booked() > 0).toList();
    }

    /** A line's cells under {@link #BOOKING_COLUMNS}, as both renderers print them. */
    public static List<String> bookingCells(Line l) {
        return List.of(Integer.toString(l.booked()), Integer.toString(l.checkedIn()),
                Integer.toString(l.bookedOnTime()), Integer.toString(l.bookingNoShows()));
    }

    /** A line's cells under {@link #COLUMNS}, as both renderers print them. */
    public static List<String> cells(Line l) {
        List<String> c = new ArrayList<>();
        c.add(Integer.toString(l.issued()));
        c.add(Integer.toString(l.served()));
        c.add(Integer.toString(l.noShows()));
        c.add(minutes(l.averageWait()));
        c.add(minutes(l.longestWait()));
        c.add(Integer.toString(l.ratingCount()));
        for (int n : l.ratings()) {
            c.add(Integer.toString(n));
        }
        c.add(rating(l.averageRating()));
        return c;
    }

    /** The month as the form writes it: "tháng 11 năm 2026". */
    public String monthVi() {
        return "tháng " + month.getMonthValue() + " năm " + month.getYear();
    }

    /** The first and last day: "từ ngày 01/11/2026 đến ngày 30/11/2026". */
    public String rangeVi() {
        return "từ ngày " + dmy(month.atDay(1)) + " đến ngày " + dmy(month.atEndOfMonth());
    }

    /** The signature block's date line, a place left blank for the office to write: "…, ngày 06 tháng 12 năm 2026". */
    public String dateLineVi() {
        return "…………, ngày " + String.format(Locale.ROOT, "%02d", prepared.getDayOfMonth()) + " tháng "
                + String.format(Locale.ROOT, "%02d", prepared.getMonthValue()) + " năm " + prepared.getYear();
    }

    /** A time as minutes and seconds ("12:05"), or "—" when nothing was measured. */
    public static String minutes(Number seconds) {
        if (seconds == null) {
            return "—";
        }
        long s = seconds.longValue();
        return String.format(Locale.ROOT, "%d:%02d", s / 60, s % 60);
    }

    /** A mean rating to two decimals, Vietnamese style ("1,75"), or "—". */
    public static String rating(Double r) {
        return r == null ? "—" : String.format(Locale.ROOT, "%.2f", r).replace('.', ',');
    }

    private static String dmy(LocalDate d) {
        return String.format(Locale.ROOT, "%02d/%02d/%d", d.getDayOfMonth(), d.getMonthValue(), d.getYear());
    }
}
