package vn.motcua.appliance.web.reports;

import java.time.LocalDate;
import java.time.DayOfWeek;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import vn.motcua.appliance.history.Figures;
import vn.motcua.appliance.history.Period;
import vn.motcua.appliance.history.Report;

/**
 * The JSON the reports page draws ({@code GET /manager/reports/data}): the period and the ones before and after it
 * (the page's previous/next buttons ask for those, so the page does no date arithmetic), the grouping, one row per
 * group with its labels and {@link Figures#asMap()}, the totals now and before, the day-by-day trend and the
 * hour × weekday heat map. Figures are exactly the report's: nothing here computes a figure of its own.
 */
public final class ReportJson {
    private ReportJson() {}

    /**
     * @param report the report asked for
     * @param byDay  the same period grouped by day (the trend)
     */
    public static Map<String, Object> of(Report report, Report byDay, ReportLabels labels) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("period", period(report.period()));
        m.put("previous_period", period(report.period().previous()));
        m.put("next_period", period(ReportPeriods.next(report.period())));
        m.put("grouping", Map.of("key", report.grouping().name().toLowerCase(Locale.ROOT),
                "vi", report.grouping().vi, "en", report.grouping().en));
        List<Map<String, Object>> rows = new ArrayList<>(report.rows().size());
        for (Report.Row r : report.rows()) {
            ReportLabels.Label l = labels.of(report.grouping(), r.key());
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("key", String.valueOf(r.key()));
            row.put("label_vi", l.vi());
            row.put("label_en", l.en());
            row.put("figures", r.figures().asMap());
            rows.add(row);
        }
        m.put("rows", rows);
        m.put("total", report.total().asMap());
        m.put("previous_total", report.previousTotal().asMap());
        m.put("trend", trend(report.period(), byDay));
        m.put("heat_map", heatMap(report.heatMap()));
        return m;
    }

    /** A period as the page names it and asks for it again. */
    static Map<String, Object> period(Period p) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("kind", p.kind().name().toLowerCase(Locale.ROOT));
        m.put("kind_vi", p.kind().vi);
        m.put("kind_en", p.kind().en);
        m.put("from", p.from().toString());
        m.put("to", p.to().toString());
        m.put("days", p.days());
        return m;
    }

    /** Every day of the period, a day without tickets as zeros, so the trend's gaps are real gaps. */
    private static List<Map<String, Object>> trend(Period period, Report byDay) {
        Map<LocalDate, Figures> days = ReportPeriods.byDay(byDay);
        List<Map<String, Object>> out = new ArrayList<>();
        for (LocalDate d = period.from(); !d.isAfter(period.to()); d = d.plusDays(1)) {
            Figures f = days.getOrDefault(d, Figures.NONE);
            Map<String, Object> day = new LinkedHashMap<>();
            day.put("day", d.toString());
            day.put("issued", f.issued());
            day.put("served", f.served());
            day.put("average_wait_seconds", f.waits().count() > 0 ? f.waits().average() : null);
            out.add(day);
        }
        return out;
    }

    /** Monday first; {@code arrivals[weekday][hour]} and the average wait of those arrivals (null: none called). */
    private static Map<String, Object> heatMap(Figures[][] heat) {
        List<Map<String, String>> weekdays = new ArrayList<>();
        List<List<Integer>> arrivals = new ArrayList<>();
        List<List<Long>> waits = new ArrayList<>();
        for (int w = 0; w < 7; w++) {
            ReportLabels.Label l = ReportLabels.weekday(DayOfWeek.of(w + 1));
            weekdays.add(Map.of("vi", l.vi(), "en", l.en()));
            List<Integer> a = new ArrayList<>(24);
            List<Long> s = new ArrayList<>(24);
            for (int h = 0; h < 24; h++) {
                a.add(heat[w][h].issued());
                s.add(heat[w][h].waits().count() > 0 ? heat[w][h].waits().average() : null);
            }
            arrivals.add(a);
            waits.add(s);
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("weekdays", weekdays);
        m.put("arrivals", arrivals);
        m.put("average_wait_seconds", waits);
        return m;
    }
}
