package vn.motcua.tests.bookings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;

import vn.motcua.appliance.store.EventJson;
import vn.motcua.bus.Await;
import vn.motcua.tests.district.DistrictServer;
import vn.motcua.tests.district.ReceivedEvents;
import vn.motcua.tests.harness.ApplianceProcess;
import vn.motcua.tests.mqtt.MosquittoBroker;
import vn.motcua.tests.mqtt.TestPki;
import vn.motcua.tests.uplink.StandIns;

/**
 * Issue 19, end to end: the district stand-in publishes a day's bookings on the retained topic; the appliance (a real
 * process, real Mosquitto) takes them; residents check in by scanning the booking QR at the simulated reader and by
 * typing the code at the kiosk, early, on time and late; a clerk's call-next calls them in the stated order against
 * walk-ins (booked and due first, by slot start; the early one only from its slot; the late one as a walk-in); an
 * unknown, a reused and another office's code are refused; the district receives every check-in and the no-shows; and
 * SIGKILLs landing while a check-in is under way never leave a ticket without its check-in or a booking used twice.
 *
 * <p>Slot times are whole minutes of the office's zone. So that a run at any hour has a whole business day around it,
 * the office's zone is chosen so that it is about noon there, and the day starts at 04:00. The early booking's slot
 * is a minute or two ahead; once the kills are over, the demo clock ({@code POST /sim/clock/advance}, {@code --demo}
 * only) moves the appliance's time to it instead of the test waiting for it.
 */
class BookedAppointmentsEndToEndTest {
    static final String DEVICE = "hcm-q1/benthanh/demo-benthanh-01";
    static final String OFFICE = "benthanh";
    static final Duration LIMIT = Duration.ofSeconds(60);

    @TempDir Path dir;

    /** A fixed-offset zone where it is about 12:00 now: no midnight and no 04:00 roll within the test. */
    static ZoneId noonZone() {
        int offset = 12 - ZonedDateTime.now(ZoneId.of("UTC")).getHour();
        return ZoneId.of(offset == 0 ? "Etc/GMT" : offset > 0 ? "Etc/GMT-" + offset : "Etc/GMT+" + -offset);
    }

    @Test
    void aDayOfBookingsCheckedInByScanAndByTypingIsCalledInOrderAndSurvivesKills() throws Exception {
        ZoneId zone = noonZone();
        Path brokerDir = Files.createDirectories(dir.resolve("broker"));
        try (MosquittoBroker broker = MosquittoBroker.startTls(brokerDir, TestPki.create(brokerDir), "office", "office-pass");
             DistrictServer district = StandIns.district(broker)) {
            String uplink = uplink(broker);
            run(zone, district, new ApplianceProcess(dir, toml -> toml
                     .replaceFirst("(?m)^zone(\\s*)=\\s*\"[^\"]+\"", "zone$1= \"" + zone.getId() + "\"")
                     .replaceFirst("(?m)^day_starts_at(\\s*)=\\s*\"[0-9:]+\"", "day_starts_at$1= \"04:00\"")
                     .replaceFirst("(?m)^booking_grace(\\s*)=\\s*\"[^\"]+\"", "booking_grace$1= \"10m\"")
                     .replaceFirst("(?m)^booking_early_arrivals_wait(\\s*)=\\s*\\w+", "booking_early_arrivals_wait$1= true")
                     + uplink));
        }
    }

    private void run(ZoneId zone, DistrictServer district, ApplianceProcess started) throws Exception {
        try (ApplianceProcess app = started) {
            runIn(zone, district, app);
        } finally { // the temporary folder goes with the test: its log stays for whoever reads a failure
            Path log = dir.resolve("appliance.log");
            if (Files.exists(log)) {
                Files.copy(log, Files.createDirectories(Path.of("target")).resolve("booked-appointments-appliance.log"),
                        java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            }
        }
    }

    private void runIn(ZoneId zone, DistrictServer district, ApplianceProcess app) throws Exception {
        {
            app.start();
            ReceivedEvents got = district.events(DEVICE);
            String day = EventJson.mapper().readTree(app.get("/api/queue").body()).path("day").asText();
            assertEquals(LocalDate.now(zone).toString(), day, "about noon in the office's zone: the business day is today");

            // The day's bookings, relative to now: whole minutes of the office's zone.
            LocalTime now = LocalTime.now(zone).truncatedTo(ChronoUnit.MINUTES);
            LocalTime early = LocalTime.now(zone).plusSeconds(60).truncatedTo(ChronoUnit.MINUTES).plusMinutes(1);
            Map<String, LocalTime> slots = new LinkedHashMap<>();
            slots.put("BK-NOSHOW1", now.minusMinutes(25)); // never comes: a no-show
            slots.put("BK-LATE01", now.minusMinutes(15)); // comes after the 10 min grace: a walk-in
            slots.put("BK-ONTIME1", now.minusMinutes(3)); // scanned, on time
            slots.put("BK-ONTIME2", now.minusMinutes(2)); // typed, on time
            slots.put("BK-EARLY1", early); // scanned before the slot: waits for it
            for (int i = 1; i <= 3; i++) {
                slots.put("BK-KILL" + i, now.minusMinutes(4)); // checked in while the appliance is killed
            }
            district.publishBookings(DEVICE, day, bookingsJson(day, slots));

            // The office has them (stored, and the engine's tick found the two past their grace): the district hears the no-shows.
            Await.until(LIMIT, () -> codes(got, "booking.no_show").containsAll(List.of("BK-NOSHOW1", "BK-LATE01")),
                    () -> "no-shows at the district: " + codes(got, "booking.no_show"));

            String w1 = walkIn(app);
            String w2 = walkIn(app);
            String onTime1 = scan(app, got, qr(day, "BK-ONTIME1"), "on_time");
            JsonNode typed = checkIn(app, "bk-ontime2", 201); // typed in lower case on the kiosk: the code is upper case
            assertEquals("on_time", typed.path("booking").path("outcome").asText());
            assertEquals("Hộ tịch", typed.path("booking").path("service_name_vi").asText());
            assertEquals(slots.get("BK-ONTIME2").toString(), typed.path("booking").path("slot_start").asText());
            String onTime2 = typed.path("ticket").path("number").asText();
            JsonNode late = checkIn(app, "BK-LATE01", 201);
            assertEquals("late", late.path("booking").path("outcome").asText());
            assertTrue(late.path("booking").path("walk_in").asBoolean(), "past the grace: a walk-in, and the kiosk says so");
            assertTrue(late.path("booking").path("message_vi").asText().contains("số thường"), late.toString());
            String lateTicket = late.path("ticket").path("number").asText();
            String early1 = scan(app, got, qr(day, "BK-EARLY1"), "early");
            String w3 = walkIn(app);

            // Refusals: bilingual, each its own code, nothing written.
            Map<String, Long> before = outboxCounts(app);
            assertEquals("BOOKING_UNKNOWN", checkIn(app, "BK-NOSUCH9", 409).path("error").asText());
            JsonNode reused = checkIn(app, "BK-ONTIME1", 409);
            assertEquals("BOOKING_USED", reused.path("error").asText());
            assertTrue(reused.path("message_vi").asText().contains("đã được dùng"), reused.toString());
            assertEquals("BOOKING_OTHER_OFFICE", checkIn(app, "MCBK1:tandinh:" + day + ":BK-ONTIME2", 409).path("error").asText());
            assertEquals("BOOKING_OTHER_DAY", checkIn(app, "MCBK1:" + OFFICE + ":" + LocalDate.parse(day).plusDays(1)
                    + ":BK-TOMORROW", 409).path("error").asText());
            assertEquals(before, outboxCounts(app), "the refusals wrote no ticket and no check-in");

            // Counter 2 serves hộ tịch only: booked and due first by slot start, then walk-ins in order; the early one waits.
            assertEquals(200, app.post("/api/counters/2/open", "{\"staff\":\"lan\"}").statusCode());
            Await.until(LIMIT, () -> app.counterOpen(2), () -> "counter 2 open");
            assertTrue(LocalTime.now(zone).isBefore(early.minusSeconds(5)), "the calls before the early slot run before it");
            assertEquals(List.of(onTime1, onTime2, w1), callNext(app, 3));

            // SIGKILL while a check-in is under way: one commit, so the booking is checked in with its ticket, or not at all.
            List<String> killedTickets = new ArrayList<>();
            for (int i = 1; i <= 3; i++) {
                String code = "BK-KILL" + i;
                CompletableFuture<HttpResponse<String>> pending = CompletableFuture.supplyAsync(() -> {
                    try {
                        return app.post("/kiosk/booking", "{\"code\":\"" + code + "\"}");
                    } catch (Exception e) {
                        return null; // the process died under it
                    }
                });
                Thread.sleep(ThreadLocalRandom.current().nextInt(0, 40) + (i - 1) * 15L);
                app.kill();
                HttpResponse<String> answer = pending.join();
                boolean acknowledged = answer != null && answer.statusCode() == 201;
                app.start();
                HttpResponse<String> again = app.post("/kiosk/booking", "{\"code\":\"" + code + "\"}");
                JsonNode body = EventJson.mapper().readTree(again.body());
                if (again.statusCode() == 201) {
                    assertTrue(!acknowledged, code + ": acknowledged before the kill, yet checked in again after it");
                    killedTickets.add(body.path("ticket").path("number").asText());
                } else {
                    assertEquals("BOOKING_USED", body.path("error").asText(), again.body());
                    String number = ticketOf(got, code);
                    assertEquals(200, app.get("/api/tickets/" + number).statusCode(), code + "'s ticket is there after the restart");
                    killedTickets.add(number);
                }
                assertEquals(409, app.post("/kiosk/booking", "{\"code\":\"" + code + "\"}").statusCode(), "never used twice");
            }
            // The killed-over booked tickets are still in the booked lane after the restarts (due: ahead of the walk-ins
            // who came before them), and so is the early one (still waiting for its slot, or due after them by slot).
            String w4 = walkIn(app);
            assertTrue(app.counterOpen(2), "a counter's state survives the kills");
            assertEquals(killedTickets.stream().sorted().toList(), callNext(app, 3).stream().sorted().toList(),
                    "booked and due before the walk-ins");
            // The early booking's slot: the demo clock (--demo) moves to it rather than the test waiting in real time.
            // Only forward, and no restart after it, so the appliance's time never steps back.
            long ahead = Duration.between(LocalTime.now(zone), early).toSeconds();
            if (ahead >= 0) {
                assertEquals(200, app.post("/sim/clock/advance?minutes=" + (ahead / 60 + 1), "").statusCode());
            }
            assertEquals(List.of(early1, w2, lateTicket, w3, w4), callNext(app, 5), "from its slot the early one goes ahead");

            // The district has every check-in once, each right after its ticket's issue (one commit), and the no-shows.
            Await.until(Duration.ofSeconds(90), () -> codes(got, "booking.checked_in").size() == 7 && got.gaps().isEmpty(),
                    () -> "check-ins at the district: " + codes(got, "booking.checked_in") + ", gaps " + got.gaps());
            assertEquals(List.of(), got.violations());
            assertEquals(List.of("BK-ONTIME1", "BK-ONTIME2", "BK-LATE01", "BK-EARLY1", "BK-KILL1", "BK-KILL2", "BK-KILL3"),
                    codes(got, "booking.checked_in"));
            assertEquals(List.of("BK-NOSHOW1", "BK-LATE01"), codes(got, "booking.no_show"));
            Map<Long, ReceivedEvents.Event> bySeq = new HashMap<>();
            got.inSeqOrder().forEach(e -> bySeq.put(e.seq(), e));
            for (ReceivedEvents.Event e : got.inSeqOrder()) {
                if (e.type().equals("booking.checked_in")) {
                    ReceivedEvents.Event issued = bySeq.get(e.seq() - 1);
                    assertEquals("ticket.issued", issued.type(), "the check-in's ticket is in the same commit");
                    assertEquals(payload(issued).path("ticketId").asText(), payload(e).path("ticketId").asText());
                }
            }
        }
    }

    private static String uplink(MosquittoBroker broker) throws Exception {
        return StandIns.uplinkToml(broker, broker.dir(), 0).replace("backlog_rate = 0\n", "");
    }

    private static String bookingsJson(String day, Map<String, LocalTime> slots) {
        StringBuilder b = new StringBuilder("{\"v\":1,\"office\":\"" + OFFICE + "\",\"day\":\"" + day + "\",\"bookings\":[");
        String sep = "";
        for (Map.Entry<String, LocalTime> s : slots.entrySet()) {
            b.append(sep).append("{\"code\":\"").append(s.getKey()).append("\",\"service\":\"ho-tich\",\"slotStart\":\"")
                    .append(s.getValue()).append("\",\"slotEnd\":\"").append(s.getValue().plusMinutes(15)).append("\"}");
            sep = ",";
        }
        return b.append("]}").toString();
    }

    private static String qr(String day, String code) {
        return "MCBK1:" + OFFICE + ":" + day + ":" + code;
    }

    private static String walkIn(ApplianceProcess app) throws Exception {
        HttpResponse<String> r = app.post("/api/tickets", "{\"service\":\"ho-tich\"}");
        assertEquals(201, r.statusCode(), r.body());
        return EventJson.mapper().readTree(r.body()).path("ticket").path("number").asText();
    }

    private static JsonNode checkIn(ApplianceProcess app, String code, int status) throws Exception {
        HttpResponse<String> r = app.post("/kiosk/booking", "{\"code\":\"" + code + "\"}");
        assertEquals(status, r.statusCode(), r.body());
        return EventJson.mapper().readTree(r.body());
    }

    /** A booking QR at the simulated reader: checked in on the server; its check-in reaches the district with its ticket. */
    private static String scan(ApplianceProcess app, ReceivedEvents got, String qr, String outcome) throws Exception {
        assertEquals(202, app.post("/sim/reader/scan", qr).statusCode());
        String code = qr.substring(qr.lastIndexOf(':') + 1);
        Await.until(LIMIT, () -> codes(got, "booking.checked_in").contains(code), () -> code + " checked in at the district");
        JsonNode p = payload(got.inSeqOrder().stream().filter(e -> e.type().equals("booking.checked_in")
                && payload(e).path("code").asText().equals(code)).findFirst().orElseThrow());
        assertEquals(outcome, p.path("outcome").asText(), p.toString());
        return p.path("number").asText();
    }

    private static List<String> callNext(ApplianceProcess app, int n) throws Exception {
        List<String> called = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            HttpResponse<String> r = app.post("/api/counters/2/call-next", null);
            assertEquals(200, r.statusCode(), r.body());
            called.add(EventJson.mapper().readTree(r.body()).path("ticket").path("number").asText());
        }
        return called;
    }

    private static String ticketOf(ReceivedEvents got, String code) {
        Await.until(LIMIT, () -> codes(got, "booking.checked_in").contains(code), () -> code + "'s check-in at the district");
        return got.inSeqOrder().stream().filter(e -> e.type().equals("booking.checked_in")
                && payload(e).path("code").asText().equals(code)).findFirst().map(e -> payload(e).path("number").asText())
                .orElseThrow();
    }

    /** Tickets issued and bookings checked in, as the outbox counts them. */
    private static Map<String, Long> outboxCounts(ApplianceProcess app) throws Exception {
        JsonNode counts = EventJson.mapper().readTree(app.get("/api/outbox/counts").body());
        Map<String, Long> m = new LinkedHashMap<>();
        for (String type : List.of("ticket.issued", "booking.checked_in")) {
            m.put(type, counts.path(type).asLong());
        }
        return m;
    }

    /** The booking codes of the district's events of {@code type}, in seq order. */
    private static List<String> codes(ReceivedEvents got, String type) {
        return got.inSeqOrder().stream().filter(e -> e.type().equals(type)).map(e -> payload(e).path("code").asText()).toList();
    }

    private static JsonNode payload(ReceivedEvents.Event e) {
        try {
            return EventJson.mapper().readTree(e.json()).path("payload");
        } catch (java.io.IOException x) {
            throw new IllegalStateException(x);
        }
    }
}
