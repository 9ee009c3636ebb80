package vn.motcua.appliance.web.reports;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Locale;

import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.util.Fields;

import vn.motcua.appliance.history.Grouping;
import vn.motcua.appliance.history.Period;
import vn.motcua.appliance.web.ErrorCatalogue;

/**
 * What a report is asked for, from the query string every report address takes (the page's data, the exports, the
 * monthly report):
 * {@code period=day|week|month|quarter|year|custom} (default month), {@code date=YYYY-MM-DD} (a day inside the
 * period, default today), {@code from}/{@code to} (a custom range), {@code group=service|counter|clerk|hour|day|weekday}
 * (default service). Anything else is a {@link ErrorCatalogue#BAD_FIELD} naming the field, and nothing is read.
 */
public record ReportRequest(Period period, Grouping grouping) {

    public static ReportRequest of(Request request, LocalDate today) {
        Fields q = Request.extractQueryParameters(request);
        Period.Kind kind = enumOf(q.getValue("period"), "period", Period.Kind.class, Period.Kind.MONTH);
        Grouping grouping = enumOf(q.getValue("group"), "group", Grouping.class, Grouping.SERVICE);
        Period period;
        try {
            if (kind == Period.Kind.CUSTOM) {
                period = Period.custom(date(q.getValue("from"), "from", null), date(q.getValue("to"), "to", null));
            } else {
                period = Period.of(kind, date(q.getValue("date"), "date", today));
            }
        } catch (IllegalArgumentException e) {
            throw ErrorCatalogue.BAD_FIELD.errorWithDetail(e.getMessage(), kind == Period.Kind.CUSTOM ? "from/to" : "date");
        }
        return new ReportRequest(period, grouping);
    }

    private static LocalDate date(String value, String field, LocalDate fallback) {
        if (value == null || value.isEmpty()) {
            if (fallback == null) {
                throw ErrorCatalogue.MISSING_FIELD.error(field);
            }
            return fallback;
        }
        try {
            LocalDate d = LocalDate.parse(value);
            if (d.getYear() < 2000 || d.getYear() > 2200) {
                throw ErrorCatalogue.BAD_FIELD.errorWithDetail("a date from 2000 to 2200", field);
            }
            return d;
        } catch (DateTimeParseException e) {
            throw ErrorCatalogue.BAD_FIELD.errorWithDetail("a date YYYY-MM-DD", field);
        }
    }

    private static <E extends Enum<E>> E enumOf(String value, String field, Class<E> type, E fallback) {
        if (value == null || value.isEmpty()) {
            return fallback;
        }
        for (E e : type.getEnumConstants()) {
            if (e.name().equals(value.toUpperCase(Locale.ROOT))) {
                return e;
            }
        }
        throw ErrorCatalogue.BAD_FIELD.errorWithDetail("one of " + java.util.Arrays.toString(type.getEnumConstants())
                .toLowerCase(Locale.ROOT), field);
    }
}
