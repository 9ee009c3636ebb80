package vn.motcua.appliance.web.reports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import vn.motcua.appliance.TestOffices;
import vn.motcua.appliance.history.Cell;
import vn.motcua.appliance.history.CellKey;
import vn.motcua.appliance.history.Figures;
import vn.motcua.appliance.history.Histogram;

/**
 * The monthly report's appointments table (issue 19): by service, the month's booked, checked in, on time and
 * no-shows summed over its days' cells, on the page and in the PDF; left out of a month without bookings.
 */
class MonthlyBookingsTest {
    private static final YearMonth MONTH = YearMonth.of(2026, 11);

    private static Cell cell(int day, String service, int hour, Figures f) {
        return new Cell(new CellKey(MONTH.atDay(day), service, 0, "", hour), f);
    }

    private static Figures bookings(int booked, int checkedIn, int onTime, int noShows) {
        return new Figures(new int[0], 0, 0, 0, 0, 0, 0, 0, Histogram.EMPTY, Histogram.EMPTY, new int[4], booked,
                checkedIn, onTime, noShows);
    }

    private static Figures ticket() {
        return new Figures(new int[] {1}, 1, 1, 0, 0, 0, 0, 0, Histogram.EMPTY.plus(60), Histogram.EMPTY.plus(200),
                new int[4]);
    }

    private static MonthlyReport report(List<Cell> cells) {
        return MonthlyReport.of("UBND Phường Bến Thành", "Ben Thanh Ward", MONTH, cells,
                new ReportLabels(TestOffices.small()), LocalDate.of(2026, 12, 2));
    }

    @Test
    void theMonthsBookingsAreSummedByServiceOnThePageAndInThePdf(@TempDir Path dir) throws Exception {
        MonthlyReport r = report(List.of(cell(3, "ho-tich", 9, bookings(3, 2, 1, 2)),
                cell(17, "ho-tich", 14, bookings(2, 2, 2, 0)), cell(5, "dat-dai", 8, ticket()),
                cell(20, "dat-dai", 10, bookings(1, 0, 0, 1))));
        assertEquals(List.of("Đất đai", "Hộ tịch"), r.bookedServices().stream().map(MonthlyReport.Line::name).toList());
        assertEquals(List.of(List.of("1", "0", "0", "1"), List.of("5", "4", "3", "2")),
                r.bookedServices().stream().map(MonthlyReport::bookingCells).toList());
        assertEquals(List.of("6", "4", "3", "3"), MonthlyReport.bookingCells(r.total()));

        String html = MonthlyReportPage.html(r);
        assertTrue(html.contains("III. Lịch hẹn theo lĩnh vực <span class=\"en\">/ Appointments by service</span>"), html);
        assertTrue(html.contains("<th>Đến đúng giờ<br><span class=\"en\">On time</span></th>"), html);
        assertTrue(html.contains("<tr class=\"total\"><td class=\"n\"></td><td>Tổng cộng</td><td class=\"n\">6</td>"
                + "<td class=\"n\">4</td><td class=\"n\">3</td><td class=\"n\">3</td></tr>"), html);

        ExternalPrograms.require("pdftotext extracts the PDF's text", "pdftotext", "-v");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        MonthlyReportPdf.write(r, out);
        Path pdf = dir.resolve("monthly.pdf");
        Files.write(pdf, out.toByteArray());
        String text = ExternalPrograms.run(List.of("pdftotext", "-layout", "-enc", "UTF-8", pdf.toString(), "-"));
        assertTrue(text.contains("III. Lịch hẹn theo lĩnh vực"), text);
        List<List<String>> totals = text.lines().filter(l -> l.strip().startsWith("Tổng cộng"))
                .map(l -> Arrays.asList(l.strip().split("\\s+"))).toList();
        assertEquals(3, totals.size(), "a total under each of the three tables:\n" + text);
        assertEquals(List.of("6", "4", "3", "3"), totals.get(2).subList(2, 6), text);
    }

    @Test
    void aMonthWithoutBookingsHasNoAppointmentsTable() throws Exception {
        MonthlyReport r = report(List.of(cell(5, "dat-dai", 8, ticket())));
        assertTrue(r.bookedServices().isEmpty());
        assertFalse(MonthlyReportPage.html(r).contains("Lịch hẹn"));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        MonthlyReportPdf.write(r, out);
        assertTrue(out.size() > 0);
    }
}
