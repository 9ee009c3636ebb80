package vn.motcua.appliance.web.reports;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

import vn.motcua.appliance.history.Figures;
import vn.motcua.appliance.history.Grouping;
import vn.motcua.appliance.history.Period;
import vn.motcua.appliance.history.Report;
import vn.motcua.appliance.history.SimulatedOffice;
import vn.motcua.appliance.store.EventJson;

/**
 * The exports of a simulated office's history read back by independent readers (openpyxl for the XLSX, Python's
 * csv module for the CSV) and every number compared with the figures computed from the raw events
 * ({@code history.IndependentFigures}): what {@code SixtyOfficeDaysTest} asks of the files an office opens in Excel.
 */
public final class ExportsAgainstTheEvents {
    private ExportsAgainstTheEvents() {}

    /** Checks the XLSX (every grouping) and the CSV (each grouping) of each period; returns how many rows were checked. */
    public static int check(Path dir, SimulatedOffice.Result r, List<Period> periods) throws Exception {
        ExternalPrograms.require("openpyxl reads the XLSX", ExternalPrograms.PYTHON, "-c", "import openpyxl");
        ReportLabels labels = new ReportLabels(r.layout());
        Path xlsxReader = ExternalPrograms.script(dir, "xlsx_dump.py");
        Path csvReader = ExternalPrograms.script(dir, "csv_dump.py");
        int rows = 0;
        for (Period p : periods) {
            Map<Grouping, Report> reports = Report.of(p, EnumSet.allOf(Grouping.class), r.figures());
            Path xlsx = dir.resolve("history-" + p.from() + "-" + p.to() + ".xlsx");
            try (OutputStream out = Files.newOutputStream(xlsx)) {
                new XlsxExport("Phường Mô Phỏng", "Simulated Ward", labels).write(reports,
                        LocalDateTime.of(2026, 12, 6, 8, 0), out);
            }
            JsonNode book = EventJson.mapper().readTree(ExternalPrograms.run(List.of(ExternalPrograms.PYTHON,
                    xlsxReader.toString(), xlsx.toString())));
            for (Grouping g : Grouping.values()) {
                Map<Comparable<?>, Figures> want = r.expected(p, g);
                JsonNode sheet = book.get(g.vi + " – " + g.en);
                assertNotNull(sheet, "a sheet for " + g + ", its Vietnamese name intact");
                assertEquals(want.size() + 3, sheet.size(), p + " " + g + ": two header rows, a row per group, a total");
                int i = 2;
                for (Map.Entry<Comparable<?>, Figures> e : want.entrySet()) {
                    JsonNode line = sheet.get(i++);
                    String where = "XLSX " + p.from() + ".." + p.to() + " " + g + " " + e.getKey();
                    assertKey(g, e.getKey(), line.get(0), where);
                    for (int c = 0; c < ExportColumns.ALL.size(); c++) {
                        assertCell(ExportColumns.ALL.get(c).value().apply(e.getValue()), line.get(3 + c),
                                where + " " + ExportColumns.ALL.get(c).en());
                    }
                    rows++;
                }
                Path csv = dir.resolve("history-" + p.from() + "-" + g + ".csv");
                try (OutputStream out = Files.newOutputStream(csv)) {
                    new CsvExport(labels).write(reports.get(g), out);
                }
                assertArrayEquals(CsvExport.BOM, Arrays.copyOf(Files.readAllBytes(csv), 3), "UTF-8 byte order mark");
                JsonNode parsed = EventJson.mapper().readTree(ExternalPrograms.run(List.of(ExternalPrograms.PYTHON,
                        csvReader.toString(), csv.toString()))).get("rows");
                assertEquals(want.size() + 1, parsed.size(), "CSV " + g + ": a header, then a row per group");
                i = 1;
                for (Map.Entry<Comparable<?>, Figures> e : want.entrySet()) {
                    JsonNode fields = parsed.get(i++);
                    String where = "CSV " + p.from() + ".." + p.to() + " " + g + " " + e.getKey();
                    assertEquals(e.getKey().toString(), fields.get(0).asText(), where);
                    for (int c = 0; c < ExportColumns.ALL.size(); c++) {
                        Number expected = ExportColumns.ALL.get(c).value().apply(e.getValue());
                        String field = fields.get(3 + c).asText();
                        if (expected == null) {
                            assertEquals("", field, where + " " + ExportColumns.ALL.get(c).en());
                        } else {
                            assertEquals(expected.doubleValue(), Double.parseDouble(field), 1e-9,
                                    where + " " + ExportColumns.ALL.get(c).en());
                        }
                    }
                    rows++;
                }
            }
        }
        return rows;
    }

    private static void assertKey(Grouping g, Comparable<?> key, JsonNode cell, String where) {
        switch (ExportKeys.typed(g, key)) {
            case LocalDate d -> {
                assertEquals("d", cell.get("t").asText(), where + ": a date cell, not text");
                assertEquals(d.atStartOfDay() + ":00", cell.get("v").asText(), where);
            }
            case Integer n -> assertCell(n, cell, where + " key");
            case String s -> assertEquals(s, cell.get("v").asText(), where + ": " + g.name().toLowerCase(Locale.ROOT));
            default -> throw new AssertionError(key);
        }
    }

    /** A number cell holding {@code expected}, an integer cell for a count; an empty cell when nothing was measured. */
    static void assertCell(Number expected, JsonNode cell, String where) {
        if (expected == null) {
            assertTrue(cell == null || cell.isNull(), where + ": nothing measured is an empty cell, got " + cell);
            return;
        }
        assertNotNull(cell, where);
        assertEquals("n", cell.get("t").asText(), where + ": a number cell, got " + cell);
        assertEquals(expected.doubleValue(), cell.get("v").asDouble(), 1e-9, where);
        if (!(expected instanceof Double)) {
            assertTrue(cell.get("v").isIntegralNumber(), where + ": an integer, got " + cell);
        }
    }
}
