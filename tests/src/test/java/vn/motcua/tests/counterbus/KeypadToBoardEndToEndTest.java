package vn.motcua.tests.counterbus;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;

import vn.motcua.bus.pty.CounterSimProcess;
import vn.motcua.bus.pty.RealParts;
import vn.motcua.bus.pty.SocatPty;
import vn.motcua.appliance.store.EventJson;
import vn.motcua.tests.harness.ApplianceProcess;
import vn.motcua.bus.Await;

/**
 * The whole path with real parts: the appliance process and its jSerialComm adapter on one end of a pty pair,
 * three counter boards running the C firmware core on the other. Clerks press keys; the right numbers light on
 * the right boards and the right events land in the store — also through corrupted and dropped frames, a board
 * that reboots, and the adapter pulled out and plugged back.
 */
class KeypadToBoardEndToEndTest {
    /** Only stops a hung test: the boards, socat and the appliance share a loaded CI machine. */
    private static final Duration LIMIT = Duration.ofSeconds(60);

    @TempDir(cleanup = CleanupMode.ON_SUCCESS)
    Path dir;

    @BeforeEach
    void needsRealParts() {
        RealParts.requireBoardsOnPty();
    }

    /** The demo office, its counter bus on the pty, with boards over the given counters (address = counter). */
    private ApplianceProcess appliance(SocatPty socat, int... counters) throws Exception {
        StringBuilder boards = new StringBuilder();
        for (int c : counters) {
            boards.append("\n[[devices.counter_bus.boards]]\naddress = ").append(c).append("\ncounter = ").append(c).append('\n');
        }
        return new ApplianceProcess(dir, toml -> toml
                .replace("mode = \"simulated\"      # in memory", "mode = \"rs485\"      # in memory")
                .replace("port = \"/dev/motcua-bus\"", "port = \"" + socat.host + "\"") + boards);
    }

    private static JsonNode queue(ApplianceProcess app) throws Exception {
        return EventJson.mapper().readTree(app.get("/api/queue").body());
    }

    private static String servedAt(ApplianceProcess app, int counter) throws Exception {
        for (JsonNode c : queue(app).get("counters")) {
            if (c.get("number").asInt() == counter) {
                return c.get("ticket").asText("");
            }
        }
        return "";
    }

    private static void awaitShown(CounterSimProcess boards, int address, String number) throws Exception {
        Await.until(LIMIT, () -> {
            try {
                return boards.ticketShown(address).equals(number);
            } catch (Exception e) {
                return false;
            }
        }, () -> "board " + address + " to show " + number);
    }

    @Test
    void clerksPressKeysAndTheirBoardsShowTheNumbersTheyCalled() throws Exception {
        try (SocatPty socat = new SocatPty(dir);
             CounterSimProcess boards = new CounterSimProcess(socat.device, "1,3,8", 115200, dir.resolve("boards.log"));
             ApplianceProcess app = appliance(socat, 1, 3, 8)) {
            app.start();
            app.post("/api/tickets", "{\"service\":\"ho-tich\"}");
            app.post("/api/tickets", "{\"service\":\"dat-dai\"}");
            app.post("/api/tickets", "{\"service\":\"ho-tich\"}");

            boards.press(1, "PAUSE"); // a closed counter opens with the pause key
            boards.press(3, "PAUSE");
            Await.until(LIMIT, () -> app.counterOpen(1) && app.counterOpen(3), () -> "counters 1 and 3 open");
            boards.press(1, "CALL_NEXT");
            awaitShown(boards, 1, "A001");
            boards.press(3, "CALL_NEXT");
            awaitShown(boards, 3, "B001");
            assertEquals("A001", servedAt(app, 1));
            assertEquals("B001", servedAt(app, 3));

            // a frame corrupted on the wire and replies lost: the press still counts exactly once
            boards.command("corrupt 1 2");
            boards.command("drop 1 2");
            boards.press(1, "CALL_NEXT");
            awaitShown(boards, 1, "A002");
            // the board loses power for a moment: it comes back showing what its counter serves
            boards.command("reset 3");
            awaitShown(boards, 3, "B001");

            boards.press(1, "DONE");
            boards.press(1, "RATE_1");
            Await.until(LIMIT, () -> count(app, "ticket.rated") == 1, () -> "the rating stored");
            assertEquals(3, count(app, "ticket.called"), "three presses of call-next, three calls: none lost, none doubled");
            assertEquals("", servedAt(app, 1));
        }
    }

    @Test
    void theAdapterPulledOutAndPluggedBackRecoversWithoutARestart() throws Exception {
        try (SocatPty socat = new SocatPty(dir); ApplianceProcess app = appliance(socat, 1, 3)) {
            CounterSimProcess boards = new CounterSimProcess(socat.device, "1,3", 115200, dir.resolve("boards.log"));
            try {
                app.start();
                app.post("/api/tickets", "{\"service\":\"ho-tich\"}");
                app.post("/api/tickets", "{\"service\":\"ho-tich\"}");
                boards.press(1, "PAUSE", "CALL_NEXT");
                awaitShown(boards, 1, "A001");

                boards.close();
                socat.unplug();
                Await.until(LIMIT, () -> !healthy(app), () -> "the boards reported offline");
                socat.plugIn(); // plugged back: the same device name reappears
                boards = new CounterSimProcess(socat.device, "1,3", 115200, dir.resolve("boards.log"));
                Await.until(LIMIT, () -> healthy(app), () -> "the bus back online");
                awaitShown(boards, 1, "A001"); // the rebooted board gets its number back
                boards.press(1, "CALL_NEXT");
                awaitShown(boards, 1, "A002");
            } finally {
                boards.close(); // the boards process of the last plug-in, also when the test fails
            }
        }
    }

    private static boolean healthy(ApplianceProcess app) {
        try {
            JsonNode h = EventJson.mapper().readTree(app.get("/healthz").body());
            return h.at("/parts/counter-bus/ok").asBoolean();
        } catch (Exception e) {
            return false;
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
}
