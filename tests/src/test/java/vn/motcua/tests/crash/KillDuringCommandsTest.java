package vn.motcua.tests.crash;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;

import vn.motcua.tests.harness.ApplianceProcess;

/**
 * The appliance as a real process, killed with SIGKILL at random moments while residents take tickets and
 * clerks call them. After every restart: each acknowledged ticket is there, no number was issued twice, and
 * the outbox holds exactly one event per state change.
 */
class KillDuringCommandsTest {
    private static final Pattern NUMBER = Pattern.compile("\"number\":\"([A-Z][0-9]{3})\"");
    private static final String[] SERVICES = {"ho-tich", "dat-dai", "chung-thuc"};
    private static final int[] COUNTERS = {1, 3, 8};

    /** Kept when the test fails: the appliance's log and its data are the evidence. */
    @TempDir(cleanup = CleanupMode.ON_SUCCESS)
    Path dir;

    @Test
    void noAcknowledgedTicketIsLostAndNoNumberIsIssuedTwice() throws Exception {
        long seed = Long.getLong("motcua.crashSeed", System.nanoTime());
        int kills = Integer.getInteger("motcua.crashKills", 6);
        Random random = new Random(seed);
        Set<String> acknowledgedTickets = new LinkedHashSet<>();
        Set<String> acknowledgedCalls = new HashSet<>();
        ScheduledExecutorService killer = Executors.newSingleThreadScheduledExecutor();
        try (ApplianceProcess app = new ApplianceProcess(dir, toml -> toml)) {
            // The kills land at random times, so on a loaded machine a round may end before many commands ran: more
            // rounds (bounded) until enough tickets were acknowledged to mean something, rather than failing for it.
            for (int round = 0; round < kills || (acknowledgedTickets.size() <= 20 && round < kills * 5); round++) {
                app.start();
                for (int c : COUNTERS) {
                    app.post("/api/counters/" + c + "/open", "{\"staff\":\"clerk" + c + "\"}");
                }
                AtomicBoolean killed = new AtomicBoolean();
                killer.schedule(() -> {
                    app.kill(); // returns once the process is gone: only then may the next one start
                    killed.set(true);
                    return null;
                }, 200 + random.nextInt(1500), TimeUnit.MILLISECONDS);
                int commands = 0;
                while (!killed.get() && commands < 5_000) {
                    commands++;
                    try {
                        step(app, random, acknowledgedTickets, acknowledgedCalls);
                    } catch (IOException connectionLost) {
                        break; // killed mid-request: not acknowledged, so nothing is owed
                    }
                }
                while (!killed.get()) {
                    Thread.sleep(10);
                }
                Thread.sleep(100);
            }
            app.start();
            app.stop();
        } finally {
            killer.shutdownNow();
        }

        StoredQueue stored = StoredQueue.read(dir.resolve("data"));
        String why = " (seed " + seed + ", rerun with -Dmotcua.crashSeed=" + seed + "; log and data in " + dir + ")";
        for (String number : acknowledgedTickets) {
            assertTrue(stored.statusByNumber().containsKey(number), "acknowledged ticket " + number + " lost" + why);
        }
        for (String number : acknowledgedCalls) {
            String s = stored.statusByNumber().get(number);
            // NO_SHOW: a call-next replaced the call before anyone pressed start (queue.unstarted_call_on_next)
            assertTrue("CALLED".equals(s) || "FINISHED".equals(s) || "NO_SHOW".equals(s),
                    "acknowledged call of " + number + " lost: " + s + why);
        }
        // Exactly one event per state change: every stored ticket was issued once, called at most once,
        // finished at most once, and its events agree with its stored status.
        assertEquals(stored.statusByNumber().size(), stored.eventsByType().getOrDefault("ticket.issued", 0), why);
        for (Map.Entry<String, String> t : stored.statusByNumber().entrySet()) {
            Map<String, Integer> ev = stored.eventsByNumber().getOrDefault(t.getKey(), Map.of());
            int issued = ev.getOrDefault("ticket.issued", 0);
            int called = ev.getOrDefault("ticket.called", 0);
            int finished = ev.getOrDefault("ticket.finished", 0);
            assertEquals(1, issued, t.getKey() + " issued events" + why);
            switch (t.getValue()) {
                case "WAITING" -> assertEquals(0, called + finished, t.getKey() + why);
                case "CALLED" -> assertTrue(called == 1 && finished == 0, t.getKey() + " " + ev + why);
                case "FINISHED" -> assertTrue(called == 1 && finished == 1, t.getKey() + " " + ev + why);
                case "NO_SHOW" -> assertTrue(called == 1 && finished == 0 && ev.getOrDefault("ticket.no_show", 0) == 1,
                        t.getKey() + " " + ev + why);
                default -> throw new AssertionError("unexpected status " + t + why);
            }
        }
        for (int i = 0; i < stored.seqs().size(); i++) {
            assertEquals(i + 1, stored.seqs().get(i), "outbox sequence has no gap or repeat" + why);
        }
        assertEquals(stored.eventIds().size(), new HashSet<>(stored.eventIds()).size(), "event ids unique" + why);
        assertTrue(acknowledgedTickets.size() > 20, "enough tickets were issued to mean something: "
                + acknowledgedTickets.size() + why);
    }

    private static void step(ApplianceProcess app, Random random, Set<String> tickets, Set<String> calls)
            throws IOException, InterruptedException {
        int k = random.nextInt(SERVICES.length);
        if (random.nextInt(3) > 0) {
            HttpResponse<String> r = app.post("/api/tickets", "{\"service\":\"" + SERVICES[k] + "\"}");
            if (r.statusCode() == 201) {
                tickets.add(number(r.body()));
            }
        } else if (random.nextBoolean()) {
            HttpResponse<String> r = app.post("/api/counters/" + COUNTERS[k] + "/call-next", null);
            if (r.statusCode() == 200) {
                calls.add(number(r.body()));
            }
        } else {
            app.post("/api/counters/" + COUNTERS[k] + "/finish", null);
        }
    }

    private static String number(String body) {
        Matcher m = NUMBER.matcher(body);
        if (!m.find()) {
            throw new AssertionError("no ticket number in " + body);
        }
        return m.group(1);
    }
}
