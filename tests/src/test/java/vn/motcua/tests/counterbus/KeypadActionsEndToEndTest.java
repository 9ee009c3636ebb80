package vn.motcua.tests.counterbus;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;

import vn.motcua.appliance.store.EventJson;
import vn.motcua.bus.pty.CounterSimProcess;
import vn.motcua.bus.pty.RealParts;
import vn.motcua.bus.pty.SocatPty;
import vn.motcua.tests.harness.ApplianceProcess;
import vn.motcua.bus.Await;

/**
 * Every keypad action of a clerk's day — call next, recall, skip, recall no-show, start, done, park, call parked,
 * transfer, pause, rate — pressed on the keypads of counters 9 and 3 (the counters of issue 15's stale board), once
 * on the C firmware (counter-sim over a socat pty, the appliance's real serial adapter) and once on the simulated
 * boards the demo uses. After each press the test reads the ticket from {@code GET /api/tickets/...} and what both
 * boards show: the board a ticket left goes blank, the board that called it shows it.
 */
class KeypadActionsEndToEndTest {
    /** Only stops a hung test: the boards, socat and the appliance share a loaded CI machine. */
    private static final Duration LIMIT = Duration.ofSeconds(60);
    private static final int NINE = 9;
    private static final int THREE = 3;

    @TempDir(cleanup = CleanupMode.ON_SUCCESS)
    Path dir;

    /** The keypads and boards of the counters, however they are wired. */
    private interface Keypads {
        void press(int counter, String... keys) throws Exception;

        /** TRANSFER, the target's digits, TRANSFER. */
        void transfer(int counter, int to) throws Exception;

        /** The ticket text the board lights, "" when blank; with its counter number when lit, e.g. "F001@9". */
        String board(int counter) throws Exception;
    }

    @Test
    void everyKeypadActionOnTheFirmwareOverAPty() throws Exception {
        RealParts.requireBoardsOnPty();
        try (SocatPty socat = new SocatPty(dir);
             CounterSimProcess boards = new CounterSimProcess(socat.device, "3,9", 115200, dir.resolve("boards.log"));
             ApplianceProcess app = new ApplianceProcess(dir, toml -> toml
                     .replace("mode = \"simulated\"      # in memory", "mode = \"rs485\"      # in memory")
                     .replace("port = \"/dev/motcua-bus\"", "port = \"" + socat.host + "\"")
                     + "\n[[devices.counter_bus.boards]]\naddress = 3\ncounter = 3\n"
                     + "\n[[devices.counter_bus.boards]]\naddress = 9\ncounter = 9\n")) {
            app.start();
            aClerksDay(app, new Keypads() {
                @Override
                public void press(int counter, String... keys) {
                    boards.press(counter, keys);
                }

                @Override
                public void transfer(int counter, int to) {
                    boards.press(counter, ("TRANSFER " + String.join(" ", Integer.toString(to).split("")) + " TRANSFER").split(" "));
                }

                @Override
                public String board(int counter) {
                    String d = boards.display(counter); // "[F001] 9 1 1": text, counter, blink, set
                    String text = d.substring(d.indexOf('[') + 1, d.indexOf(']')).trim();
                    String[] rest = d.substring(d.indexOf(']') + 2).split(" ");
                    return text.isEmpty() && rest[0].equals("--") ? "" : text + "@" + rest[0];
                }
            });
        }
    }

    @Test
    void everyKeypadActionOnTheSimulatedBoards() throws Exception {
        try (ApplianceProcess app = new ApplianceProcess(dir, toml -> toml)) { // the demo's simulated bus
            app.start();
            aClerksDay(app, new Keypads() {
                @Override
                public void press(int counter, String... keys) throws Exception {
                    for (String k : keys) {
                        assertEquals(202, app.post("/sim/counters/" + counter + "/press/" + k, null).statusCode(), k);
                    }
                }

                @Override
                public void transfer(int counter, int to) throws Exception {
                    assertEquals(202, app.post("/sim/counters/" + counter + "/press/TRANSFER?to=" + to, null).statusCode());
                }

                @Override
                public String board(int counter) throws Exception {
                    JsonNode b = EventJson.mapper().readTree(app.get("/sim/counters/" + counter + "/board").body());
                    String text = b.get("text").asText().trim();
                    int shownCounter = b.get("counter").asInt();
                    return text.isEmpty() && shownCounter == -1 ? "" : text + "@" + shownCounter;
                }
            });
        }
    }

    /** The same day on either wiring; every step waits for its real outcome in the queue and on both boards. */
    private static void aClerksDay(ApplianceProcess app, Keypads keys) throws Exception {
        for (int i = 0; i < 3; i++) {
            assertEquals(201, app.post("/api/tickets", "{\"service\":\"chung-thuc\"}").statusCode()); // F001..F003
        }
        assertEquals(201, app.post("/api/tickets", "{\"service\":\"dat-dai\"}").statusCode()); // B001, for counter 3

        keys.press(NINE, "PAUSE"); // a closed counter opens with the pause key
        keys.press(THREE, "PAUSE");
        Await.until(LIMIT, () -> app.counterOpen(NINE) && app.counterOpen(THREE), () -> "counters 9 and 3 open");

        keys.press(NINE, "CALL_NEXT");
        awaitTicket(app, "F001", "CALLED", NINE);
        awaitBoards(keys, "F001@9", "");
        keys.press(NINE, "RECALL");
        Await.until(LIMIT, () -> ticket(app, "F001").path("recalls").asInt() == 1, () -> "F001 recalled once");

        keys.press(NINE, "SKIP");
        awaitTicket(app, "F001", "NO_SHOW", NINE);
        awaitBoards(keys, "", "");
        keys.press(NINE, "RECALL_NO_SHOW"); // the ticket this counter skipped last
        awaitTicket(app, "F001", "CALLED", NINE);
        awaitBoards(keys, "F001@9", "");

        keys.press(NINE, "START");
        awaitTicket(app, "F001", "SERVING", NINE);
        keys.press(NINE, "PARK");
        awaitTicket(app, "F001", "PARKED", NINE);
        awaitBoards(keys, "", "");

        keys.press(NINE, "CALL_NEXT");
        awaitTicket(app, "F002", "CALLED", NINE);
        awaitBoards(keys, "F002@9", "");
        keys.press(NINE, "START", "DONE");
        awaitTicket(app, "F002", "FINISHED", NINE);
        awaitBoards(keys, "", "");
        keys.press(NINE, "RATE_1"); // 1 = rất hài lòng / very satisfied
        Await.until(LIMIT, () -> count(app, "ticket.rated") == 1, () -> "F002's rating stored");

        keys.press(NINE, "CALL_PARKED"); // the ticket this counter parked first
        awaitTicket(app, "F001", "CALLED", NINE);
        awaitBoards(keys, "F001@9", "");

        // Issue 15: counter 9's board kept showing F006 after it was transferred to counter 3.
        keys.transfer(NINE, THREE);
        Await.until(LIMIT, () -> ticket(app, "F001").path("status").asText().equals("WAITING")
                && ticket(app, "F001").path("target_counter").asInt() == THREE, () -> "F001 waiting for counter 3");
        awaitBoards(keys, "", "");
        keys.press(THREE, "CALL_NEXT"); // sent to counter 3 by name: called before B001
        awaitTicket(app, "F001", "CALLED", THREE);
        awaitBoards(keys, "", "F001@3");
        keys.press(THREE, "START", "DONE");
        awaitTicket(app, "F001", "FINISHED", THREE);
        awaitBoards(keys, "", "");
        keys.press(THREE, "RATE_4"); // 4 = không hài lòng / not satisfied
        Await.until(LIMIT, () -> count(app, "ticket.rated") == 2, () -> "F001's rating stored");
        assertEquals("WAITING", ticket(app, "B001").path("status").asText());

        keys.press(NINE, "CALL_NEXT");
        awaitTicket(app, "F003", "CALLED", NINE);
        awaitBoards(keys, "F003@9", "");
        long refusedBefore = refusedPresses(app);
        keys.press(NINE, "PAUSE"); // refused while F003 is at the counter (the queue's rule): nothing changes
        Await.until(LIMIT, () -> refusedPresses(app) > refusedBefore, () -> "the pause press refused");
        assertEquals("OPEN", counterStatus(app, NINE));
        awaitTicket(app, "F003", "CALLED", NINE);
        awaitBoards(keys, "F003@9", "");
        keys.press(NINE, "DONE");
        awaitTicket(app, "F003", "FINISHED", NINE);
        keys.press(NINE, "PAUSE");
        Await.until(LIMIT, () -> counterStatus(app, NINE).equals("PAUSED"), () -> "counter 9 paused");
        awaitBoards(keys, "", "");

        assertEquals(6, count(app, "ticket.called"), "one call per press: F001, F001 back from no-show, F002,"
                + " F001 back from parking, F001 at counter 3, F003");
    }

    private static void awaitTicket(ApplianceProcess app, String number, String status, int counter) throws InterruptedException {
        Await.until(LIMIT, () -> {
            JsonNode t = ticket(app, number);
            return t.path("status").asText().equals(status) && t.path("counter").asInt() == counter;
        }, () -> number + " " + status + " at counter " + counter + " (is " + ticket(app, number) + ")");
    }

    private static void awaitBoards(Keypads keys, String nine, String three) throws InterruptedException {
        String[] last = {"?", "?"};
        Await.until(LIMIT, () -> {
            try {
                last[0] = keys.board(NINE);
                last[1] = keys.board(THREE);
            } catch (Exception e) {
                return false;
            }
            return last[0].equals(nine) && last[1].equals(three);
        }, () -> "board 9 '" + nine + "' and board 3 '" + three + "' (show '" + last[0] + "' and '" + last[1] + "')");
    }

    private static JsonNode ticket(ApplianceProcess app, String number) {
        try {
            return EventJson.mapper().readTree(app.get("/api/tickets/" + number).body()).path("ticket");
        } catch (IOException e) {
            return EventJson.mapper().createObjectNode();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return EventJson.mapper().createObjectNode();
        }
    }

    private static JsonNode counter(ApplianceProcess app, int number) throws Exception {
        for (JsonNode c : EventJson.mapper().readTree(app.get("/api/queue").body()).path("counters")) {
            if (c.path("number").asInt() == number) {
                return c;
            }
        }
        throw new AssertionError("no counter " + number);
    }

    private static String counterStatus(ApplianceProcess app, int number) {
        try {
            return counter(app, number).path("status").asText();
        } catch (Exception e) {
            return "";
        }
    }

    /** Events of a type in the appliance's outbox. */
    private static long count(ApplianceProcess app, String type) {
        try {
            return EventJson.mapper().readTree(app.get("/api/outbox/counts").body()).path(type).asLong();
        } catch (Exception e) {
            return -1;
        }
    }

    /** Refused keypad presses since start, from /metrics ({@code motcua_keypad_presses_refused_total}). */
    private static long refusedPresses(ApplianceProcess app) {
        try {
            return app.get("/metrics").body().lines().filter(l -> l.startsWith("motcua_keypad_presses_refused_total "))
                    .mapToLong(l -> (long) Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1))).findFirst()
                    .orElse(-1);
        } catch (Exception e) {
            return -1;
        }
    }
}
