package vn.motcua.appliance.web.voice;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;


import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code GET /voice/guide}: every clip is a distinct two-byte sound, so the WAV served shows exactly which clips were
 * joined, in order: each kiosk screen's script, the buttons' sentence only where the office has buttons, 400 for a
 * screen or number it does not know, 503 while the clips are not made (the kiosk then says so on its button).
 */
class GuidanceHandlerTest {
    @TempDir
    Path dir;
    private Server server;
    private final HttpClient http = HttpClient.newHttpClient();
    private final Map<String, Integer> ids = new HashMap<>();

    @AfterEach
    void stop() throws Exception {
        if (server != null) {
            server.stop();
        }
        http.close();
    }

    @Test
    void eachScreenIsItsScriptsClipsInOrder() throws Exception {
        writeEveryClip();
        String base = start(true);
        for (KioskGuidance g : KioskGuidance.values()) {
            HttpResponse<byte[]> r = get(base + "/voice/guide?state=" + g.state() + (g.needsNumber() ? "&number=C042" : ""));
            assertEquals(200, r.statusCode(), g.state());
            assertEquals("audio/wav", r.headers().firstValue("content-type").orElseThrow());
            assertArrayEquals(expected(g.clips("C042", true)), Wavs.samples(r.body()), g.state());
        }
        byte[] start = Wavs.samples(get(base + "/voice/guide?state=start").body());
        assertArrayEquals(expected(KioskGuidance.START.clips(null, true)), start);
        server.stop();
        base = start(false);
        assertArrayEquals(expected(KioskGuidance.START.clips(null, false)), Wavs.samples(get(base + "/voice/guide?state=start").body()),
                "no service buttons: the start screen's guidance does not name them");
        assertEquals(start.length - 4, Wavs.samples(get(base + "/voice/guide?state=start").body()).length, "one sentence less in each language");
    }

    @Test
    void anUnknownScreenOrNumberIsRefusedAndMissingClipsAre503() throws Exception {
        String base = start(true);
        assertEquals(503, get(base + "/voice/guide?state=start").statusCode(), "no clips made yet");
        writeEveryClip();
        assertEquals(200, get(base + "/voice/guide?state=start").statusCode());
        for (String q : List.of("", "?state=nope", "?state=ticket", "?state=ticket&number=%3Cscript%3E",
                "?state=ticket-state&number=A1", "?state=start&x=" + "y".repeat(80))) {
            assertEquals(400, get(base + "/voice/guide" + q).statusCode(), q);
        }
        assertEquals(200, get(base + "/voice/guide?state=ticket&number=A023").statusCode());
    }

    private void writeEveryClip() throws IOException {
        java.util.Set<String> clips = new java.util.LinkedHashSet<>();
        for (KioskGuidance g : KioskGuidance.values()) {
            clips.addAll(g.clips("C042", true));
        }
        clips.addAll(KioskGuidance.TICKET.clips("A023", true));
        int i = 0;
        for (String clip : clips) {
            ids.put(clip, i);
            Wavs.write(dir.resolve("generated/" + clip + ".wav"), new byte[] {(byte) i, (byte) (i >> 8)});
            i++;
        }
    }

    private byte[] expected(List<String> clips) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (String c : clips) {
            int i = ids.get(c);
            out.write(i);
            out.write(i >> 8);
        }
        return out.toByteArray();
    }

    private String start(boolean buttons) throws Exception {
        server = new Server();
        ServerConnector connector = new ServerConnector(server);
        connector.setHost("127.0.0.1");
        server.addConnector(connector);
        server.setHandler(new GuidanceHandler(new VoiceClips(dir, "/nonexistent/espeak-ng"), buttons));
        server.start();
        return "http://127.0.0.1:" + connector.getLocalPort();
    }

    private HttpResponse<byte[]> get(String url) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofByteArray());
    }
}
