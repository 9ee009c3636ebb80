package vn.motcua.tests.browser;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import vn.motcua.appliance.web.voice.CallAnnouncement;
import vn.motcua.tests.harness.ApplianceProcess;
import vn.motcua.bus.Await;

/**
 * The spoken call as the display receives it: the appliance generates its word clips with espeak-ng at first
 * start, joins them per call, and sox confirms the result is exactly the clips in order (chime, Vietnamese,
 * English), sample for sample, with the summed length.
 */
class AnnouncementAudioTest {
    @TempDir
    Path dir;

    @Test
    void theCallIsTheChimeThenTheVietnameseThenTheEnglishClipsInOrder() throws Exception {
        try (ApplianceProcess app = new ApplianceProcess(dir, toml -> toml)) {
            app.start();
            // espeak-ng makes every word clip at the first start: only a hung generation may stop the wait, not a slow one.
            Await.until(java.time.Duration.ofSeconds(300), () -> voiceReady(app), () -> "voice clips generated");
            assertTrue(app.get("/healthz").body().contains("\"state\":\"ready\""), app.get("/healthz").body());
            URI uri = app.get("/healthz").uri().resolve("/voice/call?number=A023&counter=15");
            HttpResponse<byte[]> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(uri).build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            assertEquals(200, r.statusCode());
            Path call = dir.resolve("call.wav");
            Files.write(call, r.body());

            List<String> clips = CallAnnouncement.clips("A023", 15);
            assertEquals(List.of("vi-den-quay-so", "vi-muoi", "vi-lam"), clips.subList(6, 9), "quầy số mười lăm");
            assertJoinedExactly(app, call, clips);
            double seconds = Double.parseDouble(sox("soxi", "-D", call.toString()).strip());
            assertTrue(seconds > 4 && seconds < 20, "a call lasts a few seconds, was " + seconds);
        }
    }

    /**
     * {@code [voice] languages = "vi"}: the call served to the display is the chime and the Vietnamese words alone,
     * sample for sample (the clips come from the test run's cache: this is about which words, not their generation).
     */
    @Test
    void aVietnameseOnlyOfficeHearsTheVietnameseCallAlone() throws Exception {
        try (ApplianceProcess app = new ApplianceProcess(dir, toml -> toml.replace("languages = \"vi,en\"", "languages = \"vi\""))) {
            VoiceCache.copyInto(app.dataDir());
            app.start();
            Await.until(java.time.Duration.ofSeconds(120), () -> voiceReady(app), () -> "voice clips in place");
            URI uri = app.get("/healthz").uri().resolve("/voice/call?number=A023&counter=15");
            HttpResponse<byte[]> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(uri).build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            assertEquals(200, r.statusCode());
            Path call = dir.resolve("call-vi.wav");
            Files.write(call, r.body());
            List<String> clips = CallAnnouncement.clips("A023", 15);
            List<String> vietnamese = clips.subList(0, clips.indexOf("en-number"));
            assertEquals("vi-lam", vietnamese.getLast(), "the Vietnamese half ends with the counter number");
            assertJoinedExactly(app, call, vietnamese);
        }
    }

    /** The WAV at {@code call} is exactly {@code clips} from the appliance's generated clips, in order, and nothing else. */
    private static void assertJoinedExactly(ApplianceProcess app, Path call, List<String> clips) throws Exception {
        long offset = 0;
        for (String clip : clips) {
            Path file = app.dataDir().resolve("voice/generated/" + clip + ".wav");
            long samples = Long.parseLong(sox("soxi", "-s", file.toString()).strip());
            assertTrue(samples > 1000, clip + " is a real sound, not an empty file");
            byte[] expected = soxRaw(file.toString());
            byte[] actual = soxRaw(call.toString(), "trim", offset + "s", samples + "s");
            assertArrayEquals(expected, actual, clip + " at sample " + offset);
            offset += samples;
        }
        assertEquals(offset, Long.parseLong(sox("soxi", "-s", call.toString()).strip()), "nothing else in the file");
    }

    private static boolean voiceReady(ApplianceProcess app) {
        try {
            return app.get("/healthz").body().contains("\"voice\":{\"ok\":true,\"state\":\"ready\"");
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }

    private static String sox(String... cmd) throws IOException, InterruptedException {
        return new String(run(List.of(cmd)));
    }

    private static byte[] soxRaw(String file, String... effects) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of("sox", file, "-t", "raw", "-"));
        cmd.addAll(List.of(effects));
        return run(cmd);
    }

    private static byte[] run(List<String> cmd) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        byte[] out = p.getInputStream().readAllBytes();
        if (!p.waitFor(30, TimeUnit.SECONDS) || p.exitValue() != 0) {
            p.destroyForcibly();
            throw new IOException(String.join(" ", cmd) + " failed");
        }
        return out;
    }
}
