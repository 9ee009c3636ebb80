package vn.motcua.tests.uplink;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.motcua.appliance.store.EventJson;
import vn.motcua.tests.district.DistrictServer;
import vn.motcua.tests.district.ReceivedEvents;
import vn.motcua.tests.harness.ApplianceProcess;
import vn.motcua.bus.Await;
import vn.motcua.tests.mqtt.MosquittoBroker;
import vn.motcua.tests.mqtt.TestPki;

/**
 * A device's SD card dies mid-morning; a replacement with the same device id, an empty data folder and the restore
 * flag ({@code motcua-provision replace}) asks the district for the device's events and carries on the same queue:
 * real appliance processes, real Mosquitto with TLS and a password, the district stand-in.
 */
class RestoreFromDistrictTest {
    private static final String DEVICE = "hcm-q1/benthanh/demo-benthanh-01";
    private static final Duration LIMIT = Duration.ofSeconds(90);

    @TempDir Path dir;

    @Test
    void aReplacementDeviceCarriesOnTodaysQueueFromTheDistrictsCopy() throws Exception {
        try (MosquittoBroker broker = broker(); DistrictServer district = StandIns.district(broker);
             ApplianceProcess first = new ApplianceProcess(Files.createDirectories(dir.resolve("a")), uplink(broker, false))) {
            ReceivedEvents got = district.events(DEVICE);
            first.start();
            morning(first);
            Await.until(LIMIT, () -> got.gaps().isEmpty() && got.distinct() == eventsIn(first) && healthy(first),
                    () -> got.distinct() + " events at the district, " + eventsIn(first) + " in the outbox; " + body(first, "/healthz"));
            Map<String, JsonNode> before = tickets(first);
            Map<String, String> status = new LinkedHashMap<>();
            before.forEach((number, t) -> status.put(number, t.path("status").asText()));
            assertEquals(Map.of("A001", "FINISHED", "A002", "NO_SHOW", "A003", "PARKED", "A004", "FINISHED", "A005", "CALLED",
                    "B001", "WAITING", "B002", "WAITING", "B003", "WAITING", "D001", "SERVING", "D002", "WAITING"), status,
                    "the morning as the first device left it");
            assertEquals("ELDERLY", before.get("A004").path("priority").asText());
            assertEquals("PREGNANT", before.get("B002").path("priority").asText());
            assertEquals("xay-dung", before.get("B002").path("service").asText(), "transferred");
            JsonNode countersBefore = counters(first);
            long lastSeq = got.inSeqOrder().getLast().seq();
            first.kill(); // the SD card dies

            try (ApplianceProcess replacement = new ApplianceProcess(Files.createDirectories(dir.resolve("b")),
                    uplink(broker, true))) {
                replacement.start();
                Await.until(LIMIT, () -> healthy(replacement), () -> "/healthz green: " + body(replacement, "/healthz"));
                assertTrue(body(replacement, "/healthz").contains("restored"), body(replacement, "/healthz"));

                assertEquals(before, tickets(replacement), "every ticket of today as it was: number, service, priority, status, counter");
                assertEquals(countersBefore, counters(replacement), "counters as the events left them");
                assertEquals(1, json(replacement, "/api/outbox/counts").path("store.restored").asInt());

                assertEquals("A006", take(replacement, "ho-tich"), "numbering follows the last ticket issued");
                assertEquals("B004", take(replacement, "dat-dai"));
                assertEquals("D003", take(replacement, "kinh-doanh"));

                Await.until(LIMIT, () -> got.gaps().isEmpty() && got.distinct() >= lastSeq + 4,
                        () -> got.distinct() + " events at the district, gaps " + got.gaps());
                List<ReceivedEvents.Event> all = got.inSeqOrder();
                assertEquals(List.of(), got.violations());
                assertEquals(all.getLast().seq(), got.distinct(), "seqs 1..n, each once, across both devices");
                ReceivedEvents.Event restored = all.get((int) lastSeq); // seq lastSeq + 1
                assertEquals("store.restored", restored.type(), "the restore is the next event after the last one restored");
                JsonNode payload = EventJson.mapper().readTree(restored.json()).path("payload");
                assertEquals("district", payload.path("source").asText());
                assertEquals(lastSeq, payload.path("toSeq").asLong());
                assertEquals(before.size(), payload.path("tickets").asInt());
                assertEquals("ticket.issued", all.get((int) lastSeq + 1).type(), "then the replacement's own events");
            }
        }
    }

    @Test
    void aDistrictThatDoesNotAnswerLeavesTheApplianceRunningRedAndSayingSo() throws Exception {
        try (MosquittoBroker broker = broker(); DistrictServer district = StandIns.district(broker);
             ApplianceProcess replacement = new ApplianceProcess(dir, uplink(broker, true))) {
            district.restoreMode(DistrictServer.RestoreMode.SILENT);
            replacement.start();
            Await.until(LIMIT, () -> body(replacement, "/healthz").contains("did not answer"),
                    () -> "/healthz saying the district did not answer: " + body(replacement, "/healthz"));
            assertEquals(503, replacement.get("/healthz").statusCode());
            assertTrue(district.restoreRequests().getFirst().contains("\"fromSeq\":1"), district.restoreRequests().toString());
            assertEquals(200, replacement.get("/api/queue").statusCode(), "the appliance runs");
        }
    }

    /** Tickets of several services and priorities; served, skipped, parked, transferred, called, being served. */
    private static void morning(ApplianceProcess a) throws Exception {
        for (int counter : new int[] {1, 3, 6}) {
            ok(a.post("/api/counters/" + counter + "/open", "{\"staff\":\"clerk" + counter + "\"}"));
        }
        for (String t : new String[] {"ho-tich", "ho-tich", "ho-tich", "ho-tich:ELDERLY", "ho-tich", "dat-dai",
            "dat-dai:PREGNANT", "dat-dai", "kinh-doanh", "kinh-doanh"}) {
            String[] p = t.split(":");
            ok(a.post("/api/tickets", "{\"service\":\"" + p[0] + "\"" + (p.length > 1 ? ",\"priority\":\"" + p[1] + "\"" : "") + "}"));
        }
        String[][] actions = {{"1/call-next"}, {"1/start"}, {"1/finish"}, {"1/call-next"}, {"1/finish"},
            {"1/rate", "{\"score\":1}"}, {"1/call-next"}, {"1/skip"}, {"1/call-next"}, {"1/park"}, {"1/call-next"},
            {"1/recall"}, {"3/call-next"}, {"3/transfer", "{\"service\":\"xay-dung\"}"}, {"6/call-next"}, {"6/start"}};
        for (String[] action : actions) {
            ok(a.post("/api/counters/" + action[0], action.length > 1 ? action[1] : null));
        }
    }

    private static void ok(java.net.http.HttpResponse<String> r) {
        assertTrue(r.statusCode() / 100 == 2, r.statusCode() + " " + r.body());
    }

    private static String take(ApplianceProcess a, String service) throws Exception {
        var r = a.post("/api/tickets", "{\"service\":\"" + service + "\"}");
        ok(r);
        return EventJson.mapper().readTree(r.body()).path("ticket").path("number").asText();
    }

    private static Map<String, JsonNode> tickets(ApplianceProcess a) throws Exception {
        Map<String, JsonNode> out = new LinkedHashMap<>();
        for (String n : new String[] {"A001", "A002", "A003", "A004", "A005", "B001", "B002", "B003", "D001", "D002"}) {
            var r = a.get("/api/tickets/" + n);
            assertEquals(200, r.statusCode(), n + ": " + r.body());
            out.put(n, EventJson.mapper().readTree(r.body()).path("ticket"));
        }
        return out;
    }

    private static JsonNode counters(ApplianceProcess a) throws Exception {
        return json(a, "/api/queue").path("counters");
    }

    private static JsonNode json(ApplianceProcess a, String path) throws Exception {
        return EventJson.mapper().readTree(a.get(path).body());
    }

    private static long eventsIn(ApplianceProcess a) {
        try {
            long n = 0;
            for (JsonNode v : json(a, "/api/outbox/counts")) {
                n += v.asLong();
            }
            return n;
        } catch (Exception e) {
            return -1;
        }
    }

    private static boolean healthy(ApplianceProcess a) {
        try {
            return a.get("/healthz").statusCode() == 200;
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }

    private static String body(ApplianceProcess a, String path) {
        try {
            return a.get(path).body();
        } catch (IOException | InterruptedException e) {
            return e.toString();
        }
    }

    private MosquittoBroker broker() throws Exception {
        Path b = Files.createDirectories(dir.resolve("broker"));
        return MosquittoBroker.startTls(b, TestPki.create(b), UplinkRig.USER, UplinkRig.PASSWORD);
    }

    /** The demo config with the district link, and for a replacement the flag provisioning sets. */
    private java.util.function.UnaryOperator<String> uplink(MosquittoBroker broker, boolean replacement) throws IOException {
        Path secrets = dir.resolve("uplink.secrets");
        Files.writeString(secrets, "mqtt.password=" + UplinkRig.PASSWORD + "\n");
        Files.setPosixFilePermissions(secrets, PosixFilePermissions.fromString("rw-------"));
        String section = "[uplink]\nbroker = \"" + broker.uri() + "\"\nca_file = \"" + broker.pki().caCert() + "\"\n"
                + "username = \"" + UplinkRig.USER + "\"\nsecrets_file = \"" + secrets + "\"\nkeep_alive = \"5s\"\n"
                + "connect_timeout = \"5s\"\nreconnect_initial = \"200ms\"\nreconnect_max = \"1s\"\nheartbeat = \"2s\"\n\n";
        return toml -> {
            String t = toml.replace("[web]\n", section + "[web]\n");
            return replacement ? t.replace("[store]\n", "[store]\nrestore_from_district = true\nrestore_timeout = \"3s\"\n") : t;
        };
    }
}
