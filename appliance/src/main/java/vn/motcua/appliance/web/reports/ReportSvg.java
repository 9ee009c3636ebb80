package vn.motcua.appliance.web.reports;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import vn.motcua.appliance.history.Figures;
import vn.motcua.appliance.history.Report;

/**
 * The reports page's charts, drawn on the server as SVG (no chart library, nothing from the internet): issued and
 * served per group, the day-by-day trend of issued and average wait, and the hour × weekday heat map of arrivals or
 * of average waits. Colours meet WCAG AA against white (bars and lines at least 3:1, text at least 4.5:1); a
 * heat-map cell's number is black or white, whichever reads on its shade ({@link Contrast#textOn}).
 */
public final class ReportSvg {
    static final String ISSUED = "#0b2e59";  // navy, 13.9:1 on white
    static final String SERVED = "#1b7f3b";  // green, 5.3:1 on white
    static final String WAIT = "#c8102e";    // red, 5.9:1 on white
    static final String LOW = "#eef2f8";     // the heat map's lightest shade (a little, not nothing)
    static final String HIGH = "#0b2e59";
    static final String EMPTY = "#ffffff";
    static final String GRID = "#767f8c";    // 4.0:1 on white: axes read as lines
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM");
    private static final int WIDTH = 900;

    private ReportSvg() {}

    /** What the heat map shows. */
    public enum Measure { ARRIVALS, WAITS }

    /** Issued and served per group, one pair of horizontal bars a row, the number beside each bar. */
    public static String groups(Report report, ReportLabels labels) {
        List<Report.Row> rows = report.rows();
        int rowHeight = 40;
        int top = 50;
        int height = top + Math.max(1, rows.size()) * rowHeight + 20;
        Svg svg = new Svg(WIDTH, height, "Số phiếu và đã phục vụ theo " + report.grouping().vi.toLowerCase(),
                "Issued and served by " + report.grouping().en.toLowerCase())
                .desc(period(report));
        legend(svg, 20, 20, ISSUED, "Số phiếu / Issued", SERVED, "Đã phục vụ / Served");
        int max = rows.stream().mapToInt(r -> Math.max(r.figures().issued(), r.figures().served())).max().orElse(0);
        double labelWidth = 300;
        double barSpace = WIDTH - labelWidth - 80;
        if (rows.isEmpty()) {
            svg.text(20, top + 24, "Không có số liệu trong kỳ này / No figures in this period", Svg.INK, "start", false);
        }
        for (int i = 0; i < rows.size(); i++) {
            Report.Row r = rows.get(i);
            ReportLabels.Label l = labels.of(report.grouping(), r.key());
            double y = top + i * rowHeight;
            svg.text(20, y + 20, shorten(l.vi(), 38), Svg.INK, "start", false);
            bar(svg, labelWidth, y + 4, barSpace, r.figures().issued(), max, ISSUED, l.vi() + " / " + l.en() + ": "
                    + r.figures().issued() + " phiếu / issued");
            bar(svg, labelWidth, y + 19, barSpace, r.figures().served(), max, SERVED, l.vi() + " / " + l.en() + ": "
                    + r.figures().served() + " đã phục vụ / served");
        }
        svg.line(labelWidth, top - 4, labelWidth, top + Math.max(1, rows.size()) * rowHeight, GRID, 1);
        return svg.end();
    }

    private static void bar(Svg svg, double x, double y, double space, int value, int max, String fill, String tip) {
        double w = max == 0 ? 0 : space * value / max;
        svg.rect(x, y, Math.max(w, value > 0 ? 2 : 0), 13, fill, tip);
        svg.text(x + w + 6, y + 11, Integer.toString(value), Svg.INK, "start", false);
    }

    /**
     * Two panels over the period's days: tickets issued each day (bars) and the day's average wait (a line, a gap
     * where nobody was called). Each day's numbers are written when the period is a month or less.
     */
    public static String trend(Report report, Report byDay) {
        Map<LocalDate, Figures> days = ReportPeriods.byDay(byDay);
        List<LocalDate> all = new ArrayList<>();
        for (LocalDate d = report.period().from(); !d.isAfter(report.period().to()); d = d.plusDays(1)) {
            all.add(d);
        }
        int n = all.size();
        boolean numbers = n <= 31;
        double left = 70;
        double plot = WIDTH - left - 20;
        double step = plot / n;
        double issuedTop = 50;
        double issuedHeight = 150;
        double waitTop = issuedTop + issuedHeight + 50;
        double waitHeight = 120;
        int height = (int) (waitTop + waitHeight + 50);
        Svg svg = new Svg(WIDTH, height, "Số phiếu và thời gian chờ trung bình theo ngày",
                "Tickets issued and average wait by day").desc(period(report));
        legend(svg, 20, 20, ISSUED, "Số phiếu / Issued", WAIT, "Chờ trung bình (phút:giây) / Average wait (m:ss)");
        int maxIssued = all.stream().mapToInt(d -> days.getOrDefault(d, Figures.NONE).issued()).max().orElse(0);
        long maxWait = all.stream().map(d -> days.getOrDefault(d, Figures.NONE).waits())
                .filter(h -> h.count() > 0).mapToLong(h -> h.average()).max().orElse(0);
        axis(svg, left, issuedTop, issuedHeight, plot, Integer.toString(maxIssued));
        axis(svg, left, waitTop, waitHeight, plot, ReportLabels.duration(maxWait));
        StringBuilder line = new StringBuilder();
        int labelEvery = (int) Math.ceil(n / 12.0);
        for (int i = 0; i < n; i++) {
            LocalDate d = all.get(i);
            Figures f = days.getOrDefault(d, Figures.NONE);
            double x = left + i * step;
            double h = maxIssued == 0 ? 0 : issuedHeight * f.issued() / maxIssued;
            svg.rect(x + step * 0.15, issuedTop + issuedHeight - h, Math.max(step * 0.7, 1), h, ISSUED,
                    d.format(DAY) + ": " + f.issued() + " phiếu / issued");
            if (numbers && f.issued() > 0) {
                svg.text(x + step / 2, issuedTop + issuedHeight - h - 4, Integer.toString(f.issued()), Svg.INK, "middle", false);
            }
            if (f.waits().count() > 0) {
                double y = waitTop + waitHeight - (maxWait == 0 ? 0 : waitHeight * f.waits().average() / maxWait);
                line.append(Svg.n(x + step / 2)).append(',').append(Svg.n(y)).append(' ');
                svg.circle(x + step / 2, y, 3, WAIT, d.format(DAY) + ": " + ReportLabels.duration(f.waits().average())
                        + " chờ TB / average wait");
                if (numbers) {
                    svg.text(x + step / 2, y - 7, ReportLabels.duration(f.waits().average()), Svg.INK, "middle", false);
                }
            } else if (!line.isEmpty()) {
                svg.polyline(line.toString().trim(), WAIT);
                line.setLength(0);
            }
            if (i % labelEvery == 0 || i == n - 1) {
                svg.text(x + step / 2, waitTop + waitHeight + 18, d.format(DAY), Svg.MUTED, "middle", false);
            }
        }
        if (!line.isEmpty()) {
            svg.polyline(line.toString().trim(), WAIT);
        }
        return svg.end();
    }

    private static void axis(Svg svg, double left, double top, double height, double width, String max) {
        svg.line(left, top + height, left + width, top + height, GRID, 1);
        svg.line(left, top, left, top + height, GRID, 1);
        svg.text(left - 6, top + 10, max, Svg.MUTED, "end", false);
        svg.text(left - 6, top + height, "0", Svg.MUTED, "end", false);
    }

    /**
     * Weekdays down, hours across (office hours 7-17, and any other hour with an arrival in the period): each cell
     * shaded by its value against the map's largest, its number written in it, its full meaning in its tooltip.
     */
    public static String heatMap(Report report, Measure measure) {
        Figures[][] heat = report.heatMap();
        int first = 24;
        int last = -1;
        for (Figures[] day : heat) {
            for (int h = 0; h < 24; h++) {
                if (day[h].issued() > 0) {
                    first = Math.min(first, h);
                    last = Math.max(last, h);
                }
            }
        }
        // Office hours at least, so one busy hour is seen against the day, and any hour outside them with arrivals
        first = Math.min(first, 7);
        last = Math.max(last, 17);
        double max = 0;
        for (Figures[] day : heat) {
            for (int h = first; h <= last; h++) {
                max = Math.max(max, value(day[h], measure));
            }
        }
        double left = 110;
        double cellW = Math.min(58, (WIDTH - left - 20) / (last - first + 1));
        double cellH = 30;
        double top = 64;
        int height = (int) (top + 7 * cellH + 46);
        boolean arrivals = measure == Measure.ARRIVALS;
        Svg svg = new Svg(WIDTH, height,
                arrivals ? "Số người đến theo giờ và thứ" : "Thời gian chờ trung bình theo giờ và thứ",
                arrivals ? "Arrivals by hour and weekday" : "Average wait by hour and weekday").desc(period(report));
        svg.text(20, 24, arrivals ? "Số phiếu lấy trong mỗi giờ / Tickets issued in each hour"
                : "Chờ trung bình (phút:giây) của số lấy trong mỗi giờ / Average wait (m:ss) of tickets issued in each hour",
                Svg.INK, "start", true);
        for (int h = first; h <= last; h++) {
            svg.text(left + (h - first + 0.5) * cellW, top - 8, h + "h", Svg.MUTED, "middle", false);
        }
        for (int w = 0; w < 7; w++) {
            ReportLabels.Label day = ReportLabels.weekday(java.time.DayOfWeek.of(w + 1));
            double y = top + w * cellH;
            svg.text(left - 8, y + cellH / 2 + 5, day.vi(), Svg.INK, "end", false);
            for (int h = first; h <= last; h++) {
                Figures f = heat[w][h];
                boolean none = arrivals ? f.issued() == 0 : f.waits().count() == 0;
                double v = value(f, measure);
                String fill = none ? EMPTY : Contrast.mix(LOW, HIGH, max == 0 ? 0 : v / max);
                String shown = arrivals ? Integer.toString(f.issued()) : none ? "—" : ReportLabels.duration(f.waits().average());
                double x = left + (h - first) * cellW;
                svg.rect(x + 1, y + 1, cellW - 2, cellH - 2, fill, day.vi() + " / " + day.en() + " " + h + ":00–"
                        + (h + 1) + ":00: " + (arrivals ? shown + " phiếu / issued" : shown + " chờ TB / average wait"));
                svg.text(x + cellW / 2, y + cellH / 2 + 5, shown, Contrast.textOn(fill), "middle", false);
            }
        }
        svg.text(left, top + 7 * cellH + 24, "Nhạt: ít — Đậm: nhiều / Light: low — Dark: high", Svg.MUTED, "start", false);
        return svg.end();
    }

    private static double value(Figures f, Measure m) {
        return m == Measure.ARRIVALS ? f.issued() : f.waits().count() == 0 ? 0 : f.waits().average();
    }

    private static void legend(Svg svg, double x, double y, String c1, String t1, String c2, String t2) {
        svg.rect(x, y - 11, 14, 14, c1).text(x + 20, y, t1, Svg.INK, "start", false);
        double x2 = x + 30 + t1.length() * 7.5;
        svg.rect(x2, y - 11, 14, 14, c2).text(x2 + 20, y, t2, Svg.INK, "start", false);
    }

    private static String period(Report r) {
        return r.period().kind().vi + " / " + r.period().kind().en + ": " + r.period().from() + " – " + r.period().to();
    }

    private static String shorten(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }
}
