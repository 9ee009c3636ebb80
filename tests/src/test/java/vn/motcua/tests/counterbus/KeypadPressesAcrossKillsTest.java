package vn.motcua.tests.counterbus;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Random;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import vn.motcua.appliance.store.EventJson;
import vn.motcua.bus.pty.CounterSimProcess;
import vn.motcua.bus.pty.RealParts;
import vn.motcua.bus.pty.SocatPty;
import vn.motcua.tests.harness.ApplianceProcess;
import vn.motcua.bus.Await;

/**
 * Clerks keep pressing call-next while the appliance process is killed (SIGKILL) and started again. The board runs
 * the C firmware and keeps every unacked press; at the end every press has called exactly one resident: none lost,
 * none applied twice. The kills land at random points; the two narrow windows that matter (a press delivered but
 * not committed, committed but not yet acked) are hit on purpose by the appliance's KeypadExactlyOnceTest, which this
 * soak does not replace: its random kills rarely land in a window of a few milliseconds. {@code -Dkeypad.kills=N}
 * runs it longer.
 */
class KeypadPressesAcrossKillsTest {
    private static final Logger log = LoggerFactory.getLogger(KeypadPressesAcrossKillsTest.class);
    private static final int KILLS = Integer.getInteger("keypad.kills", 5);
    private static final int PRESSES_PER_ROUND = 3;

    @TempDir(cleanup = CleanupMode.ON_SUCCESS)
    Path dir;

    @BeforeEach
    void needsRealParts() {
        RealParts.requireBoardsOnPty();
    }

    @Test
    void everyPressCallsExactlyOneResidentThroughKills() throws Exception {
        long seed = Long.getLong("keypad.seed", System.nanoTime());
        log.info("keypad kill test: {} kills, seed {}", KILLS, seed);
        Random random = new Random(seed);
        int presses = 0;
        try (SocatPty socat = new SocatPty(dir);
             CounterSimProcess boards = new CounterSimProcess(socat.device, "1", 115200, dir.resolve("boards.log"));
             ApplianceProcess app = new ApplianceProcess(dir, toml -> toml
                     .replace("mode = \"simulated\"      # in memory", "mode = \"rs485\"      # in memory")
                     .replace("port = \"/dev/motcua-bus\"", "port = \"" + socat.host + "\"")
                     + "\n[[devices.counter_bus.boards]]\naddress = 1\ncounter = 1\n")) {
            app.start();
            int tickets = (KILLS + 1) * PRESSES_PER_ROUND + 5;
            for (int i = 0; i < tickets; i++) {
                app.post("/api/tickets", "{\"service\":\"ho-tich\"}");
            }
            boards.press(1, "PAUSE"); // opens the closed counter
            Await.until(Duration.ofSeconds(60), () -> count(app, "counter.changed") >= 1, () -> "counter 1 open");

            for (int round = 0; round < KILLS; round++) {
                for (int p = 0; p < PRESSES_PER_ROUND; p++) {
                    boards.press(1, "CALL_NEXT");
                    presses++;
                    Thread.sleep(random.nextInt(15));
                }
                Thread.sleep(random.nextInt(60)); // the kill lands anywhere on the last presses' way
                app.kill();
                app.start();
            }
            for (int p = 0; p < PRESSES_PER_ROUND; p++) {
                boards.press(1, "CALL_NEXT");
                presses++;
            }
            int expected = presses;
            Await.until(Duration.ofSeconds(60), () -> count(app, "ticket.called") >= expected && queued(boards) == 0,
                    () -> "every press applied and acked (called " + count(app, "ticket.called") + " of " + expected + ")");
            Thread.sleep(1000); // a press applied twice would show up now
            assertEquals((long) expected, count(app, "ticket.called"), "one call per press, seed " + seed);
            assertEquals(tickets - expected, waiting(app, "ho-tich"), "each press took one resident from the queue");
        }
    }

    /** Presses board 1 still holds unacknowledged. */
    private static int queued(CounterSimProcess boards) {
        try {
            String stats = boards.command("stats 1");
            return Integer.parseInt(stats.replaceAll(".*queued=(\\d+).*", "$1"));
        } catch (Exception e) {
            return -1;
        }
    }

    private static long waiting(ApplianceProcess app, String service) throws Exception {
        for (var s : EventJson.mapper().readTree(app.get("/api/queue").body()).path("services")) {
            if (s.path("code").asText().equals(service)) {
                return s.path("waiting").asLong();
            }
        }
        throw new AssertionError("no service " + service + " in /api/queue");
    }

    private static long count(ApplianceProcess app, String type) {
        try {
            return EventJson.mapper().readTree(app.get("/api/outbox/counts").body()).path(type).asLong();
        } catch (Exception e) {
            return -1;
        }
    }
}
