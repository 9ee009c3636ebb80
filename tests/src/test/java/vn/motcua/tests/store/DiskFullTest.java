package vn.motcua.tests.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;

import vn.motcua.appliance.store.EventJson;
import vn.motcua.tests.district.DistrictServer;
import vn.motcua.tests.district.ReceivedEvents;
import vn.motcua.tests.harness.ApplianceProcess;
import vn.motcua.bus.Await;
import vn.motcua.tests.harness.Tmpfs;
import vn.motcua.tests.mqtt.MosquittoBroker;
import vn.motcua.tests.mqtt.TestPki;
import vn.motcua.tests.uplink.StandIns;

/**
 * The real appliance with its data folder on a 12 MiB tmpfs, filled to ENOSPC for longer than H2's write delay
 * (30 s) with the district link up: acknowledged tickets and calls stay durable, new tickets are refused with the
 * bilingual STORE_FULL error, calls go on, /healthz is red on the store part; once space is freed it heals without a
 * restart (tickets taken again, /healthz green, the outbox drained to the district without a gap), and every
 * acknowledged ticket and call is still there after a SIGKILL and a restart. And a data folder too small for the
 * journal: one clear line, a non-zero exit, nothing written.
 */
class DiskFullTest {
    static final String DEVICE = "hcm-q1/benthanh/demo-benthanh-01";
    /** Longer than H2's write delay (QueueStore.WRITE_BEHIND_MILLIS), so H2 itself fails to write, not just the journal. */
    static final Duration FULL_FOR = Duration.ofSeconds(40);

    @TempDir Path dir;

    @Test
    void aFullDiskPausesNewTicketsKeepsCallingAndHealsWithoutARestart() throws Exception {
        Path brokerDir = Files.createDirectories(dir.resolve("broker"));
        try (Tmpfs data = Tmpfs.mount(dir.resolve("data"), "12m");
             MosquittoBroker broker = MosquittoBroker.startTls(brokerDir, TestPki.create(brokerDir), "office", "office-pass");
             DistrictServer district = StandIns.district(broker)) {
            // The uplink's own storage guard (min_free_mib, 200 by default) would keep /healthz red on 12 MiB.
            String uplink = StandIns.uplinkToml(broker, dir, 100) + "min_free_mib = 1\n";
            try (ApplianceProcess app = new ApplianceProcess(dir, toml -> toml + uplink)) {
                app.start();
                ReceivedEvents got = district.events(DEVICE);
                // 12 MiB is below the default 64 MiB threshold: pressure is reported, not a fault.
                JsonNode store = part(app, "store");
                assertTrue(store.path("ok").asBoolean() && store.path("state").asText().equals("low on space"), store.toString());
                assertTrue(store.path("detail").asText().contains("bytes"), store.toString());
                String metrics = app.get("/metrics").body();
                assertTrue(metrics.contains("motcua_store_space_low 1"), metrics);

                assertEquals(200, app.post("/api/counters/1/open", "{\"staff\":\"lan\"}").statusCode());
                Await.until(Duration.ofSeconds(30), () -> app.counterOpen(1), () -> "counter 1 open");
                List<String> tickets = new ArrayList<>();
                for (int i = 0; i < 8; i++) {
                    tickets.add(takeTicket(app, 201));
                }
                Path filler = data.fill();

                List<String> called = new ArrayList<>();
                int refused = 0;
                int calledWhileRefusing = 0;
                long start = System.nanoTime();
                // The scenario's length: the disk stays full for FULL_FOR, and until the store has refused a ticket.
                for (int i = 0; System.nanoTime() - start < FULL_FOR.toNanos() || refused == 0; i++) {
                    assertTrue(System.nanoTime() - start < Duration.ofSeconds(150).toNanos(), "no ticket refused on a full disk");
                    HttpResponse<String> r = app.post("/api/tickets", "{\"service\":\"ho-tich\"}");
                    if (r.statusCode() == 201) {
                        tickets.add(number(r));
                    } else {
                        assertEquals(503, r.statusCode(), r.body());
                        assertBilingualStoreFull(r.body());
                        refused++;
                    }
                    if (i % 3 == 0) {
                        HttpResponse<String> c = app.post("/api/counters/1/" + (i % 6 == 0 ? "call-next" : "finish"), null);
                        if (c.statusCode() == 200 && c.body().contains("ticket.called")) {
                            called.add(number(c));
                            calledWhileRefusing += refused > 0 ? 1 : 0;
                        } else if (c.statusCode() == 503) {
                            assertBilingualStoreFull(c.body());
                        } else if (c.statusCode() != 200) {
                            assertEquals(409, c.statusCode(), c.body()); // nothing to call or finish
                        }
                    }
                    Thread.sleep(500); // the pace of the scenario
                }
                HttpResponse<String> h = app.get("/healthz");
                assertEquals(503, h.statusCode(), h.body());
                store = part(app, "store");
                assertFalse(store.path("ok").asBoolean(), store.toString());
                assertEquals("disk full", store.path("state").asText(), store.toString());
                assertTrue(calledWhileRefusing > 0, "calls go on while new tickets are refused: " + called);
                metrics = app.get("/metrics").body();
                assertTrue(metrics.contains("motcua_store_failing 1"), metrics);

                Files.delete(filler);
                Await.until(Duration.ofSeconds(90), () -> healthy(app), () -> "healed: " + body(app, "/healthz"));
                tickets.add(takeTicket(app, 201));
                Await.until(Duration.ofSeconds(90), () -> body(app, "/healthz").contains("pending 0")
                        && body(app, "/healthz").contains("connected, 0 events waiting") && got.gaps().isEmpty(),
                        () -> got.distinct() + " events at the district, gaps " + got.gaps() + "; " + body(app, "/healthz"));
                assertEquals(got.inSeqOrder().getLast().seq(), got.distinct(), "seqs 1..n at the district, each once");

                app.kill();
                app.start();
                for (String n : tickets) {
                    HttpResponse<String> t = app.get("/api/tickets/" + n);
                    assertEquals(200, t.statusCode(), "acknowledged ticket " + n + " lost: " + t.body());
                }
                for (String n : called) {
                    String status = EventJson.mapper().readTree(app.get("/api/tickets/" + n).body()).at("/ticket/status").asText();
                    assertFalse(status.equals("WAITING"), "acknowledged call of " + n + " undone: " + status);
                }
            }
        }
    }

    @Test
    void aDataFolderTooSmallForTheJournalStopsTheStartWithOneClearLine() throws Exception {
        try (Tmpfs data = Tmpfs.mount(dir.resolve("data"), "3m")) {
            try (ApplianceProcess app = new ApplianceProcess(dir, toml -> toml)) {
                IllegalStateException e = assertThrows(IllegalStateException.class, app::start);
                assertTrue(e.getMessage().contains("appliance exited with 3"), e.getMessage());
                String log = Files.readString(dir.resolve("appliance.log"));
                assertTrue(log.contains("motcua: not enough space in the data folder " + app.dataDir().toAbsolutePath()
                        + ": the commit journal and database need "), log);
                assertFalse(log.contains("Exception"), log);
            }
            try (Stream<Path> files = Files.list(dir.resolve("data"))) {
                assertEquals(List.of(), files.toList(), "nothing written");
            }
        }
    }

    private static String takeTicket(ApplianceProcess app, int status) throws Exception {
        HttpResponse<String> r = app.post("/api/tickets", "{\"service\":\"ho-tich\"}");
        assertEquals(status, r.statusCode(), r.body());
        return number(r);
    }

    private static String number(HttpResponse<String> r) throws IOException {
        return EventJson.mapper().readTree(r.body()).at("/ticket/number").asText();
    }

    private static void assertBilingualStoreFull(String body) throws IOException {
        JsonNode j = EventJson.mapper().readTree(body);
        assertEquals("STORE_FULL", j.path("error").asText(), body);
        assertTrue(j.path("message_vi").asText().startsWith("Bộ nhớ của máy đã đầy"), body);
        assertFalse(j.path("message_en").asText().isBlank(), body);
        assertTrue(body.indexOf("message_vi") < body.indexOf("message_en"), "Vietnamese first: " + body);
    }

    private static JsonNode part(ApplianceProcess app, String name) throws Exception {
        return EventJson.mapper().readTree(app.get("/healthz").body()).at("/parts/" + name);
    }

    private static boolean healthy(ApplianceProcess app) {
        try {
            return app.get("/healthz").statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static String body(ApplianceProcess app, String path) {
        try {
            return app.get(path).body();
        } catch (IOException e) {
            return e.toString();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "";
        }
    }
}
