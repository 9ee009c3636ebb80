package vn.motcua.appliance.web.reports;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.function.Function;

import org.openpdf.text.Document;
import org.openpdf.text.DocumentException;
import org.openpdf.text.Element;
import org.openpdf.text.Font;
import org.openpdf.text.PageSize;
import org.openpdf.text.Paragraph;
import org.openpdf.text.Phrase;
import org.openpdf.text.pdf.BaseFont;
import org.openpdf.text.pdf.PdfPCell;
import org.openpdf.text.pdf.PdfPTable;
import org.openpdf.text.pdf.PdfWriter;

/**
 * The {@link MonthlyReport} as an A4 landscape PDF (thirteen columns; the appointments table, when the month had any, six), the same content as {@link MonthlyReportPage}. Written with OpenPDF 3
 * ({@code com.github.librepdf:openpdf}, the LGPL/MPL fork of iText 4, Java 21+): its tables split across pages
 * and repeat their heading rows, which PDFBox would leave to us to lay out by hand. The text is set in the Noto Sans
 * the appliance already ships for its screens, embedded as a subset with Identity-H encoding, so every Vietnamese
 * letter with its diacritics is drawn and extractable (no font of the reader's machine is needed).
 */
public final class MonthlyReportPdf {
    private static final BaseFont REGULAR = font("NotoSans-Regular.ttf");
    private static final BaseFont BOLD = font("NotoSans-Bold.ttf");
    private static final float[] WIDTHS = {2.4f, 13f, 4.6f, 4.6f, 4.6f, 5.4f, 5.4f, 4.6f, 4.6f, 4.6f, 4.6f, 4.6f, 5.6f};
    /** The appointments table: the same number and name columns, the counts as wide as the tickets' counts. */
    private static final float[] BOOKING_WIDTHS = {2.4f, 13f, 4.6f, 4.6f, 4.6f, 4.6f};
    /** Its share of the page, so a count is as wide there as in the tables above. */
    private static final float BOOKING_WIDTH_PERCENT = 100f * sum(BOOKING_WIDTHS) / sum(WIDTHS);

    private MonthlyReportPdf() {}

    public static void write(MonthlyReport r, OutputStream out) throws IOException {
        Document doc = new Document(PageSize.A4.rotate(), 40, 40, 36, 36);
        try {
            PdfWriter.getInstance(doc, out);
            doc.addTitle("Báo cáo " + r.monthVi() + " – " + r.officeVi());
            doc.addCreator("motcua");
            doc.open();
            Font text = new Font(REGULAR, 10);
            Font bold = new Font(BOLD, 10);
            Font small = new Font(REGULAR, 7.5f, Font.NORMAL, java.awt.Color.DARK_GRAY);

            PdfPTable head = new PdfPTable(2);
            head.setWidthPercentage(100);
            head.addCell(plain(new Phrase(r.officeVi() + "\n", bold), small, r.officeEn()));
            head.addCell(plain(new Phrase("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập – Tự do – Hạnh phúc", bold),
                    small, null));
            doc.add(head);

            Paragraph title = new Paragraph("BÁO CÁO KẾT QUẢ TIẾP NHẬN VÀ PHỤC VỤ CÔNG DÂN\n"
                    + r.monthVi().toUpperCase(java.util.Locale.ROOT), new Font(BOLD, 13));
            title.setAlignment(Element.ALIGN_CENTER);
            title.setSpacingBefore(14);
            doc.add(title);
            Paragraph en = new Paragraph("Monthly report of the one-stop office's queue", small);
            en.setAlignment(Element.ALIGN_CENTER);
            doc.add(en);
            Paragraph range = new Paragraph("Kỳ báo cáo " + r.rangeVi(), text);
            range.setAlignment(Element.ALIGN_CENTER);
            range.setSpacingAfter(6);
            doc.add(range);

            table(doc, "I. Theo lĩnh vực, thủ tục", "By service", "Lĩnh vực", "Service", r.services(), r.total(),
                    WIDTHS, 100f, MonthlyReport.COLUMNS, MonthlyReport::cells);
            table(doc, "II. Theo cán bộ tiếp nhận", "By clerk", "Mã cán bộ", "Staff id", r.clerks(), r.total(),
                    WIDTHS, 100f, MonthlyReport.COLUMNS, MonthlyReport::cells);
            if (!r.bookedServices().isEmpty()) {
                table(doc, "III. Lịch hẹn theo lĩnh vực", "Appointments by service", "Lĩnh vực", "Service",
                        r.bookedServices(), r.total(), BOOKING_WIDTHS, BOOKING_WIDTH_PERCENT,
                        MonthlyReport.BOOKING_COLUMNS, MonthlyReport::bookingCells);
            }

            Paragraph date = new Paragraph(r.dateLineVi(), new Font(REGULAR, 10, Font.ITALIC));
            date.setAlignment(Element.ALIGN_RIGHT);
            date.setSpacingBefore(16);
            doc.add(date);
            PdfPTable sign = new PdfPTable(2);
            sign.setWidthPercentage(100);
            sign.setKeepTogether(true);
            sign.addCell(signature("NGƯỜI LẬP BIỂU", "Prepared by", "(Ký, ghi rõ họ tên)", bold, small));
            sign.addCell(signature("THỦ TRƯỞNG ĐƠN VỊ", "Head of office", "(Ký, ghi rõ họ tên, đóng dấu)", bold, small));
            doc.add(sign);
        } catch (DocumentException e) {
            throw new IOException("the monthly report's PDF", e);
        } finally {
            if (doc.isOpen()) {
                doc.close();
            }
        }
    }

    private static void table(Document doc, String titleVi, String titleEn, String keyVi, String keyEn,
                              List<MonthlyReport.Line> lines, MonthlyReport.Line total, float[] widths,
                              float widthPercent, List<ReportLabels.Label> columns,
                              Function<MonthlyReport.Line, List<String>> cells) throws DocumentException {
        Font bold = new Font(BOLD, 10);
        Font small = new Font(REGULAR, 6.5f, Font.NORMAL, java.awt.Color.DARK_GRAY);
        Font cell = new Font(REGULAR, 7.5f);
        Font cellBold = new Font(BOLD, 7.5f);
        Paragraph t = new Paragraph(titleVi + "  ", bold);
        t.add(new Phrase("/ " + titleEn, small));
        t.setSpacingBefore(8);
        t.setSpacingAfter(4);
        doc.add(t);
        PdfPTable table = new PdfPTable(widths);
        table.setWidthPercentage(widthPercent);
        table.setHorizontalAlignment(Element.ALIGN_LEFT);
        table.setHeaderRows(1);
        table.addCell(heading("TT", "No.", cellBold, small));
        table.addCell(heading(keyVi, keyEn, cellBold, small));
        for (ReportLabels.Label c : columns) {
            table.addCell(heading(c.vi(), c.en(), cellBold, small));
        }
        int n = 1;
        for (MonthlyReport.Line l : lines) {
            row(table, Integer.toString(n++), l, cell, cells);
        }
        if (lines.isEmpty()) {
            PdfPCell none = new PdfPCell(new Phrase("Không có số liệu trong tháng / No figures this month", cell));
            none.setColspan(widths.length);
            table.addCell(none);
        }
        row(table, "", total, cellBold, cells);
        doc.add(table);
    }

    private static void row(PdfPTable table, String number, MonthlyReport.Line l, Font f,
                            Function<MonthlyReport.Line, List<String>> cells) {
        table.addCell(number(number, f));
        table.addCell(new PdfPCell(new Phrase(l.name(), f)));
        for (String c : cells.apply(l)) {
            table.addCell(number(c, f));
        }
    }

    private static float sum(float[] widths) {
        float s = 0;
        for (float w : widths) {
            s += w;
        }
        return s;
    }

    private static PdfPCell number(String text, Font f) {
        PdfPCell c = new PdfPCell(new Phrase(text, f));
        c.setHorizontalAlignment(Element.ALIGN_RIGHT);
        return c;
    }

    private static PdfPCell heading(String vi, String en, Font f, Font small) {
        Phrase p = new Phrase(vi + "\n", f);
        p.add(new Phrase(en, small));
        PdfPCell c = new PdfPCell(p);
        c.setHorizontalAlignment(Element.ALIGN_CENTER);
        c.setVerticalAlignment(Element.ALIGN_TOP);
        c.setBackgroundColor(new java.awt.Color(0xEE, 0xEE, 0xEE));
        return c;
    }

    private static PdfPCell plain(Phrase p, Font small, String below) {
        if (below != null) {
            p.add(new Phrase(below, small));
        }
        PdfPCell c = new PdfPCell(p);
        c.setBorder(PdfPCell.NO_BORDER);
        c.setHorizontalAlignment(Element.ALIGN_CENTER);
        return c;
    }

    private static PdfPCell signature(String vi, String en, String hint, Font bold, Font small) {
        Phrase p = new Phrase(vi + "\n", bold);
        p.add(new Phrase(en + "\n", small));
        p.add(new Phrase(hint, new Font(REGULAR, 9, Font.ITALIC)));
        PdfPCell c = new PdfPCell(p);
        c.setBorder(PdfPCell.NO_BORDER);
        c.setHorizontalAlignment(Element.ALIGN_CENTER);
        c.setMinimumHeight(90); // room to sign and stamp
        return c;
    }

    /** The bundled font (the screens' own, under web/fonts in the jar), embedded: nothing is read from the system. */
    private static BaseFont font(String file) {
        try (InputStream in = MonthlyReportPdf.class.getResourceAsStream("/web/fonts/" + file)) {
            if (in == null) {
                throw new IllegalStateException("web/fonts/" + file + " is not in the jar");
            }
            return BaseFont.createFont(file, BaseFont.IDENTITY_H, BaseFont.EMBEDDED, BaseFont.CACHED,
                    in.readAllBytes(), null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
