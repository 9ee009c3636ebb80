package vn.motcua.appliance.web.voice;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;


import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code GET /voice/call} in each configured language set: every word clip is a distinct two-byte sound, so the WAV the
 * handler serves shows exactly which words it joined, in order.
 */
class VoiceLanguagesHandlerTest {
    @TempDir
    Path dir;

    @Test
    void theSpokenCallFollowsTheConfiguredLanguages() throws Exception {
        List<String> all = CallAnnouncement.clips("A023", 5, CallLanguages.VIETNAMESE_THEN_ENGLISH);
        for (int i = 0; i < all.size(); i++) {
            Wavs.write(dir.resolve("generated/" + all.get(i) + ".wav"), new byte[] {(byte) i, 1});
        }
        VoiceClips clips = new VoiceClips(dir, "/nonexistent/espeak-ng");
        assertArrayEquals(new byte[] {0, 1, 1, 1, 2, 1, 3, 1, 4, 1, 5, 1, 6, 1, 7, 1}, Wavs.samples(call(clips, CallLanguages.VIETNAMESE)),
                "chime and the eight Vietnamese words, nothing after");
        assertEquals(all.size() * 2, Wavs.samples(call(clips, CallLanguages.VIETNAMESE_THEN_ENGLISH)).length, "then the English words");
    }

    private static byte[] call(VoiceClips clips, CallLanguages languages) throws Exception {
        Server server = new Server();
        ServerConnector connector = new ServerConnector(server);
        connector.setHost("127.0.0.1");
        server.addConnector(connector);
        server.setHandler(new VoiceHandler(clips, languages));
        server.start();
        try (HttpClient http = HttpClient.newHttpClient()) {
            HttpResponse<byte[]> r = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + connector.getLocalPort()
                    + "/voice/call?number=A023&counter=5")).build(), HttpResponse.BodyHandlers.ofByteArray());
            assertEquals(200, r.statusCode());
            return r.body();
        } finally {
            server.stop();
        }
    }
}
