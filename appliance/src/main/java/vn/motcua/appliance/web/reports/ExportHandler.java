package vn.motcua.appliance.web.reports;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.EnumSet;
import java.util.List;
import java.util.function.Supplier;

import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

import vn.motcua.appliance.config.ApplianceConfig;
import vn.motcua.appliance.history.FigureSource;
import vn.motcua.appliance.history.Grouping;
import vn.motcua.appliance.history.Period;
import vn.motcua.appliance.history.Report;
import vn.motcua.appliance.web.ErrorCatalogue;
import vn.motcua.appliance.web.Exchange;
import vn.motcua.appliance.web.HttpError;
import vn.motcua.appliance.web.auth.StaffGate;

/**
 * {@code GET /manager/reports/export.xlsx} ({@link XlsxExport}: every grouping, one sheet each) and
 * {@code GET /manager/reports/export.csv} ({@link CsvExport}: the {@code group} asked for), for a logged-in
 * manager, with the query of every report address ({@link ReportRequest}), over at most three years. A bad
 * parameter is a 400 naming it and nothing is read.
 */
public final class ExportHandler extends Handler.Abstract {
    public static final String XLSX_PATH = "/manager/reports/export.xlsx";
    public static final String CSV_PATH = "/manager/reports/export.csv";
    /**
     * The longest range an export covers: three years. The cells stream through (no list of them is kept), but
     * reading them takes seconds a year of a busy office on this machine (BENCHMARKS.md), more on a Pi: a longer
     * range is exported in parts rather than leave a manager's browser waiting.
     */
    static final long MAX_DAYS = 3 * 365 + 1;
    static final String XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private final FigureSource history;
    private final StaffGate staff;
    private final ApplianceConfig.Identity office;
    private final Supplier<ReportLabels> labels;
    private final Supplier<LocalDate> today;
    private final Clock clock;

    /**
     * @param labels the names of services and counters, from the office's layout now
     * @param today  the queue's business day (the default {@code date})
     * @param clock  for the summary sheet's "generated at", in the office's zone
     */
    public ExportHandler(FigureSource history, StaffGate staff, ApplianceConfig.Identity office,
                         Supplier<ReportLabels> labels, Supplier<LocalDate> today, Clock clock) {
        this.history = history;
        this.staff = staff;
        this.office = office;
        this.labels = labels;
        this.today = today;
        this.clock = clock;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        Exchange x = new Exchange(request, response, callback, 0);
        if (ReportDownload.refused(staff, x)) {
            return true;
        }
        try {
            ReportRequest asked = ReportRequest.of(request, today.get());
            Period p = asked.period();
            if (p.days() > MAX_DAYS) {
                throw ErrorCatalogue.BAD_FIELD.errorWithDetail("an export covers at most " + MAX_DAYS + " days (three"
                        + " years), not " + p.days() + ": export the range in parts", "from/to");
            }
            String name = "motcua-" + office.office() + "-" + p.from() + "-" + p.to();
            ByteArrayOutputStream out = new ByteArrayOutputStream(64 * 1024);
            if (x.path.equals(XLSX_PATH)) {
                new XlsxExport(office.officeNameVi(), office.officeNameEn(), labels.get())
                        .write(Report.of(p, EnumSet.allOf(Grouping.class), history), LocalDateTime.now(clock), out);
                ReportDownload.send(x, XLSX_TYPE, name + ".xlsx", out.toByteArray());
            } else {
                Report r = Report.of(p, asked.grouping(), history);
                new CsvExport(labels.get()).write(r, out);
                ReportDownload.send(x, "text/csv; charset=utf-8", name + "-" + asked.grouping().name()
                        .toLowerCase(java.util.Locale.ROOT) + ".csv", out.toByteArray());
            }
        } catch (HttpError e) {
            e.send(x);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // into memory: only a bug gets here, answered 500 by the server
        }
        return true;
    }
}
