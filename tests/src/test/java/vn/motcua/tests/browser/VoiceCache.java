package vn.motcua.tests.browser;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import vn.motcua.appliance.web.voice.VoiceClips;

/**
 * The espeak-ng word clips, generated once per test JVM into target/ and copied into each appliance's data
 * folder, so browser tests do not each spend their first seconds (and the CPU Chromium needs) regenerating them.
 * {@link AnnouncementAudioTest} does not use it: it checks the appliance's own first-start generation.
 */
final class VoiceCache {
    /** One folder per test JVM: two browser classes run at once, each JVM making the clips once for itself. */
    private static final Path CACHE = Path.of("target/voice-cache-" + ProcessHandle.current().pid());

    private VoiceCache() {}

    static synchronized void copyInto(Path dataDir) throws IOException, InterruptedException {
        if (new VoiceClips(CACHE, "espeak-ng").generateMissing() != 0) {
            throw new IllegalStateException("espeak-ng could not generate the voice clips");
        }
        Path to = dataDir.resolve("voice/generated");
        Files.createDirectories(to);
        try (Stream<Path> files = Files.list(CACHE.resolve("generated"))) {
            for (Path f : files.toList()) {
                Files.copy(f, to.resolve(f.getFileName()));
            }
        }
    }
}
