package vn.motcua.appliance.web.reports;

import java.util.List;
import java.util.function.Function;

import vn.motcua.appliance.web.Markup;

/**
 * The {@link MonthlyReport} as a print-ready A4 HTML page (landscape: the tables have thirteen columns; the appointments table, when the month had any, six): the appliance's own Noto font (served at
 * {@code /fonts/}, nothing from the internet), a print stylesheet with A4 margins, table headings repeated on each
 * printed page, and the signature block kept on one page. Vietnamese, English headings in small type beside.
 */
public final class MonthlyReportPage {
    private static final String STYLE = """
            @font-face { font-family: "Noto Sans"; src: url("/fonts/NotoSans-Regular.ttf"); }
            @font-face { font-family: "Noto Sans"; font-weight: bold; src: url("/fonts/NotoSans-Bold.ttf"); }
            body { font-family: "Noto Sans", sans-serif; font-size: 10pt; color: #000; margin: 0 auto;
                   max-width: 269mm; padding: 10mm 0; }
            .head { display: flex; justify-content: space-between; text-align: center; }
            .head div { width: 48%; }
            h1 { font-size: 14pt; text-align: center; margin: 8mm 0 1mm; }
            h2 { font-size: 11pt; margin: 6mm 0 2mm; }
            .sub { text-align: center; margin: 0; }
            .en { color: #555; font-size: 8pt; font-weight: normal; }
            table { border-collapse: collapse; width: 100%; font-size: 8.5pt; }
            th, td { border: 1px solid #000; padding: 1mm 1.2mm; }
            th { font-weight: bold; text-align: center; vertical-align: top; }
            td.n { text-align: right; white-space: nowrap; }
            tr.total td { font-weight: bold; }
            thead { display: table-header-group; }
            tr { break-inside: avoid; }
            .sign { display: flex; justify-content: space-between; margin-top: 10mm; text-align: center;
                    break-inside: avoid; }
            .sign div { width: 45%; }
            .sign .space { height: 22mm; }
            .date { text-align: right; font-style: italic; margin-top: 8mm; }
            @page { size: A4 landscape; margin: 12mm 14mm; }
            @media print { body { padding: 0; max-width: none; } .noprint { display: none; } }
            """;

    private MonthlyReportPage() {}

    public static String html(MonthlyReport r) {
        StringBuilder sb = new StringBuilder(16_384);
        sb.append("<!DOCTYPE html>\n<html lang=\"vi\"><head><meta charset=\"utf-8\"><title>Báo cáo ")
                .append(Markup.escape(r.monthVi())).append(" – ").append(Markup.escape(r.officeVi())).append("</title><style>")
                .append(STYLE).append("</style></head><body>\n");
        sb.append("<div class=\"head\"><div><b>").append(Markup.escape(r.officeVi())).append("</b><br><span class=\"en\">")
                .append(Markup.escape(r.officeEn())).append("</span></div><div><b>CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM</b><br>")
                .append("<b>Độc lập – Tự do – Hạnh phúc</b></div></div>\n");
        sb.append("<h1>BÁO CÁO KẾT QUẢ TIẾP NHẬN VÀ PHỤC VỤ CÔNG DÂN ").append(Markup.escape(r.monthVi().toUpperCase(java.util.Locale.ROOT)))
                .append("<br><span class=\"en\">Monthly report of the one-stop office's queue</span></h1>\n");
        sb.append("<p class=\"sub\">Kỳ báo cáo ").append(Markup.escape(r.rangeVi())).append("</p>\n");
        table(sb, "I. Theo lĩnh vực, thủ tục", "By service", "Lĩnh vực", "Service", r.services(), r.total(),
                MonthlyReport.COLUMNS, MonthlyReport::cells);
        table(sb, "II. Theo cán bộ tiếp nhận", "By clerk", "Mã cán bộ", "Staff id", r.clerks(), r.total(),
                MonthlyReport.COLUMNS, MonthlyReport::cells);
        if (!r.bookedServices().isEmpty()) {
            table(sb, "III. Lịch hẹn theo lĩnh vực", "Appointments by service", "Lĩnh vực", "Service",
                    r.bookedServices(), r.total(), MonthlyReport.BOOKING_COLUMNS, MonthlyReport::bookingCells);
        }
        sb.append("<p class=\"date\">").append(Markup.escape(r.dateLineVi())).append("</p>\n");
        sb.append("<div class=\"sign\"><div><b>NGƯỜI LẬP BIỂU</b><br><span class=\"en\">Prepared by</span><br>")
                .append("<i>(Ký, ghi rõ họ tên)</i><div class=\"space\"></div></div>")
                .append("<div><b>THỦ TRƯỞNG ĐƠN VỊ</b><br><span class=\"en\">Head of office</span><br>")
                .append("<i>(Ký, ghi rõ họ tên, đóng dấu)</i><div class=\"space\"></div></div></div>\n");
        sb.append("<p class=\"noprint\"><a href=\"monthly.pdf?month=").append(r.month())
                .append("\">Tải PDF <span class=\"en\">/ Download PDF</span></a></p>\n</body></html>\n");
        return sb.toString();
    }

    private static void table(StringBuilder sb, String titleVi, String titleEn, String keyVi, String keyEn,
                              List<MonthlyReport.Line> lines, MonthlyReport.Line total, List<ReportLabels.Label> columns,
                              Function<MonthlyReport.Line, List<String>> cells) {
        sb.append("<h2>").append(titleVi).append(" <span class=\"en\">/ ").append(titleEn).append("</span></h2>\n");
        sb.append("<table><thead><tr><th>TT</th><th>").append(keyVi).append("<br><span class=\"en\">").append(keyEn)
                .append("</span></th>");
        for (ReportLabels.Label c : columns) {
            sb.append("<th>").append(Markup.escape(c.vi())).append("<br><span class=\"en\">").append(Markup.escape(c.en()))
                    .append("</span></th>");
        }
        sb.append("</tr></thead><tbody>\n");
        int n = 1;
        for (MonthlyReport.Line l : lines) {
            row(sb, Integer.toString(n++), l, "", cells);
        }
        if (lines.isEmpty()) {
            sb.append("<tr><td colspan=\"").append(columns.size() + 2)
                    .append("\">Không có số liệu trong tháng <span class=\"en\">/ No figures this month</span></td></tr>\n");
        }
        row(sb, "", total, " class=\"total\"", cells);
        sb.append("</tbody></table>\n");
    }

    private static void row(StringBuilder sb, String number, MonthlyReport.Line l, String attrs,
                            Function<MonthlyReport.Line, List<String>> cells) {
        sb.append("<tr").append(attrs).append("><td class=\"n\">").append(number).append("</td><td>")
                .append(Markup.escape(l.name())).append("</td>");
        for (String c : cells.apply(l)) {
            sb.append("<td class=\"n\">").append(Markup.escape(c)).append("</td>");
        }
        sb.append("</tr>\n");
    }
}
