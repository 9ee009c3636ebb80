package vn.motcua.tests.crash;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import com.fasterxml.jackson.databind.JsonNode;

import vn.motcua.appliance.store.EventJson;
import vn.motcua.tests.harness.ApplianceProcess;

/**
 * The corrupt-at-boot matrix, run without a district ({@link CorruptAtBootTest}) and with the district stand-in
 * holding every event ({@link CorruptAtBootWithDistrictTest}): each of the store's files (H2 database, commit journal, watermarks) truncated, with
 * random bytes at its start, random bytes in its middle, emptied, or missing; damaged right after a crash (the
 * day's last commands only in the journal) and after one clean restart (everything in H2). Each cell starts the real
 * appliance on a copy of the damaged folder and checks: it starts; it either lost nothing, or {@code /healthz} is
 * red on the store with a {@code store.recovered} event and a record that says what was lost; a file found
 * damaged was kept (never deleted); a new ticket's number follows every number issued before. With the district, a
 * cell loses nothing at all.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class CorruptAtBootMatrix {
    private static final String[] SERVICES = {"ho-tich", "dat-dai", "chung-thuc"};
    private static final String[] FILES = {"motcua.mv.db", "motcua.journal", "watermarks.properties"};
    private static final String[] DAMAGES = {"truncated", "random-start", "random-middle", "zero-length", "missing"};

    @TempDir(cleanup = CleanupMode.ON_SUCCESS)
    static Path dir;

    /** Text added to each appliance's config (the district link), or "". */
    abstract String configAddition() throws Exception;

    /** After the morning and after the clean restart: wait until the district holds what the appliance sent. */
    abstract void delivered(ApplianceProcess app, String when) throws Exception;

    /** Before a cell: the district holds what it held at {@code when}, and no event of another cell. */
    abstract void districtAsAt(String when) throws Exception;

    /** Whether the district holds every event of the day, so that no cell may lose anything. */
    abstract boolean districtHoldsTheDay();

    /** Acknowledged tickets and the state the appliance answered with. */
    private final Map<String, String> acknowledged = new LinkedHashMap<>();
    private Path crashed;
    private Path restarted;

    @BeforeAll
    void anOfficeMorningThenACrash() throws Exception {
        Path base = Files.createDirectories(dir.resolve("base"));
        String addition = configAddition();
        try (ApplianceProcess app = new ApplianceProcess(base, toml -> toml + addition)) {
            app.start();
            app.post("/api/counters/1/open", "{\"staff\":\"clerk1\"}");
            for (int i = 0; i < 17; i++) {
                HttpResponse<String> r = app.post("/api/tickets", "{\"service\":\"" + SERVICES[i % 3] + "\"}");
                assertEquals(201, r.statusCode(), r.body());
                acknowledged.put(ticket(r).path("number").asText(), "WAITING");
            }
            for (int i = 0; i < 3; i++) {
                HttpResponse<String> call = app.post("/api/counters/1/call-next", null);
                assertEquals(200, call.statusCode(), call.body());
                HttpResponse<String> done = app.post("/api/counters/1/finish", null);
                assertEquals(200, done.statusCode(), done.body());
                acknowledged.put(ticket(done).path("number").asText(), ticket(done).path("status").asText());
            }
            delivered(app, "after-crash");
            app.kill(); // within H2's write delay: the morning is in the journal, not yet in H2's file
        }
        crashed = copy(base.resolve("data"), dir.resolve("crashed"));
        Path again = dir.resolve("again");
        copy(crashed, again.resolve("data"));
        try (ApplianceProcess app = new ApplianceProcess(again, toml -> toml + addition)) {
            app.start();
            assertTrue(storeOk(app), "a crash alone is no store problem: " + app.get("/healthz").body());
            delivered(app, "after-clean-restart");
            app.stop(); // clean: H2 now holds everything
        }
        restarted = copy(again.resolve("data"), dir.resolve("restarted"));
    }

    Stream<Arguments> cells() {
        List<Arguments> out = new ArrayList<>();
        for (String when : List.of("after-crash", "after-clean-restart")) {
            for (String file : FILES) {
                for (String damage : DAMAGES) {
                    out.add(Arguments.of(when, file, damage));
                }
            }
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{1} {2} {0}")
    @MethodSource("cells")
    void aDamagedFileIsKeptAndReportedAndNothingIsLostInSilence(String when, String file, String damage)
            throws Exception {
        Path cell = dir.resolve(when + "-" + file + "-" + damage);
        Path data = copy(when.equals("after-crash") ? crashed : restarted, cell.resolve("data"));
        damage(data.resolve(file), damage, (when + file + damage).hashCode());
        districtAsAt(when);
        String addition = configAddition();
        try (ApplianceProcess app = new ApplianceProcess(cell, toml -> toml + addition)) {
            app.start();
            String health = app.get("/healthz").body();
            boolean red = !storeOk(app);
            long recoveredEvents = outboxCount(app, "store.recovered");
            assertEquals(red, recoveredEvents > 0, "a red store has its store.recovered event, a green one none: " + health);

            List<String> lost = new ArrayList<>();
            for (Map.Entry<String, String> a : acknowledged.entrySet()) {
                HttpResponse<String> r = app.get("/api/tickets/" + a.getKey());
                String now = r.statusCode() == 200 ? ticket(r).path("status").asText() : "GONE";
                if (now.equals("GONE") || (a.getValue().equals("FINISHED") && !now.equals("FINISHED"))) {
                    lost.add(a.getKey() + " " + a.getValue() + "->" + now);
                }
            }
            boolean mustReport = !file.equals("motcua.mv.db") || damage.equals("missing") || damage.equals("zero-length");
            if (mustReport) {
                assertTrue(red, "damage to " + file + " (" + damage + ") detected: " + health);
            }
            if (districtHoldsTheDay()) {
                assertEquals(List.of(), lost, "with the district holding the day nothing is lost: " + health);
                assertFalse(health.contains("restore from the district failed"), health);
            }
            if (!lost.isEmpty()) {
                assertTrue(red, "lost " + lost + " yet /healthz is green: " + health);
                JsonNode record = EventJson.mapper().readTree(data.resolve("store-attention.json").toFile());
                boolean saysWhat = record.path("missing_count").asLong() >= lost.size()
                        || record.path("summary").asText().contains("journal");
                assertTrue(saysWhat, "lost " + lost + " and the record says " + record);
            }
            if (red && !damage.equals("missing") && !damage.equals("zero-length")) { // an empty file has nothing to keep
                assertTrue(kept(data, file), file + " found damaged was kept for a technician");
            }
            // numbering never goes back: each service's next number follows every number issued
            for (String service : SERVICES) {
                HttpResponse<String> r = app.post("/api/tickets", "{\"service\":\"" + service + "\"}");
                assertEquals(201, r.statusCode(), r.body());
                String number = ticket(r).path("number").asText();
                for (String before : acknowledged.keySet()) {
                    if (before.charAt(0) == number.charAt(0)) {
                        assertTrue(number.compareTo(before) > 0, number + " issued again or below " + before);
                    }
                }
            }
            if (red && file.equals("motcua.journal") && damage.equals("zero-length") && when.equals("after-crash")) {
                // red survives a restart until a technician acknowledges it on the Pi itself
                app.stop();
                app.start();
                assertFalse(storeOk(app), "still red after a restart");
                assertEquals(200, app.post("/api/store/acknowledge", null).statusCode());
                assertTrue(storeOk(app), "green once acknowledged: " + app.get("/healthz").body());
            }
        }
    }

    private static boolean kept(Path data, String file) throws IOException {
        if (Files.exists(data.resolve(file + ".broken"))) {
            return true;
        }
        try (Stream<Path> s = Files.list(data)) {
            return s.filter(p -> p.getFileName().toString().startsWith("broken-"))
                    .anyMatch(p -> Files.exists(p.resolve(file)));
        }
    }

    private static void damage(Path f, String how, long seed) throws IOException {
        Random random = new Random(seed);
        byte[] junk = new byte[4096];
        random.nextBytes(junk);
        switch (how) {
            case "truncated" -> {
                try (RandomAccessFile r = new RandomAccessFile(f.toFile(), "rw")) {
                    r.setLength(r.length() / 2);
                }
            }
            case "random-start" -> write(f, 0, junk);
            case "random-middle" -> write(f, Files.size(f) / 2, junk);
            case "zero-length" -> Files.write(f, new byte[0]);
            case "missing" -> Files.delete(f);
            default -> throw new IllegalArgumentException(how);
        }
    }

    private static void write(Path f, long at, byte[] junk) throws IOException {
        try (RandomAccessFile r = new RandomAccessFile(f.toFile(), "rw")) {
            int n = (int) Math.min(junk.length, Math.max(1, r.length() - at));
            r.seek(at);
            r.write(junk, 0, n);
        }
    }

    private static boolean storeOk(ApplianceProcess app) throws IOException, InterruptedException {
        return EventJson.mapper().readTree(app.get("/healthz").body()).path("parts").path("store").path("ok").asBoolean();
    }

    private static long outboxCount(ApplianceProcess app, String type) throws IOException, InterruptedException {
        return EventJson.mapper().readTree(app.get("/api/outbox/counts").body()).path(type).asLong();
    }

    private static JsonNode ticket(HttpResponse<String> r) throws IOException {
        return EventJson.mapper().readTree(r.body()).path("ticket");
    }

    private static Path copy(Path from, Path to) throws IOException {
        Files.createDirectories(to);
        try (Stream<Path> s = Files.walk(from)) {
            for (Path p : (Iterable<Path>) s::iterator) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target);
                }
            }
        }
        return to;
    }
}
