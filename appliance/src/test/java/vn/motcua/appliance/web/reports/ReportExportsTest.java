package vn.motcua.appliance.web.reports;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;

import vn.motcua.appliance.Appliance;
import vn.motcua.appliance.TestStores;
import vn.motcua.appliance.config.ConfigLoader;
import vn.motcua.appliance.domain.Priority;
import vn.motcua.appliance.domain.QueueEngine;
import vn.motcua.appliance.history.Cell;
import vn.motcua.appliance.history.CellKey;
import vn.motcua.appliance.history.Figures;
import vn.motcua.appliance.history.Grouping;
import vn.motcua.appliance.history.Histogram;
import vn.motcua.appliance.history.Period;
import vn.motcua.appliance.history.Report;
import vn.motcua.appliance.service.OfficeHistory;
import vn.motcua.appliance.store.EventJson;
import vn.motcua.appliance.web.auth.PasswordHash;
import vn.motcua.appliance.web.auth.StaffAccounts;
import vn.motcua.bus.MutableClock;

/**
 * The exports and the monthly report over real HTTP from a real appliance whose store holds 45 past days of
 * figures (random cells written with {@code replaceDayFigures}, as a day roll or a recompute writes them) and whose
 * engine served a few tickets today. Each file is read back by a reader that did not write it: the XLSX by
 * openpyxl, the CSV by Python's csv module, the PDF by poppler's pdftotext; every number is compared with
 * {@link Report#of} over the same history, and the totals also with the sum of the cells the test wrote.
 */
class ReportExportsTest {
    @TempDir
    Path dir;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final MutableClock clock = new MutableClock(Instant.now());
    private Appliance appliance;
    private String base;
    private String manager;
    private LocalDate today;
    private final Map<CellKey, Figures> written = new TreeMap<>();
    private int issuedToday;
    private int ratedToday;

    @BeforeEach
    void start() throws Exception {
        Files.writeString(dir.resolve("staff.accounts"),
                StaffAccounts.line("chi", "*", PasswordHash.hash("quan-ly-9".toCharArray())) + "\n"
                        + StaffAccounts.line("lan", "1", PasswordHash.hash("can-bo-7".toCharArray())) + "\n");
        appliance = new Appliance(ConfigLoader.parse(TestStores.demoToml(dir), "test"), clock);
        appliance.start();
        base = "http://127.0.0.1:" + appliance.webPort();
        manager = login("chi", "quan-ly-9");
        today = appliance.queue().read(QueueEngine::day);
        writePastDays(today.minusDays(45), today.minusDays(1));
        serveToday();
    }

    @AfterEach
    void stop() {
        if (appliance != null) {
            appliance.close();
        }
    }

    @Test
    void theWorkbookReadByOpenpyxlHoldsTheReportsNumbersAsNumbersAndDatesAsDates() throws Exception {
        ExternalPrograms.require("openpyxl reads the XLSX", ExternalPrograms.PYTHON, "-c", "import openpyxl");
        Period period = Period.custom(today.minusDays(30), today);
        HttpResponse<byte[]> r = get("/manager/reports/export.xlsx?period=custom&from=" + period.from() + "&to="
                + period.to(), manager);
        assertEquals(200, r.statusCode(), new String(r.body(), StandardCharsets.UTF_8));
        assertEquals(ExportHandler.XLSX_TYPE, r.headers().firstValue("content-type").orElseThrow());
        assertTrue(r.headers().firstValue("content-disposition").orElseThrow().contains(".xlsx"));
        Path file = dir.resolve("export.xlsx");
        Files.write(file, r.body());
        JsonNode book = EventJson.mapper().readTree(ExternalPrograms.run(List.of(ExternalPrograms.PYTHON,
                ExternalPrograms.script(dir, "xlsx_dump.py").toString(), file.toString())));

        List<String> sheets = new ArrayList<>();
        book.fieldNames().forEachRemaining(sheets::add);
        List<String> expectedSheets = new ArrayList<>(List.of("Tổng hợp – Summary"));
        for (Grouping g : Grouping.values()) {
            expectedSheets.add(g.vi + " – " + g.en);
        }
        assertEquals(expectedSheets, sheets, "a summary sheet and one per grouping, Vietnamese intact");

        OfficeHistory history = history();
        Report byService = Report.of(period, Grouping.SERVICE, history);
        checkSummary(book.get("Tổng hợp – Summary"), period, byService);
        for (Grouping g : Grouping.values()) {
            checkGroupingSheet(book.get(g.vi + " – " + g.en), Report.of(period, g, history));
        }
        for (JsonNode sheet : book) {
            for (JsonNode line : sheet) {
                for (JsonNode c : line) {
                    assertFalse(c != null && !c.isNull() && c.get("v").asText().matches(".*\\b[A-Z]\\d{3}\\b.*"),
                            "no ticket number in an export (privacy): " + c);
                }
            }
        }
        JsonNode services = book.get("Dịch vụ – Service");
        assertTrue(column(services, 1).contains("Hộ tịch"), "the service's Vietnamese name: " + column(services, 1));
        assertTrue(column(services, 2).contains("Civil status"));
    }

    @Test
    void theCsvHasABomAndPythonsCsvReadsTheReportsNumbers() throws Exception {
        ExternalPrograms.require("Python's csv module reads the CSV", ExternalPrograms.PYTHON, "-c", "import csv");
        Period period = Period.of(Period.Kind.MONTH, today.minusDays(20));
        OfficeHistory history = history();
        Path reader = ExternalPrograms.script(dir, "csv_dump.py");
        for (Grouping g : List.of(Grouping.DAY, Grouping.SERVICE, Grouping.CLERK)) {
            HttpResponse<byte[]> r = get("/manager/reports/export.csv?period=month&date=" + today.minusDays(20)
                    + "&group=" + g.name().toLowerCase(java.util.Locale.ROOT), manager);
            assertEquals(200, r.statusCode(), new String(r.body(), StandardCharsets.UTF_8));
            assertEquals("text/csv; charset=utf-8", r.headers().firstValue("content-type").orElseThrow());
            assertArrayEquals(CsvExport.BOM, Arrays.copyOf(r.body(), 3), "UTF-8 byte order mark first");
            Path file = dir.resolve(g + ".csv");
            Files.write(file, r.body());
            JsonNode parsed = EventJson.mapper().readTree(ExternalPrograms.run(List.of(ExternalPrograms.PYTHON,
                    reader.toString(), file.toString())));
            assertTrue(parsed.get("bom").asBoolean());
            JsonNode rows = parsed.get("rows");
            Report report = Report.of(period, g, history);
            assertFalse(report.rows().isEmpty(), g + ": the test wrote figures for this month");
            assertEquals(report.rows().size() + 1, rows.size(), g + ": a header, then a row per group, no total");
            assertEquals("Số phiếu cấp / Issued", rows.get(0).get(3).asText());
            assertEquals(3 + ExportColumns.ALL.size(), rows.get(0).size());
            for (int i = 0; i < report.rows().size(); i++) {
                Report.Row row = report.rows().get(i);
                JsonNode fields = rows.get(i + 1);
                assertEquals(row.key().toString(), fields.get(0).asText(), g + " row " + i + ": an ISO date, a code, an id");
                for (int c = 0; c < ExportColumns.ALL.size(); c++) {
                    Number expected = ExportColumns.ALL.get(c).value().apply(row.figures());
                    String field = fields.get(3 + c).asText();
                    String where = g + " " + row.key() + " " + ExportColumns.ALL.get(c).en();
                    if (expected == null) {
                        assertEquals("", field, where);
                    } else {
                        assertEquals(expected.doubleValue(), Double.parseDouble(field), 1e-9, where);
                        if (!(expected instanceof Double)) {
                            assertTrue(field.matches("\\d+"), where + ": a plain integer, got " + field);
                        }
                    }
                }
            }
            if (g == Grouping.SERVICE) {
                assertTrue(rows.toString().contains("Hộ tịch"), "Vietnamese intact: " + rows);
            }
        }
    }

    @Test
    void theMonthlyReportsPdfHasTheVietnameseAndTheFiguresAndRendersToAnImage() throws Exception {
        ExternalPrograms.require("pdftotext extracts the PDF's text", "pdftotext", "-v");
        ExternalPrograms.require("pdftoppm renders the PDF", "pdftoppm", "-v");
        YearMonth month = YearMonth.from(today.minusDays(20));
        HttpResponse<byte[]> r = get("/manager/reports/monthly.pdf?month=" + month, manager);
        assertEquals(200, r.statusCode(), new String(r.body(), StandardCharsets.UTF_8));
        assertEquals("application/pdf", r.headers().firstValue("content-type").orElseThrow());
        Path pdf = dir.resolve("monthly.pdf");
        Files.write(pdf, r.body());
        String text = ExternalPrograms.run(List.of("pdftotext", "-layout", "-enc", "UTF-8", pdf.toString(), "-"));

        for (String s : List.of("UBND Phường Bến Thành", "BÁO CÁO KẾT QUẢ TIẾP NHẬN VÀ PHỤC VỤ CÔNG DÂN",
                "THÁNG " + month.getMonthValue() + " NĂM " + month.getYear(), "Hộ tịch", "Thủ trưởng đơn vị".toUpperCase(java.util.Locale.ROOT),
                "Người lập biểu".toUpperCase(java.util.Locale.ROOT), "(Ký, ghi rõ họ tên, đóng dấu)", "ngày " + String.format("%02d",
                        today.getDayOfMonth()) + " tháng", "Vắng mặt", "Mã cán bộ", "Lĩnh vực")) {
            assertTrue(text.contains(s), "the PDF's text has \"" + s + "\":\n" + text);
        }
        MonthlyReport expected = MonthlyReport.of("", "", month, history().cells(month.atDay(1), month.atEndOfMonth()),
                new ReportLabels(appliance.queue().layout()), today);
        assertFalse(expected.clerks().isEmpty());
        List<String> totals = text.lines().filter(l -> l.strip().startsWith("Tổng cộng")).toList();
        assertEquals(2, totals.size(), "a total under each table:\n" + text);
        for (String line : totals) {
            assertEquals(MonthlyReport.cells(expected.total()), tokens(line).subList(2, tokens(line).size()), line);
        }
        for (MonthlyReport.Line clerk : expected.clerks()) {
            if (clerk.name().contains(" ")) {
                continue; // "Không có cán bộ": checked in the total
            }
            String line = text.lines().filter(l -> tokens(l).size() > 2 && tokens(l).get(1).equals(clerk.name()))
                    .findFirst().orElseThrow(() -> new AssertionError("no line for clerk " + clerk.name() + ":\n" + text));
            assertEquals(MonthlyReport.cells(clerk), tokens(line).subList(2, tokens(line).size()), line);
        }

        Path image = dir.resolve("monthly-report");
        ExternalPrograms.run(List.of("pdftoppm", "-png", "-r", "100", "-f", "1", "-l", "1", "-singlefile",
                pdf.toString(), image.toString()));
        Path png = dir.resolve("monthly-report.png");
        byte[] head = Arrays.copyOf(Files.readAllBytes(png), 4);
        assertArrayEquals(new byte[] {(byte) 0x89, 'P', 'N', 'G'}, head, "page 1 rendered");
        Path screens = Path.of("target/screens");
        Files.createDirectories(screens);
        Files.copy(png, screens.resolve("monthly-report.png"), StandardCopyOption.REPLACE_EXISTING);

        HttpResponse<byte[]> page = get("/manager/reports/monthly?month=" + month, manager);
        assertEquals(200, page.statusCode());
        assertEquals("text/html; charset=utf-8", page.headers().firstValue("content-type").orElseThrow());
        assertTrue(page.headers().firstValue("content-security-policy").orElseThrow().startsWith("default-src 'none'"),
                "the page runs no script and loads nothing from elsewhere");
        String html = new String(page.body(), StandardCharsets.UTF_8);
        for (String s : List.of("@page { size: A4 landscape", "THỦ TRƯỞNG ĐƠN VỊ", "Hộ tịch",
                "<td>Tổng cộng</td>" + MonthlyReport.cells(expected.total()).stream()
                        .map(c -> "<td class=\"n\">" + c + "</td>").reduce("", String::concat))) {
            assertTrue(html.contains(s), "the page has " + s);
        }
    }

    @Test
    void onlyAManagerGetsThemAndABadParameterIsA400NamingIt() throws Exception {
        String clerk = login("lan", "can-bo-7");
        for (String path : List.of("/manager/reports/export.xlsx", "/manager/reports/export.csv",
                "/manager/reports/monthly", "/manager/reports/monthly.pdf")) {
            for (String cookie : new String[] {null, clerk}) {
                HttpResponse<byte[]> r = get(path, cookie);
                assertEquals(403, r.statusCode(), path);
                JsonNode e = EventJson.mapper().readTree(r.body());
                assertEquals("MANAGER_ONLY", e.get("error").asText());
                assertEquals("Cần đăng nhập tài khoản quản lý", e.get("message_vi").asText());
            }
            assertEquals(200, get(path, manager).statusCode(), path + " with no parameter: this month");
            HttpResponse<String> posted = http.send(HttpRequest.newBuilder(URI.create(base + path))
                    .header("Cookie", manager).POST(HttpRequest.BodyPublishers.noBody()).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(405, posted.statusCode(), path + " takes GET only");
        }
        String[][] bad = {
                {"/manager/reports/export.xlsx?period=fortnight", "period"},
                {"/manager/reports/export.xlsx?date=2026-02-30", "date"},
                {"/manager/reports/export.xlsx?period=custom&from=2026-03-01", "to"},
                {"/manager/reports/export.csv?group=resident", "group"},
                {"/manager/reports/export.csv?period=custom&from=2026-03-02&to=2026-03-01", "from/to"},
                {"/manager/reports/export.xlsx?period=custom&from=2020-01-01&to=2026-01-01", "from/to"},
                {"/manager/reports/monthly?month=2026-13", "month"},
                {"/manager/reports/monthly.pdf?month=1999-12", "month"},
                {"/manager/reports/monthly.pdf?month=thang-mot", "month"}};
        for (String[] b : bad) {
            HttpResponse<byte[]> r = get(b[0], manager);
            assertEquals(400, r.statusCode(), b[0]);
            JsonNode e = EventJson.mapper().readTree(r.body());
            assertTrue(e.get("message_vi").asText().contains("“" + b[1] + "”"), b[0] + ": " + e);
            assertTrue(e.get("message_en").asText().contains("'" + b[1] + "'"), b[0] + ": " + e);
        }
    }

    private void checkSummary(JsonNode sheet, Period period, Report report) {
        assertEquals(appliance.config().identity().officeNameVi(), row(sheet, "Đơn vị").get(2).get("v").asText());
        assertDate(period.from(), row(sheet, "Từ ngày").get(2));
        assertDate(period.to(), row(sheet, "Đến ngày").get(2));
        assertDate(period.previous().from(), row(sheet, "Kỳ trước từ ngày").get(2));
        assertEquals("d", row(sheet, "Lập lúc").get(2).get("t").asText(), "generated at: a date cell");
        Figures independent = Figures.NONE;
        for (Map.Entry<CellKey, Figures> e : written.entrySet()) {
            if (period.contains(e.getKey().day())) {
                independent = independent.plus(e.getValue());
            }
        }
        assertEquals(independent.issued() + issuedToday, report.total().issued(), "the history holds what was written");
        for (ExportColumns.Column c : ExportColumns.ALL) {
            JsonNode cells = row(sheet, c.vi());
            assertEquals(c.en(), cells.get(1).get("v").asText());
            assertNumber(c.value().apply(report.total()), cells.get(2), c.en());
            assertNumber(c.value().apply(report.previousTotal()), cells.get(3), "previous " + c.en());
        }
        assertNumber(independent.issued() + issuedToday, row(sheet, "Số phiếu cấp").get(2), "issued, independently");
        assertNumber(independent.ratingCount() + ratedToday, row(sheet, "Số lượt đánh giá").get(2), "ratings, independently");
    }

    private void checkGroupingSheet(JsonNode sheet, Report report) {
        Grouping g = report.grouping();
        assertEquals(ExportKeys.header(g).vi(), sheet.get(0).get(0).get("v").asText());
        assertEquals(ExportKeys.header(g).en(), sheet.get(1).get(0).get("v").asText());
        assertEquals(report.rows().size() + 3, sheet.size(), g + ": two header rows, a row per group, a total");
        assertFalse(report.rows().isEmpty(), g.name());
        for (int i = 0; i < report.rows().size(); i++) {
            Report.Row row = report.rows().get(i);
            JsonNode cells = sheet.get(i + 2);
            JsonNode key = cells.get(0);
            switch (ExportKeys.typed(g, row.key())) {
                case LocalDate d -> assertDate(d, key);
                case Integer n -> assertNumber(n, key, g + " key");
                case String s -> assertEquals(s, key.get("v").asText());
                default -> throw new AssertionError(row.key());
            }
            for (int c = 0; c < ExportColumns.ALL.size(); c++) {
                assertNumber(ExportColumns.ALL.get(c).value().apply(row.figures()), cells.get(3 + c),
                        g + " " + row.key() + " " + ExportColumns.ALL.get(c).en());
            }
        }
        JsonNode total = sheet.get(sheet.size() - 1);
        assertEquals("Total", total.get(2).get("v").asText());
        for (int c = 0; c < ExportColumns.ALL.size(); c++) {
            assertNumber(ExportColumns.ALL.get(c).value().apply(report.total()), total.get(3 + c), g + " total");
        }
    }

    private static void assertNumber(Number expected, JsonNode cell, String where) {
        ExportsAgainstTheEvents.assertCell(expected, cell, where);
    }

    private static void assertDate(LocalDate expected, JsonNode cell) {
        assertEquals("d", cell.get("t").asText(), "a date cell, not text: " + cell);
        assertEquals(expected.atStartOfDay().toString() + ":00", cell.get("v").asText());
        assertEquals(XlsxExport.DATE_FORMAT, cell.get("format").asText());
    }

    /** The summary sheet's row whose first cell is {@code label}. */
    private static JsonNode row(JsonNode sheet, String label) {
        for (JsonNode r : sheet) {
            if (r.size() > 0 && r.get(0) != null && !r.get(0).isNull() && label.equals(r.get(0).get("v").asText())) {
                return r;
            }
        }
        throw new AssertionError("no row " + label + " in " + sheet);
    }

    private static List<String> column(JsonNode sheet, int c) {
        List<String> out = new ArrayList<>();
        for (JsonNode r : sheet) {
            if (r.size() > c && r.get(c) != null && !r.get(c).isNull()) {
                out.add(r.get(c).get("v").asText());
            }
        }
        return out;
    }

    private static List<String> tokens(String line) {
        return Arrays.stream(line.strip().split("\\s+")).filter(s -> !s.isEmpty()).toList();
    }

    private OfficeHistory history() {
        return new OfficeHistory(appliance.store(), appliance.queue(), appliance.config().manager().alertWait());
    }

    /** Random figures for every day of the range, ho-tich each day so the month names it, as a roll stores them. */
    private void writePastDays(LocalDate from, LocalDate to) {
        Random random = new Random(18);
        List<String> services = new ArrayList<>(appliance.queue().layout().servicesByCode().keySet());
        String[] clerks = {"lan", "minh", "an-nguyen"};
        for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
            Map<CellKey, Figures> day = new TreeMap<>();
            for (int i = 0; i < 12; i++) {
                String service = i == 0 ? "ho-tich" : services.get(random.nextInt(services.size()));
                int counter = random.nextInt(6);
                String staff = counter == 0 ? "" : clerks[random.nextInt(clerks.length)];
                day.merge(new CellKey(d, service, counter, staff, 7 + random.nextInt(10)), figures(random, counter > 0),
                        Figures::plus);
            }
            List<Cell> cells = new ArrayList<>();
            day.forEach((k, f) -> cells.add(new Cell(k, f)));
            appliance.store().replaceDayFigures(d, cells);
            written.putAll(day);
        }
    }

    private static Figures figures(Random random, boolean finished) {
        int[] issued = new int[Priority.values().length];
        issued[0] = 1 + random.nextInt(9);
        issued[1] = random.nextInt(3);
        int all = issued[0] + issued[1];
        int called = finished ? all : random.nextInt(all + 1);
        Histogram waits = Histogram.EMPTY;
        for (int i = 0; i < called; i++) {
            waits = waits.plus(random.nextInt(3000));
        }
        int served = finished ? called - random.nextInt(called + 1) / 3 : 0;
        Histogram times = Histogram.EMPTY;
        int[] ratings = new int[4];
        for (int i = 0; i < served; i++) {
            times = times.plus(60 + random.nextInt(900));
            if (random.nextBoolean()) {
                ratings[random.nextInt(4)]++;
            }
        }
        return new Figures(issued, called, served, called - served, all - called, random.nextInt(2), 0,
                random.nextInt(2), waits, times, ratings);
    }

    /** Today through the engine: a clerk opens counter 1, calls, serves and is rated. */
    private void serveToday() throws Exception {
        post("/api/counters/1/open", "{\"staff\":\"lan\"}");
        for (int i = 0; i < 3; i++) {
            post("/api/tickets", "{\"service\":\"ho-tich\"}");
            issuedToday++;
        }
        post("/api/counters/1/call-next", "{}");
        post("/api/counters/1/start", "{}");
        clock.advance(Duration.ofMinutes(7));
        post("/api/counters/1/finish", "{}");
        post("/api/counters/1/rate", "{\"score\":1}");
        ratedToday++;
        post("/api/counters/1/call-next", "{}");
    }

    private String login(String user, String password) throws Exception {
        HttpResponse<String> ok = post("/counter/login", "{\"user\":\"" + user + "\",\"password\":\"" + password + "\"}");
        String cookie = ok.headers().firstValue("set-cookie").orElseThrow();
        return cookie.substring(0, cookie.indexOf(';'));
    }

    private HttpResponse<String> post(String path, String json) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(2, r.statusCode() / 100, path + ": " + r.body());
        return r;
    }

    private HttpResponse<byte[]> get(String path, String cookie) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30));
        if (cookie != null) {
            b.header("Cookie", cookie);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
    }
}
