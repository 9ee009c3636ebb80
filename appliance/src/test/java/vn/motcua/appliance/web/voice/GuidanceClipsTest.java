package vn.motcua.appliance.web.voice;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.motcua.appliance.web.reports.ExternalPrograms;

/**
 * The guidance's sentences are made offline by espeak-ng, with the call's words, by the {@link ClipMaker} on its own
 * thread: the one scheduler stays free meanwhile, every sentence becomes a clip of the clips' format and of a length
 * a spoken sentence has, Vietnamese in the Vietnamese voice, and a screen's guidance is its clips joined. Needs
 * espeak-ng (Debian package in .ci/packages.txt): skipped without it, failed without it under {@code CI=true}.
 */
class GuidanceClipsTest {
    @TempDir
    Path dir;

    @Test
    void theSentencesAreMadeOffTheSchedulerAndEachScreensGuidanceIsItsClipsJoined() throws Exception {
        requireEspeak();
        VoiceClips clips = new VoiceClips(dir, "espeak-ng");
        ClipMaker maker = new ClipMaker(clips);
        ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
        try {
            maker.startAfter(scheduler, Duration.ZERO);
            long waited = System.nanoTime();
            while (!maker.state().equals("generating") && !maker.state().equals("ready")) {
                assertTrue(System.nanoTime() - waited < TimeUnit.SECONDS.toNanos(30), "generation begins");
                Thread.sleep(5);
            }
            // The scheduler's next job runs at once, generation or not: the clips are made on a thread of their own.
            CompletableFuture<String> duringGeneration = new CompletableFuture<>();
            scheduler.execute(() -> duringGeneration.complete(maker.state()));
            duringGeneration.get(2, TimeUnit.SECONDS);
            waited = System.nanoTime();
            while (!maker.state().equals("ready")) {
                assertTrue(maker.state().equals("generating"), maker.state());
                assertTrue(System.nanoTime() - waited < TimeUnit.SECONDS.toNanos(300), "every clip made");
                Thread.sleep(50);
            }
        } finally {
            maker.close();
            scheduler.shutdownNow();
        }
        for (var e : KioskGuidance.sentenceClips().entrySet()) {
            Path file = dir.resolve("generated/" + e.getKey() + ".wav");
            double seconds = seconds(Files.readAllBytes(file));
            // about two words a second: a sentence of n words lasts at least n/4 s and not a minute
            int words = e.getValue().split("\\s+").length;
            assertTrue(seconds > words / 4.0 && seconds < 60, e.getKey() + " (" + words + " words) lasts " + seconds + " s");
        }
        assertEquals(0.5, seconds(Files.readAllBytes(dir.resolve("generated/pause.wav"))), 0.001, "the pause between languages");
        List<String> ticket = KioskGuidance.TICKET.clips("A023", false);
        long samples = 0;
        for (String clip : ticket) {
            samples += clips.samples(clip).length;
        }
        byte[] joined = clips.assemble(ticket);
        try (AudioInputStream in = AudioSystem.getAudioInputStream(new ByteArrayInputStream(joined))) {
            assertTrue(in.getFormat().matches(VoiceClips.FORMAT));
            assertEquals(samples, in.readAllBytes().length, "the ticket's guidance is exactly its clips");
        }
        assertTrue(seconds(joined) > 8 && seconds(joined) < 60, "a ticket's guidance lasts " + seconds(joined) + " s");
        // Made again at the next start only if missing: the made clips stay as they are.
        long before = Files.getLastModifiedTime(dir.resolve("generated/vi-guide-ticket-wait.wav")).toMillis();
        assertEquals(0, clips.generateMissing());
        assertEquals(before, Files.getLastModifiedTime(dir.resolve("generated/vi-guide-ticket-wait.wav")).toMillis());
    }

    private static double seconds(byte[] wav) throws Exception {
        try (AudioInputStream in = AudioSystem.getAudioInputStream(new ByteArrayInputStream(wav))) {
            return in.getFrameLength() / (double) in.getFormat().getFrameRate();
        }
    }

    private static void requireEspeak() {
        ExternalPrograms.require("espeak-ng makes the guidance clips", "espeak-ng", "--version");
    }
}
