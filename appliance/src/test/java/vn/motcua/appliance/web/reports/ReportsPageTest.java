package vn.motcua.appliance.web.reports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.xml.sax.InputSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import vn.motcua.appliance.Appliance;
import vn.motcua.appliance.config.ConfigLoader;
import vn.motcua.appliance.domain.Priority;
import vn.motcua.appliance.history.Cell;
import vn.motcua.appliance.history.Figures;
import vn.motcua.appliance.history.Grouping;
import vn.motcua.appliance.history.Period;
import vn.motcua.appliance.history.Report;
import vn.motcua.appliance.service.OfficeHistory;
import vn.motcua.appliance.service.QueueService;
import vn.motcua.appliance.store.EventJson;
import vn.motcua.appliance.web.auth.PasswordHash;
import vn.motcua.appliance.web.auth.StaffAccounts;
import vn.motcua.bus.MutableClock;

/**
 * The reports' data and charts over real HTTP from a real appliance whose store holds three real rolled days: the
 * engine's clock is driven from Monday 2 November 2026 to Thursday, each day's roll writing its {@code day_figures}
 * rows, and Thursday's tickets are live. What {@code /manager/reports/data} answers is compared with
 * {@link Report#of} computed directly over the same store; a manager alone may read it; a bad query is a 400 naming
 * the field; the charts are well-formed SVG holding the figures.
 */
class ReportsPageTest {
    private static final ZoneId HANOI = ZoneId.of("Asia/Ho_Chi_Minh");
    private static final LocalDate MONDAY = LocalDate.of(2026, 11, 2);
    private static final ObjectMapper JSON = EventJson.mapper();

    @TempDir
    Path dir;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final MutableClock clock = new MutableClock(at(MONDAY, 7, 30));
    private Appliance appliance;
    private QueueService queue;
    private String base;
    private String manager;

    private static Instant at(LocalDate day, int hour, int minute) {
        return day.atTime(LocalTime.of(hour, minute)).atZone(HANOI).toInstant();
    }

    @BeforeEach
    void start() throws Exception {
        Files.writeString(dir.resolve("staff.accounts"),
                StaffAccounts.line("lan", "1,2", PasswordHash.hash("mat-khau-1".toCharArray())) + "\n"
                        + StaffAccounts.line("chi", "*", PasswordHash.hash("quan-ly-9".toCharArray())) + "\n");
        // the demo office (open around the clock) with its real 04:00 roll: this test's clock crosses it
        String toml = Files.readString(Path.of("src/main/dist/demo.conf"))
                .replace("data_dir       = \"./data\"", "data_dir = \"" + dir + "\"")
                .replace("port           = 8080", "port = 0");
        appliance = new Appliance(ConfigLoader.parse(toml, "test"), clock);
        appliance.start();
        queue = appliance.queue();
        base = "http://127.0.0.1:" + appliance.webPort();
        manager = login("chi", "quan-ly-9");
    }

    @AfterEach
    void stop() {
        appliance.close();
    }

    /**
     * One office day from 08:00: {@code residents} tickets for ho-tich at counters 1 (lan) and 2 (minh), one for
     * dat-dai at counter 3 (mai) transferred to ho-tich; every third resident skipped, the others served and rated;
     * one parked and served after; the last ticket left waiting (it expires at the roll).
     */
    private void officeDay(LocalDate day, int residents, int minutesApart) {
        clock.set(at(day, 8, 0));
        queue.tick();
        queue.execute(e -> e.openCounter(1, "lan"));
        queue.execute(e -> e.openCounter(2, "minh"));
        queue.execute(e -> e.openCounter(3, "mai"));
        queue.execute(e -> e.issueTicket("dat-dai", Priority.NORMAL, null));
        for (int i = 0; i < residents; i++) {
            Priority priority = i % 4 == 0 ? Priority.ELDERLY : Priority.NORMAL;
            queue.execute(e -> e.issueTicket("ho-tich", priority, null));
            clock.advance(Duration.ofMinutes(minutesApart));
        }
        queue.execute(e -> e.callNext(3));
        queue.execute(e -> e.transferToService(3, "ho-tich"));
        for (int i = 0; i < residents; i++) {
            int counter = 1 + i % 2;
            queue.execute(e -> e.callNext(counter));
            clock.advance(Duration.ofSeconds(40 + 25L * i));
            if (i % 3 == 2) {
                queue.execute(e -> e.skip(counter));
                continue;
            }
            if (i == 1) {
                queue.execute(e -> e.park(counter));
                String parked = queue.read(e -> e.tickets().stream()
                        .filter(t -> t.status().name().equals("PARKED")).findFirst().orElseThrow().number());
                queue.execute(e -> e.callParked(counter, parked));
            }
            queue.execute(e -> e.startService(counter));
            clock.advance(Duration.ofMinutes(3 + i % 4));
            queue.execute(e -> e.finish(counter));
            int score = 1 + i % 4;
            queue.execute(e -> e.rate(counter, score));
        }
        queue.execute(e -> e.issueTicket("xay-dung", Priority.NORMAL, null)); // still waiting at the roll
        queue.execute(e -> e.closeCounter(3));
    }

    private void fourDays() throws Exception {
        officeDay(MONDAY, 7, 4);
        officeDay(MONDAY.plusDays(1), 5, 9);
        officeDay(MONDAY.plusDays(2), 9, 2);
        officeDay(MONDAY.plusDays(3), 4, 6); // today: live, not rolled
        assertEquals(MONDAY.plusDays(3), queue.read(e -> e.day()));
        Set<LocalDate> stored = appliance.store().dayFigures(MONDAY, MONDAY.plusDays(3)).stream()
                .map(c -> c.key().day()).collect(Collectors.toSet());
        assertEquals(Set.of(MONDAY, MONDAY.plusDays(1), MONDAY.plusDays(2)), stored,
                "the three rolled days are in day_figures, today is not yet");
        manager = login("chi", "quan-ly-9"); // the session of Monday lapsed with the days this clock went through
    }

    private Report direct(Period period, Grouping grouping) {
        return Report.of(period, grouping, new OfficeHistory(appliance.store(), queue,
                appliance.config().manager().alertWait()));
    }

    private JsonNode tree(Figures f) throws Exception {
        return JSON.readTree(JSON.writeValueAsString(f.asMap())); // the same number types as an answer read back
    }

    @Test
    void theDataAreTheReportOfTheStoredAndLiveDays() throws Exception {
        fourDays();
        for (Grouping g : Grouping.values()) {
            JsonNode d = data("period=week&date=2026-11-04&group=" + g.name().toLowerCase());
            Report expected = direct(Period.of(Period.Kind.WEEK, MONDAY), g);
            assertEquals("2026-11-02", d.at("/period/from").asText());
            assertEquals("2026-11-08", d.at("/period/to").asText());
            assertEquals("2026-10-26", d.at("/previous_period/from").asText());
            assertEquals("2026-11-09", d.at("/next_period/from").asText());
            assertEquals(g.name().toLowerCase(), d.at("/grouping/key").asText());
            assertEquals(tree(expected.total()), d.get("total"));
            assertEquals(expected.rows().size(), d.get("rows").size(), g + ": " + d.get("rows"));
            ReportLabels labels = new ReportLabels(queue.layout());
            for (int i = 0; i < expected.rows().size(); i++) {
                Report.Row row = expected.rows().get(i);
                JsonNode r = d.get("rows").get(i);
                assertEquals(String.valueOf(row.key()), r.get("key").asText());
                assertEquals(labels.of(g, row.key()).vi(), r.get("label_vi").asText());
                assertEquals(labels.of(g, row.key()).en(), r.get("label_en").asText());
                assertEquals(tree(row.figures()), r.get("figures"), g + " row " + row.key());
            }
            for (int w = 0; w < 7; w++) {
                for (int h = 0; h < 24; h++) {
                    assertEquals(expected.heatMap()[w][h].issued(), d.at("/heat_map/arrivals/" + w + "/" + h).asInt());
                }
            }
        }
        Figures total = direct(Period.of(Period.Kind.WEEK, MONDAY), Grouping.SERVICE).total();
        assertEquals(4 * 2 + 7 + 5 + 9 + 4, total.issued(), "every ticket of the four days, today's included");
        assertTrue(total.served() > 0 && total.noShows() > 0 && total.expired() > 0 && total.transferred() == 4
                && total.ratingCount() > 0, total.toString());
        // (parked is not asserted: the engine never counts a park into Ticket.parks yet; reported to the history core)

        // Clerks by staff id: lan and minh served ho-tich, mai finished nothing (her ticket went on)
        JsonNode clerks = data("period=week&date=2026-11-04&group=clerk");
        List<String> keys = clerks.get("rows").findValuesAsText("key");
        assertTrue(keys.containsAll(List.of("lan", "minh")) && !keys.contains("mai"), keys.toString());

        // A custom range: Tuesday and Wednesday against the two days before (Sunday, Monday)
        JsonNode custom = data("period=custom&from=2026-11-03&to=2026-11-04&group=day");
        Report c = direct(Period.custom(MONDAY.plusDays(1), MONDAY.plusDays(2)), Grouping.DAY);
        assertEquals(tree(c.total()), custom.get("total"));
        assertEquals(tree(c.previousTotal()), custom.get("previous_total"));
        assertEquals(9, custom.at("/previous_total/issued").asInt(), "Monday's 7 + 2 tickets are the previous period");
        assertEquals(2, custom.get("trend").size());
        assertEquals(c.rows().get(0).figures().issued(), custom.at("/trend/0/issued").asInt());
        assertEquals("2026-11-05", custom.at("/next_period/from").asText());
        assertEquals("2026-11-06", custom.at("/next_period/to").asText());

        // No date: the period holding the queue's day
        JsonNode today = data("period=day");
        assertEquals("2026-11-05", today.at("/period/from").asText());
        assertEquals(4 + 2, today.at("/total/issued").asInt());
    }

    @Test
    void theChartsAreWellFormedSvgHoldingTheFigures() throws Exception {
        fourDays();
        Report week = direct(Period.of(Period.Kind.WEEK, MONDAY), Grouping.SERVICE);
        Document groups = svg("kind=groups&period=week&date=2026-11-04&group=service");
        Set<String> texts = texts(groups);
        for (Report.Row r : week.rows()) {
            assertTrue(texts.contains(Integer.toString(r.figures().issued())), r.key() + " issued in " + texts);
            assertTrue(texts.contains(Integer.toString(r.figures().served())), r.key() + " served in " + texts);
        }
        assertTrue(texts.contains("Hộ tịch"), texts.toString());

        Document trend = svg("kind=trend&period=week&date=2026-11-04");
        Set<String> trendTexts = texts(trend);
        for (Report.Row r : direct(Period.of(Period.Kind.WEEK, MONDAY), Grouping.DAY).rows()) {
            assertTrue(trendTexts.contains(Integer.toString(r.figures().issued())), r.key() + " in " + trendTexts);
            assertTrue(trendTexts.contains(ReportLabels.duration(r.figures().waits().average())), r.key() + " in " + trendTexts);
        }

        Document heat = svg("kind=heatmap&of=arrivals&period=week&date=2026-11-04");
        Set<String> heatTexts = texts(heat);
        int monday8 = week.heatMap()[0][8].issued();
        assertTrue(monday8 > 0 && heatTexts.contains(Integer.toString(monday8)), monday8 + " in " + heatTexts);
        Document waits = svg("kind=heatmap&of=waits&period=week&date=2026-11-04");
        assertTrue(texts(waits).contains(ReportLabels.duration(week.heatMap()[0][8].waits().average())));

        HttpResponse<String> bad = get("/manager/reports/chart.svg?kind=pie", manager);
        assertEquals(400, bad.statusCode());
        assertEquals("kind", refusal(bad, "BAD_FIELD"));
    }

    @Test
    void onlyAManagerReadsTheReports() throws Exception {
        String clerk = login("lan", "mat-khau-1");
        for (String path : new String[] {"/manager/reports/data", "/manager/reports/chart.svg?kind=groups"}) {
            HttpResponse<String> none = get(path, null);
            assertEquals(403, none.statusCode(), path);
            refusal(none, "MANAGER_ONLY");
            HttpResponse<String> asClerk = get(path, clerk);
            assertEquals(403, asClerk.statusCode(), path);
            refusal(asClerk, "MANAGER_ONLY");
            assertEquals(200, get(path, manager).statusCode(), path);
        }
        HttpResponse<String> page = get("/manager/reports", null);
        assertEquals(200, page.statusCode(), "the page itself holds the login form");
        assertTrue(page.body().contains("id=\"login-form\"") && page.body().contains("Báo cáo"));
        assertTrue(get("/manager", null).body().contains("href=\"/manager/reports\""), "linked from the manager view");
    }

    @Test
    void aBadQueryIsRefusedNamingTheField() throws Exception {
        String[][] cases = {
                {"period=fortnight", "BAD_FIELD", "period"},
                {"group=colour", "BAD_FIELD", "group"},
                {"period=day&date=2026-13-01", "BAD_FIELD", "date"},
                {"period=day&date=1999-12-31", "BAD_FIELD", "date"},
                {"period=custom&to=2026-11-04", "MISSING_FIELD", "from"},
                {"period=custom&from=2026-11-04", "MISSING_FIELD", "to"},
                {"period=custom&from=2026-11-05&to=2026-11-04", "BAD_FIELD", "from/to"},
        };
        for (String[] c : cases) {
            HttpResponse<String> r = get("/manager/reports/data?" + c[0], manager);
            assertEquals(400, r.statusCode(), c[0] + ": " + r.body());
            assertEquals(c[2], refusal(r, c[1]), c[0]);
        }
    }

    /** Checks the refusal's code and bilingual texts, and returns the field its English text names. */
    private static String refusal(HttpResponse<String> r, String code) throws Exception {
        assertTrue(r.headers().firstValue("content-type").orElse("").startsWith("application/json"), r.body());
        JsonNode b = JSON.readTree(r.body());
        assertEquals(code, b.get("error").asText(), r.body());
        assertFalse(b.get("message_vi").asText().isBlank());
        String en = b.get("message_en").asText();
        if (!code.endsWith("FIELD")) {
            return en;
        }
        assertTrue(b.get("message_vi").asText().contains("“"), b.toString());
        return en.substring(en.indexOf('\'') + 1, en.lastIndexOf('\''));
    }

    private Document svg(String query) throws Exception {
        HttpResponse<String> r = get("/manager/reports/chart.svg?" + query, manager);
        assertEquals(200, r.statusCode(), r.body());
        assertEquals("image/svg+xml; charset=utf-8", r.headers().firstValue("content-type").orElseThrow());
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        Document doc = f.newDocumentBuilder().parse(new InputSource(new StringReader(r.body())));
        Element root = doc.getDocumentElement();
        assertEquals("svg", root.getLocalName());
        assertEquals("http://www.w3.org/2000/svg", root.getNamespaceURI());
        assertEquals("img", root.getAttribute("role"));
        String label = root.getAttribute("aria-label");
        assertTrue(label.contains(" / ") && !label.isBlank(), label);
        assertEquals(label, doc.getElementsByTagNameNS("http://www.w3.org/2000/svg", "title").item(0).getTextContent());
        return doc;
    }

    private static Set<String> texts(Document doc) {
        var list = doc.getElementsByTagNameNS("http://www.w3.org/2000/svg", "text");
        Set<String> out = new java.util.HashSet<>();
        for (int i = 0; i < list.getLength(); i++) {
            out.add(list.item(i).getTextContent());
        }
        return out;
    }

    private JsonNode data(String query) throws Exception {
        HttpResponse<String> r = get("/manager/reports/data?" + query, manager);
        assertEquals(200, r.statusCode(), query + ": " + r.body());
        return JSON.readTree(r.body());
    }

    private HttpResponse<String> get(String path, String cookie) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(10));
        if (cookie != null) {
            b.header("Cookie", cookie);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private String login(String user, String password) throws Exception {
        HttpResponse<String> ok = http.send(HttpRequest.newBuilder(URI.create(base + "/counter/login"))
                .header("Content-Type", "application/json").timeout(Duration.ofSeconds(10))
                .POST(HttpRequest.BodyPublishers.ofString("{\"user\":\"" + user + "\",\"password\":\"" + password + "\"}"))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, ok.statusCode(), ok.body());
        String cookie = ok.headers().firstValue("set-cookie").orElseThrow();
        return cookie.substring(0, cookie.indexOf(';'));
    }
}
