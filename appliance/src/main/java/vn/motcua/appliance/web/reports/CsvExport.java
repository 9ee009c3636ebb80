package vn.motcua.appliance.web.reports;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import vn.motcua.appliance.history.Grouping;
import vn.motcua.appliance.history.Report;

/**
 * One grouping of a period's history as CSV: UTF-8 with a byte order mark (without it Excel reads the file as the
 * machine's ANSI code page and the Vietnamese is garbled), RFC 4180 (comma, CRLF, a field with a comma, quote or
 * line break quoted and its quotes doubled), one header row ("Vietnamese / English"), then one row per group: the
 * {@link ExportKeys key columns} and every {@link ExportColumns figure column}. Numbers are unformatted (no
 * thousands separator, a dot for decimals), times are whole seconds, dates ISO {@code YYYY-MM-DD}, a figure with
 * nothing measured is an empty field. No total row: a data file a spreadsheet sums itself.
 *
 * <p>Hand-written rather than with commons-csv: writing is the twenty lines below, and the library would add a jar
 * and its commons-io and commons-codec dependencies to the Pi's image for them.
 */
public final class CsvExport {
    static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
    private static final String CRLF = "\r\n";

    private final ExportKeys keys;

    public CsvExport(ReportLabels labels) {
        this.keys = new ExportKeys(labels);
    }

    public void write(Report report, OutputStream out) throws IOException {
        out.write(BOM);
        Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        Grouping g = report.grouping();
        List<String> head = new ArrayList<>();
        for (ReportLabels.Label l : List.of(ExportKeys.header(g), ExportKeys.NAME_VI, ExportKeys.NAME_EN)) {
            head.add(l.vi() + " / " + l.en());
        }
        for (ExportColumns.Column c : ExportColumns.ALL) {
            head.add(c.vi() + " / " + c.en());
        }
        line(w, head);
        for (Report.Row row : report.rows()) {
            List<String> fields = new ArrayList<>();
            Object key = ExportKeys.typed(g, row.key());
            fields.add(key instanceof LocalDate d ? d.toString() : String.valueOf(key));
            ReportLabels.Label name = keys.name(g, row.key());
            fields.add(name.vi());
            fields.add(name.en());
            for (ExportColumns.Column c : ExportColumns.ALL) {
                Number n = c.value().apply(row.figures());
                fields.add(n == null ? "" : n.toString());
            }
            line(w, fields);
        }
        w.flush();
    }

    private static void line(Writer w, List<String> fields) throws IOException {
        for (int i = 0; i < fields.size(); i++) {
            if (i > 0) {
                w.write(',');
            }
            w.write(quoted(fields.get(i)));
        }
        w.write(CRLF);
    }

    /** RFC 4180 section 2: quoted when it holds a comma, a quote or a line break; a quote inside is doubled. */
    static String quoted(String field) {
        if (field.indexOf(',') < 0 && field.indexOf('"') < 0 && field.indexOf('\n') < 0 && field.indexOf('\r') < 0) {
            return field;
        }
        return '"' + field.replace("\"", "\"\"") + '"';
    }
}
