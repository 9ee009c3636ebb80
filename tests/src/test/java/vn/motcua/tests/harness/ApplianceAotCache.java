package vn.motcua.tests.harness;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import vn.motcua.appliance.TestStores;

/**
 * One JDK AOT cache (JEP 483/514) for the appliance processes of a test run, made once from a short training run of
 * the jar under test with the tests' own JVM flags, as the package's launcher makes one on a device at its first
 * start. Why: the end-to-end tests start the appliance hundreds of times (kill loops, corrupt-at-boot matrices, a
 * fresh office per browser class), and with the cache a start reaches {@code /healthz} in about 60 % of the time
 * (measured on this machine under load: 2.1-2.9 s against 2.4-4.9 s), which is minutes of the test command. The
 * cache changes no behaviour: a stale or unusable one is ignored by the JVM, and a failed training run only means
 * starts without it.
 *
 * <p>The file is keyed by the jar's size and time and the flags, under the tests module's {@code target/}; test JVMs
 * running at once (the browser forks) take a file lock, so one trains and the others use its result.
 */
final class ApplianceAotCache {
    private static final Duration TRAINING_LIMIT = Duration.ofSeconds(120);
    private static Optional<Path> made;

    private ApplianceAotCache() {}

    /** The {@code -XX:AOTCache} flag for {@code jar} run with {@code flags}, or none (switched off, or no cache made). */
    static synchronized List<String> flag(String java, Path jar, Path demoConf, List<String> flags) {
        if (!Boolean.getBoolean("motcua.applianceAot")) {
            return List.of();
        }
        if (made == null) {
            made = make(java, jar, demoConf, flags);
        }
        return made.map(p -> List.of("-XX:AOTCache=" + p)).orElse(List.of());
    }

    private static Optional<Path> make(String java, Path jar, Path demoConf, List<String> flags) {
        try {
            Path dir = Files.createDirectories(Path.of("target", "appliance-aot").toAbsolutePath());
            String key = Integer.toHexString((Files.size(jar) + "|" + Files.getLastModifiedTime(jar).toMillis() + "|"
                    + jar.toAbsolutePath() + "|" + java + "|" + flags).hashCode());
            Path cache = dir.resolve("motcua-" + key + ".aot");
            try (FileChannel lockFile = FileChannel.open(dir.resolve("lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                 FileLock ignored = lockFile.lock()) {
                if (Files.isRegularFile(cache) && Files.size(cache) > 0) {
                    return Optional.of(cache);
                }
                long started = System.nanoTime();
                Optional<Path> trained = train(dir, cache, java, jar, demoConf, flags);
                System.out.printf("appliance AOT cache %s in %d ms: %s%n", trained.isPresent() ? "made" : "NOT made",
                        (System.nanoTime() - started) / 1_000_000, trained.map(Path::toString).orElse("starts run without one"));
                return trained;
            }
        } catch (IOException | RuntimeException e) {
            System.out.println("appliance AOT cache not made (" + e + "): starts run without one");
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    /** Starts the demo office with {@code -XX:AOTCacheOutput}, serves a few pages and tickets, stops it cleanly. */
    private static Optional<Path> train(Path dir, Path cache, String java, Path jar, Path demoConf, List<String> flags)
            throws IOException, InterruptedException {
        Path run = Files.createTempDirectory(dir, "training-");
        Path partial = dir.resolve(cache.getFileName() + ".partial");
        Files.deleteIfExists(partial);
        int port = Ports.forAListener();
        Path config = run.resolve("appliance.conf");
        Files.writeString(config, TestStores.clearOfTheDailyRoll(Files.readString(demoConf)
                .replace("data_dir       = \"./data\"", "data_dir = \"" + run.resolve("data") + "\"")
                .replace("port           = 8080", "port = " + port)));
        List<String> cmd = new ArrayList<>(List.of(java, "-Xmx128m", "-XX:+UseSerialGC", "--enable-native-access=ALL-UNNAMED"));
        cmd.addAll(flags);
        cmd.addAll(List.of("-XX:AOTCacheOutput=" + partial, "-jar", jar.toString(), "--config", config.toString(), "--demo"));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true)
                .redirectOutput(run.resolve("appliance.log").toFile()).start();
        try {
            HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                    .connectTimeout(Duration.ofSeconds(5)).build();
            String base = "http://127.0.0.1:" + port;
            long deadline = System.nanoTime() + TRAINING_LIMIT.toNanos();
            while (!answers(http, base + "/healthz")) {
                if (!p.isAlive() || System.nanoTime() > deadline) {
                    return Optional.empty();
                }
                Thread.sleep(50);
            }
            // What most tests do next: pages, a ticket taken, called and finished, the status JSON.
            for (String page : List.of("/display", "/kiosk", "/healthz", "/api/queue")) {
                answers(http, base + page);
            }
            post(http, base + "/api/counters/1/open", "{\"staff\":\"training\"}");
            post(http, base + "/api/tickets", "{\"service\":\"ho-tich\"}");
            post(http, base + "/api/counters/1/call-next", null);
            post(http, base + "/api/counters/1/finish", null);
            p.destroy(); // SIGTERM: a clean stop, after which the JVM writes the cache
            if (!p.waitFor(TRAINING_LIMIT.toSeconds(), TimeUnit.SECONDS) || !Files.isRegularFile(partial) || Files.size(partial) == 0) {
                return Optional.empty();
            }
            Files.move(partial, cache, StandardCopyOption.ATOMIC_MOVE);
            return Optional.of(cache);
        } finally {
            p.destroyForcibly();
        }
    }

    private static boolean answers(HttpClient http, String url) throws InterruptedException {
        try {
            return http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10)).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode() > 0;
        } catch (IOException notYet) {
            return false;
        }
    }

    private static void post(HttpClient http, String url, String json) throws InterruptedException {
        try {
            http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10))
                    .header("Content-Type", "application/json")
                    .POST(json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json))
                    .build(), HttpResponse.BodyHandlers.discarding());
        } catch (IOException e) {
            // a training request that fails only trains less
        }
    }
}
