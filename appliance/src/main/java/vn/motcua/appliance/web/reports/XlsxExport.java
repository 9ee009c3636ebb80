package vn.motcua.appliance.web.reports;

import java.io.IOException;
import java.io.OutputStream;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;

import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

import vn.motcua.appliance.history.Cell;
import vn.motcua.appliance.history.Figures;
import vn.motcua.appliance.history.Grouping;
import vn.motcua.appliance.history.Period;
import vn.motcua.appliance.history.Report;

/**
 * A period's history as an Excel workbook: a summary sheet (the office, the period and the one before it, every
 * total beside the previous period's) and one sheet per {@link Grouping}, each row a group with every
 * {@link ExportColumns figure column}.
 *
 * <p>Cells are typed, not text: counts are integer numbers, times are whole seconds as numbers (not Excel
 * durations: the same unit as the reports API and {@code day.summary}, and a sum or average in Excel needs no
 * conversion), dates are Excel date cells with a {@code yyyy-mm-dd} format. Headers are two rows, Vietnamese above,
 * English below; the panes are frozen below them.
 *
 * <p>Written with fastexcel ({@code org.dhatim:fastexcel}) rather than Apache POI: it writes the sheets' XML as it
 * goes (no in-memory cell model, so a two-year export stays within a Pi's heap), and it is 116 kB plus a 27 kB zip
 * helper against POI's jars (poi, poi-ooxml, its XML beans and commons-compress: over 10 MB). We only write
 * workbooks, which is all fastexcel does.
 */
public final class XlsxExport {
    static final String DATE_FORMAT = "yyyy-mm-dd";
    static final String DATE_TIME_FORMAT = "yyyy-mm-dd hh:mm";
    private static final int KEY_COLUMNS = 3;

    private final String officeVi;
    private final String officeEn;
    private final ExportKeys keys;

    public XlsxExport(String officeVi, String officeEn, ReportLabels labels) {
        this.officeVi = officeVi;
        this.officeEn = officeEn;
        this.keys = new ExportKeys(labels);
    }

    /**
     * Writes the workbook of a period from its report in every grouping ({@link Report#of(Period, java.util.Set,
     * vn.motcua.appliance.history.FigureSource)}: one read of the cells, none of them kept), the summary from their
     * shared total and previous total.
     */
    public void write(Map<Grouping, Report> reports, LocalDateTime generated, OutputStream out) throws IOException {
        Workbook wb = new Workbook(out, "motcua", "1.0");
        Report first = reports.get(Grouping.values()[0]);
        summary(wb.newWorksheet("Tổng hợp – Summary"), first.period(), first.total(), first.previousTotal(), generated);
        for (Grouping g : Grouping.values()) {
            grouping(wb.newWorksheet(g.vi + " – " + g.en), reports.get(g));
        }
        wb.finish();
    }

    private void summary(Worksheet ws, Period period, Figures total, Figures previous, LocalDateTime generated) {
        ws.value(0, 0, "Báo cáo hoạt động bộ phận một cửa");
        ws.value(0, 1, "One-stop office activity report");
        ws.style(0, 0).bold().set();
        ws.style(0, 1).bold().set();
        int r = 2;
        r = pair(ws, r, "Đơn vị", "Office", officeVi, officeEn);
        r = pair(ws, r, "Kỳ báo cáo", "Period", period.kind().vi, period.kind().en);
        r = date(ws, r, "Từ ngày", "From", period.from());
        r = date(ws, r, "Đến ngày", "To", period.to());
        Period before = period.previous();
        r = date(ws, r, "Kỳ trước từ ngày", "Previous period from", before.from());
        r = date(ws, r, "Kỳ trước đến ngày", "Previous period to", before.to());
        ws.value(r, 0, "Lập lúc");
        ws.value(r, 1, "Generated at");
        ws.value(r, 2, generated);
        ws.style(r, 2).format(DATE_TIME_FORMAT).set();
        r += 2;
        String[][] head = {{"Chỉ tiêu", "Indicator", "Kỳ này", "Kỳ trước"},
                {"", "", "This period", "Previous period"}};
        for (String[] row : head) {
            for (int c = 0; c < row.length; c++) {
                ws.value(r, c, row[c]);
                ws.style(r, c).bold().set();
            }
            r++;
        }
        for (ExportColumns.Column c : ExportColumns.ALL) {
            ws.value(r, 0, c.vi());
            ws.value(r, 1, c.en());
            ws.value(r, 2, c.value().apply(total));
            ws.value(r, 3, c.value().apply(previous));
            r++;
        }
        ws.width(0, 42);
        ws.width(1, 34);
        ws.width(2, 18);
        ws.width(3, 18);
    }

    private static int pair(Worksheet ws, int r, String vi, String en, String valueVi, String valueEn) {
        ws.value(r, 0, vi);
        ws.value(r, 1, en);
        ws.value(r, 2, valueVi);
        ws.value(r, 3, valueEn);
        return r + 1;
    }

    private static int date(Worksheet ws, int r, String vi, String en, LocalDate d) {
        ws.value(r, 0, vi);
        ws.value(r, 1, en);
        ws.value(r, 2, d);
        ws.style(r, 2).format(DATE_FORMAT).set();
        return r + 1;
    }

    private void grouping(Worksheet ws, Report report) {
        Grouping g = report.grouping();
        ReportLabels.Label[] keyHeads = {ExportKeys.header(g), ExportKeys.NAME_VI, ExportKeys.NAME_EN};
        for (int c = 0; c < KEY_COLUMNS; c++) {
            header(ws, c, keyHeads[c].vi(), keyHeads[c].en());
        }
        List<ExportColumns.Column> columns = ExportColumns.ALL;
        for (int c = 0; c < columns.size(); c++) {
            header(ws, KEY_COLUMNS + c, columns.get(c).vi(), columns.get(c).en());
            ws.width(KEY_COLUMNS + c, 16);
        }
        ws.width(0, 14);
        ws.width(1, 28);
        ws.width(2, 28);
        ws.freezePane(KEY_COLUMNS, 2);
        int r = 2;
        for (Report.Row row : report.rows()) {
            key(ws, r, g, row.key());
            for (int c = 0; c < columns.size(); c++) {
                ws.value(r, KEY_COLUMNS + c, columns.get(c).value().apply(row.figures()));
            }
            r++;
        }
        ws.value(r, 0, "Tổng cộng");
        ws.value(r, 1, "Tổng cộng");
        ws.value(r, 2, "Total");
        for (int c = 0; c < columns.size(); c++) {
            ws.value(r, KEY_COLUMNS + c, columns.get(c).value().apply(report.total()));
            ws.style(r, KEY_COLUMNS + c).bold().set();
        }
        ws.style(r, 0).bold().set();
    }

    private void key(Worksheet ws, int r, Grouping g, Comparable<?> key) {
        switch (ExportKeys.typed(g, key)) {
            case String s -> ws.value(r, 0, s);
            case Integer i -> ws.value(r, 0, i);
            case LocalDate d -> {
                ws.value(r, 0, d);
                ws.style(r, 0).format(DATE_FORMAT).set();
            }
            default -> throw new IllegalStateException("a key of " + key.getClass());
        }
        ReportLabels.Label name = keys.name(g, key);
        ws.value(r, 1, name.vi());
        ws.value(r, 2, name.en());
    }

    private static void header(Worksheet ws, int c, String vi, String en) {
        ws.value(0, c, vi);
        ws.value(1, c, en);
        ws.style(0, c).bold().wrapText(true).set();
        ws.style(1, c).wrapText(true).set();
    }
}
