package vn.motcua.tests.harness;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Optional;

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
    private static Optional<Path> made;

    private ApplianceAotCache() {}

    /** The {@code -XX:AOTCache} flag for {@code jar} run with {@code flags}, or none (switched off, or no cache made). */
    static synchronized List<String> flag(String java, Path jar, List<String> flags) {
        if (!Boolean.getBoolean("motcua.applianceAot")) {
            return List.of();
        }
        if (made == null) {
            made = make(java, jar, flags);
        }
        return made.map(p -> List.of("-XX:AOTCache=" + p)).orElse(List.of());
    }

    private static Optional<Path> make(String java, Path jar, List<String> flags) {
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
                Optional<Path> trained = train(dir, cache);
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

    /** Starts the demo office writing the cache, serves a few pages and a ticket's day, stops it cleanly (SIGTERM). */
    private static Optional<Path> train(Path dir, Path cache) throws IOException, InterruptedException {
        Path partial = dir.resolve(cache.getFileName() + ".partial");
        Files.deleteIfExists(partial);
        try (ApplianceProcess app = new ApplianceProcess(Files.createTempDirectory(dir, "training-"), toml -> toml)
                .writingAotCache(partial)) {
            app.start();
            // What most tests do next: pages, a ticket taken, called and finished, the queue's JSON.
            for (String page : List.of("/display", "/kiosk", "/api/queue")) {
                app.get(page);
            }
            app.post("/api/counters/1/open", "{\"staff\":\"training\"}");
            app.post("/api/tickets", "{\"service\":\"ho-tich\"}");
            app.post("/api/counters/1/call-next", null);
            app.post("/api/counters/1/finish", null);
            app.stop(); // the JVM writes the cache after a clean stop
        }
        if (!Files.isRegularFile(partial) || Files.size(partial) == 0) {
            return Optional.empty();
        }
        Files.move(partial, cache, StandardCopyOption.ATOMIC_MOVE);
        return Optional.of(cache);
    }
}
