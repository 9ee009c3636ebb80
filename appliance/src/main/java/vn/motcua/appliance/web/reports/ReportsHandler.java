package vn.motcua.appliance.web.reports;

import java.time.LocalDate;
import java.util.Map;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;

import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

import vn.motcua.appliance.history.FigureSource;
import vn.motcua.appliance.history.Grouping;
import vn.motcua.appliance.history.Period;
import vn.motcua.appliance.history.Report;
import vn.motcua.appliance.web.ErrorCatalogue;
import vn.motcua.appliance.web.Exchange;
import vn.motcua.appliance.web.HttpError;
import vn.motcua.appliance.web.auth.StaffGate;

/**
 * {@code GET /manager/reports/data} (the page's JSON, {@link ReportJson}) and {@code GET /manager/reports/chart.svg}
 * ({@link ReportSvg}, {@code kind=groups|trend|heatmap}, the heat map {@code of=arrivals|waits}), for a logged-in
 * manager only, as {@code /manager/summary}. The query is {@link ReportRequest}'s; a bad one is answered 400 naming
 * the field, before anything is read. Each request reads the period's and the previous period's cells once.
 */
public final class ReportsHandler extends Handler.Abstract {
    public static final String DATA = "/manager/reports/data";
    public static final String CHART = "/manager/reports/chart.svg";

    private final FigureSource history;
    private final StaffGate staff;
    private final Supplier<ReportLabels> labels;
    private final Supplier<LocalDate> today;

    /**
     * @param labels the current layout's labels (a service renamed since shows its new name)
     * @param today  the queue's business day: the default date, and the live part of a report
     */
    public ReportsHandler(FigureSource history, StaffGate staff, Supplier<ReportLabels> labels, Supplier<LocalDate> today) {
        this.history = history;
        this.staff = staff;
        this.labels = labels;
        this.today = today;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        Exchange x = new Exchange(request, response, callback, 0);
        try {
            if (!"GET".equals(x.method)) {
                throw ErrorCatalogue.METHOD.errorWithDetail("use GET");
            }
            if (!staff.session(request).map(s -> s.account().isManager()).orElse(false)) {
                throw ErrorCatalogue.MANAGER_ONLY.error();
            }
            ReportRequest asked = ReportRequest.of(request, today.get());
            if (DATA.equals(x.path)) {
                Reports r = reports(asked);
                x.json(200, ReportJson.of(r.report(), r.byDay(), labels.get()));
            } else {
                chart(x, request, asked);
            }
        } catch (HttpError e) {
            e.send(x);
        }
        return true;
    }

    private void chart(Exchange x, Request request, ReportRequest asked) {
        var q = Request.extractQueryParameters(request);
        String kind = q.getValue("kind") == null ? "" : q.getValue("kind").toLowerCase(Locale.ROOT);
        ReportSvg.Measure measure = switch (q.getValue("of") == null ? "arrivals" : q.getValue("of").toLowerCase(Locale.ROOT)) {
            case "arrivals" -> ReportSvg.Measure.ARRIVALS;
            case "waits" -> ReportSvg.Measure.WAITS;
            default -> throw ErrorCatalogue.BAD_FIELD.errorWithDetail("one of [arrivals, waits]", "of");
        };
        if (!List.of("groups", "trend", "heatmap").contains(kind)) {
            throw ErrorCatalogue.BAD_FIELD.errorWithDetail("one of [groups, trend, heatmap]", "kind");
        }
        Reports r = reports(asked);
        String svg = switch (kind) {
            case "groups" -> ReportSvg.groups(r.report(), labels.get());
            case "trend" -> ReportSvg.trend(r.report(), r.byDay());
            default -> ReportSvg.heatMap(r.report(), measure);
        };
        // An SVG opened on its own is a document: it may not run script or load anything.
        x.response.getHeaders().put("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'");
        x.send(200, "image/svg+xml; charset=utf-8", svg);
    }

    private record Reports(Report report, Report byDay) {}

    /** The report asked for and the same period by day (the trend), from one read of the cells. */
    private Reports reports(ReportRequest asked) {
        Period p = asked.period();
        Period before = p.previous();
        Map<Grouping, Report> both = Report.of(p, java.util.EnumSet.of(asked.grouping(), Grouping.DAY), history);
        return new Reports(both.get(asked.grouping()), both.get(Grouping.DAY));
    }
}
