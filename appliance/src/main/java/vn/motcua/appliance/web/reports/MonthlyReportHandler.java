package vn.motcua.appliance.web.reports;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.function.Supplier;

import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

import vn.motcua.appliance.config.ApplianceConfig;
import vn.motcua.appliance.history.FigureSource;
import vn.motcua.appliance.web.ErrorCatalogue;
import vn.motcua.appliance.web.Exchange;
import vn.motcua.appliance.web.HttpError;
import vn.motcua.appliance.web.auth.StaffGate;

/**
 * {@code GET /manager/reports/monthly?month=YYYY-MM} (the print-ready page, {@link MonthlyReportPage}) and
 * {@code GET /manager/reports/monthly.pdf?month=YYYY-MM} ({@link MonthlyReportPdf}), for a logged-in manager. The
 * month defaults to the business day's; any other {@code month} is a 400 naming the field.
 */
public final class MonthlyReportHandler extends Handler.Abstract {
    public static final String PAGE_PATH = "/manager/reports/monthly";
    public static final String PDF_PATH = "/manager/reports/monthly.pdf";

    private final FigureSource history;
    private final StaffGate staff;
    private final ApplianceConfig.Identity office;
    private final Supplier<ReportLabels> labels;
    private final Supplier<LocalDate> today;

    /**
     * @param labels the names of services, from the office's layout now
     * @param today  the queue's business day: the default month, and the date the report is signed
     */
    public MonthlyReportHandler(FigureSource history, StaffGate staff, ApplianceConfig.Identity office,
                                Supplier<ReportLabels> labels, Supplier<LocalDate> today) {
        this.history = history;
        this.staff = staff;
        this.office = office;
        this.labels = labels;
        this.today = today;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        Exchange x = new Exchange(request, response, callback, 0);
        if (ReportDownload.refused(staff, x)) {
            return true;
        }
        try {
            LocalDate day = today.get();
            YearMonth month = month(Request.extractQueryParameters(request).getValue("month"), day);
            MonthlyReport report = MonthlyReport.of(office.officeNameVi(), office.officeNameEn(), month,
                    history.cells(month.atDay(1), month.atEndOfMonth()), labels.get(), day);
            if (x.path.equals(PDF_PATH)) {
                ByteArrayOutputStream out = new ByteArrayOutputStream(32 * 1024);
                MonthlyReportPdf.write(report, out);
                ReportDownload.send(x, "application/pdf",
                        "motcua-" + office.office() + "-bao-cao-" + month + ".pdf", out.toByteArray());
            } else {
                ReportDownload.send(x, "text/html; charset=utf-8", null,
                        MonthlyReportPage.html(report).getBytes(StandardCharsets.UTF_8));
            }
        } catch (HttpError e) {
            e.send(x);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // into memory: only a bug gets here, answered 500 by the server
        }
        return true;
    }

    /** {@code YYYY-MM} from 2000 to 2200, or the month of {@code today} when absent. */
    static YearMonth month(String value, LocalDate today) {
        if (value == null || value.isEmpty()) {
            return YearMonth.from(today);
        }
        try {
            YearMonth m = YearMonth.parse(value);
            if (m.getYear() >= 2000 && m.getYear() <= 2200) {
                return m;
            }
        } catch (DateTimeParseException e) {
            // answered below, like a year out of range
        }
        throw ErrorCatalogue.BAD_FIELD.errorWithDetail("a month YYYY-MM from 2000 to 2200", "month");
    }
}
