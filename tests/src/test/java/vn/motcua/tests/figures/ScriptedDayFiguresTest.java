package vn.motcua.tests.figures;

import vn.motcua.tests.harness.StaffFile;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import vn.motcua.appliance.Appliance;
import vn.motcua.appliance.config.ConfigLoader;
import vn.motcua.appliance.store.OutboxEvent;

/**
 * Issue 15 item 4: a scripted office day driven through the appliance's own HTTP API (tickets, an ignored call
 * replaced by call-next, skips, a recall of a no-show, parks and a call of the parked, transfers to a service and
 * to a counter, ratings), then {@code /metrics}, {@code /manager/summary} and the district's {@code day.summary}
 * (committed with the roll to the next day) must each agree, figure by figure, with a count the test makes itself
 * from the day's events in the outbox: what happened, not what the appliance concluded.
 *
 * <p>The appliance runs in-process (as {@code DaySummaryToDistrictTest}) because the test moves its clock: through
 * the day, so waits and service times are known, and across 04:00 for the roll that writes the summary.
 */
class ScriptedDayFiguresTest {
    private static final ZoneId HANOI = ZoneId.of("Asia/Ho_Chi_Minh");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> SERVICES = List.of("ho-tich", "dat-dai", "xay-dung", "kinh-doanh", "ldtbxh", "chung-thuc");

    /** The wall clock, moved by the test. */
    static final class MovableClock extends Clock {
        private volatile Instant now;

        MovableClock(Instant start) { now = start; }
        void advance(Duration d) { now = now.plus(d); }
        void set(Instant instant) { now = instant; }
        @Override public ZoneId getZone() { return ZoneOffset.UTC; }
        @Override public Clock withZone(ZoneId zone) { return this; }
        @Override public Instant instant() { return now; }
    }

    private final HttpClient http = HttpClient.newHttpClient();
    private String base;
    private MovableClock clock;

    @Test
    void metricsManagerAndDaySummaryAgreeWithTheEventsOnEveryFigure(@TempDir Path dir) throws Exception {
        StaffFile.write(dir.resolve("app"), StaffFile.CHI);
        String toml = Files.readString(Path.of("../appliance/src/main/dist/demo.conf"))
                .replace("data_dir       = \"./data\"", "data_dir = \"" + dir.resolve("app") + "\"")
                .replace("port           = 8080", "port = 0");
        LocalDate today = LocalDate.now(HANOI);
        clock = new MovableClock(today.atTime(8, 0).atZone(HANOI).toInstant());
        try (Appliance a = new Appliance(ConfigLoader.parse(toml, "test"), clock)) {
            a.start();
            base = "http://127.0.0.1:" + a.webPort();
            String manager = login("chi", "quan-ly-9");
            scriptedMorning();

            JsonNode summary = get("/manager/summary", manager);
            String metrics = get("/metrics", null).asText();

            // The roll to the next business day commits the summary of this one.
            clock.set(today.plusDays(1).atTime(LocalTime.of(4, 0, 1)).atZone(HANOI).toInstant());
            a.queue().tick();
            List<OutboxEvent> events = a.store().rangeFrom(1, 100_000);
            List<OutboxEvent> summaries = events.stream().filter(e -> e.type().equals("day.summary")).toList();
            assertEquals(1, summaries.size(), "one summary for the day");
            JsonNode day = JSON.readTree(summaries.getFirst().payloadJson());
            assertEquals(today.toString(), day.get("day").asText());

            Map<String, Counted> tickets = countFromEvents(events);
            assertEquals(15, tickets.size(), "the script's tickets");
            assertSane(tickets);

            // the day's total, from the district's summary
            assertEquals(expected(tickets, t -> true, t -> true), fromSummary(day.get("total")), "total");
            for (String s : SERVICES) {
                Map<String, Object> want = expected(tickets, t -> t.issuedFor.equals(s), t -> t.service.equals(s));
                assertEquals(want, fromSummary(day.at("/services/" + s)), "day.summary service " + s);
                assertEquals(want, fromManager(service(summary, s)), "/manager service " + s);
                assertEquals(want, fromMetrics(metrics, s), "/metrics service " + s);
            }
            Map<String, Map<String, Object>> byStaff = new TreeMap<>();
            tickets.values().stream().filter(t -> t.staff != null).map(t -> t.staff).distinct()
                    .forEach(n -> byStaff.put(n, expected(tickets, t -> n.equals(t.staff), t -> n.equals(t.staff))));
            assertEquals(List.of("binh", "lan", "mai", "thu"), List.copyOf(byStaff.keySet()));
            assertEquals(byStaff, fields(day.get("staff"), this::fromSummary), "day.summary staff");
            assertEquals(byStaff, fields(summary.get("staff"), this::fromManager), "/manager staff");
            Map<String, Map<String, Object>> byCounter = new TreeMap<>();
            tickets.values().stream().filter(t -> t.served).map(t -> t.finishedAt).distinct()
                    .forEach(c -> byCounter.put(String.valueOf(c),
                            expected(tickets, t -> t.served && t.finishedAt == c, t -> t.served && t.finishedAt == c)));
            assertEquals(byCounter, fields(summary.get("counters"), this::fromManager), "/manager counters");
            Map<String, Map<String, Object>> byHour = new TreeMap<>();
            tickets.values().stream().map(t -> t.issueHour).distinct()
                    .forEach(h -> byHour.put(String.valueOf(h), expected(tickets, t -> t.issueHour == h, t -> t.issueHour == h)));
            assertEquals(byHour, fields(day.get("hours"), this::fromSummary), "day.summary hours");
            assertEquals(byHour, fields(summary.get("hours"), this::fromManager), "/manager hours");

            // the office's history: the summary's cells (per service x counter x clerk x hour) add up to the same
            // figures along every grouping, and the store holds exactly those cells for the day
            JsonNode cells = day.get("cells");
            assertTrue(cells.size() > 0, "the summary carries the day's cells");
            for (String s : SERVICES) {
                assertEquals(expected(tickets, t -> t.issuedFor.equals(s), t -> t.service.equals(s)),
                        fromCells(cells, c -> c.get("service").asText().equals(s)), "cells of service " + s);
            }
            for (String n : byStaff.keySet()) {
                assertEquals(byStaff.get(n), fromCells(cells, c -> c.get("staffId").asText().equals(n)), "cells of " + n);
            }
            for (String c : byCounter.keySet()) {
                assertEquals(byCounter.get(c), fromCells(cells, x -> x.get("counter").asText().equals(c)), "cells of counter " + c);
            }
            for (String h : byHour.keySet()) {
                assertEquals(byHour.get(h), fromCells(cells, x -> x.get("hour").asText().equals(h)), "cells of hour " + h);
            }
            assertEquals(expected(tickets, t -> true, t -> true), fromCells(cells, c -> true), "every cell");
            assertEquals(cells.size(), a.store().dayFigures(today, today).size(), "day_figures rows of the day");

            // the scale goes with the figures, labelled, best first
            assertEquals("Rất hài lòng|Very satisfied", summary.at("/rating_scale/0/label_vi").asText() + "|"
                    + summary.at("/rating_scale/0/label_en").asText());
            assertEquals("Không hài lòng|Not satisfied", summary.at("/rating_scale/3/label_vi").asText() + "|"
                    + summary.at("/rating_scale/3/label_en").asText());
        }
    }

    /**
     * Fifteen residents, four clerks. Which ticket a call brings is read from the answer, never assumed: the test
     * only needs the events to know what happened.
     */
    private void scriptedMorning() throws Exception {
        open(1, "lan");  // ho-tich, chung-thuc
        open(3, "thu");  // dat-dai, xay-dung
        open(4, "binh"); // dat-dai
        open(9, "mai");  // chung-thuc, ho-tich
        for (String s : List.of("ho-tich", "ho-tich", "dat-dai", "dat-dai", "chung-thuc", "ho-tich", "chung-thuc",
                "ho-tich", "dat-dai", "chung-thuc", "ho-tich", "xay-dung", "dat-dai", "chung-thuc", "ho-tich")) {
            issue(s);
            minutes(1);
        }
        // 1. served and rated very satisfied
        act(1, "call-next"); minutes(1); act(1, "start"); minutes(5); act(1, "finish"); act(1, "rate", "{\"score\":1}");
        // 2. an ignored call: call-next again without start makes it a no-show, not served
        String ignored = act(1, "call-next"); minutes(2);
        act(1, "call-next"); minutes(1); act(1, "start");
        // 3. the resident belongs to đất đai: transferred, served there later
        minutes(2); act(1, "transfer", "{\"service\":\"dat-dai\"}");
        // 4. the ignored call's resident comes back in time: recalled (a no-show still), served, unrated
        act(1, "recall-no-show", "{\"number\":\"" + ignored + "\"}"); act(1, "start"); minutes(3); act(1, "finish");
        // 5. parked for a missing paper, someone else served meanwhile, then called back
        String parked = act(3, "call-next"); act(3, "start"); minutes(2); act(3, "park");
        act(3, "call-next"); act(3, "start"); minutes(4); act(3, "finish"); act(3, "rate", "{\"score\":2}");
        minutes(3);
        act(3, "call-parked", "{\"number\":\"" + parked + "\"}"); act(3, "start"); minutes(6); act(3, "finish");
        act(3, "rate", "{\"score\":4}");
        // 6. skipped, then recalled within the window and served; meanwhile one transferred to (open) counter 1
        String skipped = act(9, "call-next"); minutes(1); act(9, "skip");
        act(9, "call-next"); act(9, "start"); minutes(1); act(9, "transfer", "{\"counter\":1}");
        minutes(1);
        act(9, "recall-no-show", "{\"number\":\"" + skipped + "\"}"); act(9, "start"); minutes(3); act(9, "finish");
        act(9, "rate", "{\"score\":3}");
        act(1, "call-next"); act(1, "start"); minutes(7); act(1, "finish"); act(1, "rate", "{\"score\":1}");
        // 7. skipped, recalled, then transferred to another service and served there (issue 15's A005)
        String again = act(1, "call-next"); act(1, "skip"); minutes(1);
        act(1, "recall-no-show", "{\"number\":\"" + again + "\"}");
        act(1, "start");
        act(1, "transfer", again.startsWith("F") ? "{\"service\":\"ho-tich\"}" : "{\"service\":\"chung-thuc\"}");
        minutes(1);
        act(9, "call-next"); act(9, "start"); minutes(2); act(9, "finish"); act(9, "rate", "{\"score\":2}");
        // 8. đất đai at counter 4: two served (the transferred one among the waiting), one unrated
        act(4, "call-next"); act(4, "start"); minutes(5); act(4, "finish"); act(4, "rate", "{\"score\":1}");
        act(4, "call-next"); act(4, "start"); minutes(3); act(4, "finish");
        // 9. a skip left to expire, and a call still open at closing (the roll expires it)
        act(3, "call-next"); act(3, "skip");
        minutes(20); // past the no-show window
        act(9, "call-next");
    }

    // ---- the independent count ----

    /** One ticket's day, as its events tell it. */
    static final class Counted {
        String number;
        String issuedFor;
        String service;
        int issueHour;
        boolean transferred;
        boolean calledHere;
        long lastWait;
        boolean served;
        long serviceSeconds;
        boolean noShow;
        int rating;
        String staff;
        int finishedAt;
    }

    private static Map<String, Counted> countFromEvents(List<OutboxEvent> events) throws Exception {
        Map<String, Counted> out = new LinkedHashMap<>();
        for (OutboxEvent e : events) {
            JsonNode p = JSON.readTree(e.payloadJson());
            Counted t = p.has("ticketId") ? out.get(p.get("ticketId").asText()) : null;
            switch (e.type()) {
                case "ticket.issued" -> {
                    Counted n = new Counted();
                    n.number = p.get("number").asText();
                    n.issuedFor = p.get("service").asText();
                    n.service = n.issuedFor;
                    n.issueHour = Instant.parse(p.get("at").asText()).atZone(HANOI).getHour();
                    out.put(p.get("ticketId").asText(), n);
                }
                case "ticket.called" -> {
                    t.calledHere = true;
                    t.lastWait = p.get("waitedSeconds").asLong();
                }
                case "ticket.transferred" -> {
                    t.transferred = true;
                    t.calledHere = false;
                    t.service = p.get("toService").asText();
                }
                case "ticket.no_show" -> t.noShow = true;
                case "ticket.finished" -> {
                    t.served = true;
                    t.serviceSeconds = p.get("serviceSeconds").asLong();
                    t.staff = p.get("staffId").asText();
                    t.finishedAt = p.get("counter").asInt();
                }
                case "ticket.rated" -> t.rating = p.get("score").asInt();
                default -> { }
            }
        }
        return out;
    }

    /** The script did what it says: the figures below are not all zeros. */
    private static void assertSane(Map<String, Counted> tickets) {
        List<Counted> all = new ArrayList<>(tickets.values());
        assertTrue(all.stream().filter(t -> t.transferred).count() >= 3, "transfers");
        assertTrue(all.stream().filter(t -> t.noShow).count() >= 4, "no-shows");
        assertTrue(all.stream().filter(t -> t.noShow && t.served).count() >= 2, "no-shows served after a recall");
        assertTrue(all.stream().filter(t -> t.transferred && !t.issuedFor.equals(t.service)).count() >= 2,
                "tickets that changed service");
        assertTrue(all.stream().filter(t -> t.rating > 0).count() >= 7, "ratings");
    }

    private static Map<String, Object> expected(Map<String, Counted> all, Predicate<Counted> issuedHere,
                                                Predicate<Counted> endedHere) {
        List<Counted> issued = all.values().stream().filter(issuedHere).toList();
        List<Counted> ts = all.values().stream().filter(endedHere).toList();
        List<Counted> called = ts.stream().filter(t -> t.calledHere).toList();
        List<Counted> served = ts.stream().filter(t -> t.served).toList();
        List<Counted> rated = ts.stream().filter(t -> t.rating > 0).toList();
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("tickets", (long) issued.size());
        f.put("transferred", issued.stream().filter(t -> t.transferred).count());
        f.put("called", (long) called.size());
        f.put("served", (long) served.size());
        f.put("noShows", ts.stream().filter(t -> t.noShow).count());
        f.put("avgWait", Math.round(called.stream().mapToLong(t -> t.lastWait).average().orElse(0)));
        f.put("maxWait", called.stream().mapToLong(t -> t.lastWait).max().orElse(0));
        f.put("avgService", Math.round(served.stream().mapToLong(t -> t.serviceSeconds).average().orElse(0)));
        f.put("ratings", (long) rated.size());
        f.put("avgRating", rated.isEmpty() ? null
                : Math.round(rated.stream().mapToInt(t -> t.rating).average().orElse(0) * 100) / 100.0);
        for (int s = 1; s <= 4; s++) {
            int score = s;
            f.put("rating" + s, rated.stream().filter(t -> t.rating == score).count());
        }
        return f;
    }

    // ---- the three views, read into the same shape ----

    private Map<String, Object> fromSummary(JsonNode n) {
        return shape(n, "tickets", "transferred", "called", "served", "noShows", "averageWaitSeconds",
                "longestWaitSeconds", "averageServiceSeconds", "ratings", "averageRating", "ratingCounts");
    }

    private Map<String, Object> fromManager(JsonNode n) {
        return shape(n, "tickets", "transferred", "called", "served", "no_shows", "average_wait_seconds",
                "longest_wait_seconds", "average_service_seconds", "ratings", "average_rating", "rating_counts");
    }

    /** A time with nothing to measure is null on the manager view and 0 in the summary: both mean "none". */
    private static Map<String, Object> shape(JsonNode n, String... keys) {
        Map<String, Object> f = new LinkedHashMap<>();
        String[] ours = {"tickets", "transferred", "called", "served", "noShows", "avgWait", "maxWait", "avgService", "ratings"};
        for (int i = 0; i < ours.length; i++) {
            JsonNode v = n.get(keys[i]);
            assertTrue(v != null, keys[i] + " missing in " + n);
            f.put(ours[i], v.isNull() ? 0L : v.asLong());
        }
        JsonNode avg = n.get(keys[9]);
        f.put("avgRating", avg == null || avg.isNull() ? null : avg.asDouble());
        for (int s = 1; s <= 4; s++) {
            f.put("rating" + s, n.get(keys[10]).get(String.valueOf(s)).asLong());
        }
        return f;
    }

    /** The cells {@code which} selects, added up as {@code history.Figures} does, in the same shape. */
    private static Map<String, Object> fromCells(JsonNode cells, Predicate<JsonNode> which) {
        long issued = 0, transferred = 0, called = 0, served = 0, noShows = 0, waitSum = 0, waitMax = 0, serviceSum = 0;
        long[] ratings = new long[4];
        for (JsonNode c : cells) {
            if (!which.test(c)) {
                continue;
            }
            for (JsonNode n : c.get("issued")) {
                issued += n.asLong();
            }
            transferred += c.get("transferred").asLong();
            called += c.get("called").asLong();
            served += c.get("served").asLong();
            noShows += c.get("noShows").asLong();
            waitSum += c.get("waitSum").asLong();
            waitMax = Math.max(waitMax, c.get("waitMax").asLong());
            serviceSum += c.get("serviceSum").asLong();
            for (int s = 0; s < 4; s++) {
                ratings[s] += c.get("ratings").get(s).asLong();
            }
        }
        long rated = ratings[0] + ratings[1] + ratings[2] + ratings[3];
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("tickets", issued);
        f.put("transferred", transferred);
        f.put("called", called);
        f.put("served", served);
        f.put("noShows", noShows);
        f.put("avgWait", called == 0 ? 0L : Math.round((double) waitSum / called));
        f.put("maxWait", waitMax);
        f.put("avgService", served == 0 ? 0L : Math.round((double) serviceSum / served));
        f.put("ratings", rated);
        f.put("avgRating", rated == 0 ? null
                : Math.round((ratings[0] + 2 * ratings[1] + 3 * ratings[2] + 4 * ratings[3]) * 100.0 / rated) / 100.0);
        for (int s = 1; s <= 4; s++) {
            f.put("rating" + s, ratings[s - 1]);
        }
        return f;
    }

    private static Map<String, Object> fromMetrics(String text, String service) {
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("tickets", gauge(text, "motcua_tickets_today", service, null));
        f.put("transferred", gauge(text, "motcua_transferred_today", service, null));
        f.put("called", gauge(text, "motcua_called_today", service, null));
        f.put("served", gauge(text, "motcua_served_today", service, null));
        f.put("noShows", gauge(text, "motcua_no_shows_today", service, null));
        f.put("avgWait", gauge(text, "motcua_wait_seconds", service, "stat=\"avg\""));
        f.put("maxWait", gauge(text, "motcua_wait_seconds", service, "stat=\"max\""));
        f.put("avgService", gauge(text, "motcua_service_seconds", service, null));
        long ratings = 0;
        long sum = 0;
        Map<String, Object> counts = new LinkedHashMap<>();
        for (int s = 1; s <= 4; s++) {
            long n = gauge(text, "motcua_ratings_today", service, "score=\"" + s + "\"");
            counts.put("rating" + s, n);
            ratings += n;
            sum += n * s;
        }
        f.put("ratings", ratings);
        f.put("avgRating", ratings == 0 ? null : Math.round(sum * 100.0 / ratings) / 100.0);
        f.putAll(counts);
        return f;
    }

    private static long gauge(String text, String name, String service, String otherLabel) {
        Pattern line = Pattern.compile("(?m)^" + name + "\\{([^}]*)\\} (\\S+)$");
        Matcher m = line.matcher(text);
        while (m.find()) {
            String labels = m.group(1);
            if (labels.contains("service=\"" + service + "\"") && (otherLabel == null || labels.contains(otherLabel))) {
                return Math.round(Double.parseDouble(m.group(2)));
            }
        }
        throw new AssertionError(name + "{service=" + service + "," + otherLabel + "} not in /metrics");
    }

    private static Map<String, Map<String, Object>> fields(JsonNode n, Function<JsonNode, Map<String, Object>> read) {
        Map<String, Map<String, Object>> out = new TreeMap<>();
        n.fieldNames().forEachRemaining(k -> out.put(k, read.apply(n.get(k))));
        return out;
    }

    private static JsonNode service(JsonNode summary, String code) {
        for (JsonNode s : summary.get("services")) {
            if (s.get("code").asText().equals(code)) {
                return s;
            }
        }
        throw new AssertionError(code + " not on the manager view");
    }

    // ---- HTTP ----

    private void minutes(int n) {
        clock.advance(Duration.ofMinutes(n));
    }

    private void open(int counter, String staff) throws Exception {
        act(counter, "open", "{\"staff\":\"" + staff + "\"}");
    }

    private void issue(String service) throws Exception {
        HttpResponse<String> r = post("/api/tickets", "{\"service\":\"" + service + "\"}", null);
        assertEquals(201, r.statusCode(), r.body());
    }

    private String act(int counter, String action) throws Exception {
        return act(counter, action, "{}");
    }

    /** Runs a counter action, which must succeed; returns the ticket number it concerned ("" if none). */
    private String act(int counter, String action, String body) throws Exception {
        HttpResponse<String> r = post("/api/counters/" + counter + "/" + action, body, null);
        assertEquals(200, r.statusCode(), counter + " " + action + " " + body + ": " + r.body());
        JsonNode t = JSON.readTree(r.body()).get("ticket");
        return t == null || t.isNull() ? "" : t.get("number").asText();
    }

    private String login(String user, String password) throws Exception {
        HttpResponse<String> ok = post("/counter/login", "{\"user\":\"" + user + "\",\"password\":\"" + password + "\"}", null);
        assertEquals(200, ok.statusCode(), ok.body());
        String cookie = ok.headers().firstValue("set-cookie").orElseThrow();
        return cookie.substring(0, cookie.indexOf(';'));
    }

    private HttpResponse<String> post(String path, String body, String cookie) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (cookie != null) {
            b.header("Cookie", cookie);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** JSON answers are parsed; /metrics comes back as a text node. */
    private JsonNode get(String path, String cookie) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).GET();
        if (cookie != null) {
            b.header("Cookie", cookie);
        }
        HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, r.statusCode(), path + ": " + r.body());
        return path.equals("/metrics") ? JSON.getNodeFactory().textNode(r.body()) : JSON.readTree(r.body());
    }
}
