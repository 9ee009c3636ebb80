package vn.motcua.appliance.web.reports;

import java.time.LocalDate;
import java.util.Map;
import java.util.TreeMap;

import vn.motcua.appliance.history.Figures;
import vn.motcua.appliance.history.Grouping;
import vn.motcua.appliance.history.Period;
import vn.motcua.appliance.history.Report;

/** What the page and the trend chart need of periods beyond {@link Period} itself: the next one, and days. */
final class ReportPeriods {
    private ReportPeriods() {}

    /** The period after {@code p}: the next calendar unit, or as many days just after a custom range. */
    static Period next(Period p) {
        return p.kind() == Period.Kind.CUSTOM
                ? Period.custom(p.to().plusDays(1), p.to().plusDays(p.days()))
                : Period.of(p.kind(), p.to().plusDays(1));
    }

    /** A report grouped by day as a map from day to figures. */
    static Map<LocalDate, Figures> byDay(Report byDay) {
        if (byDay.grouping() != Grouping.DAY) {
            throw new IllegalArgumentException("a report by day, not by " + byDay.grouping());
        }
        Map<LocalDate, Figures> out = new TreeMap<>();
        byDay.rows().forEach(r -> out.put((LocalDate) r.key(), r.figures()));
        return out;
    }
}
