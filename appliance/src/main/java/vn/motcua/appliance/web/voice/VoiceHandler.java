package vn.motcua.appliance.web.voice;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.concurrent.atomic.AtomicLong;

import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.Fields;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code GET /voice/call?number=A023&counter=5}: the whole spoken call as one WAV, joined from the word clips, in the
 * office's {@link CallLanguages}.
 */
public final class VoiceHandler extends Handler.Abstract {
    private static final Logger log = LoggerFactory.getLogger(VoiceHandler.class);
    private final VoiceClips clips;
    private final CallLanguages languages;
    private final AtomicLong refused = new AtomicLong();

    public VoiceHandler(VoiceClips clips, CallLanguages languages) {
        this.clips = clips;
        this.languages = languages;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        String q = request.getHttpURI().getQuery();
        String number = null;
        int counter = -1;
        if (q != null && q.length() <= 64) {
            Fields f = Request.extractQueryParameters(request);
            number = f.getValue("number");
            String c = f.getValue("counter");
            counter = c != null && c.matches("\\d{1,2}") ? Integer.parseInt(c) : -1;
        }
        if (number == null || !CallAnnouncement.NUMBER.matcher(number).matches() || counter < 1) {
            refused.incrementAndGet();
            log.info("Refused a voice request: give number=A023&counter=1..99");
            return plain(response, callback, 400, "give number=A023&counter=1..99");
        }
        byte[] wav;
        try {
            wav = clips.assemble(CallAnnouncement.clips(number, counter, languages));
        } catch (IOException e) {
            log.warn("Cannot assemble the call announcement: {}", e.getMessage());
            return plain(response, callback, 503, "voice clips not available");
        }
        return wav(response, callback, wav);
    }

    /**
     * A joined clip as the answer, never cached: an office's own recording, put in place and restarted for, is heard
     * at the next call or press. Shared by the calls and the kiosk's guidance ({@link GuidanceHandler}).
     */
    static boolean wav(Response response, Callback callback, byte[] wav) {
        response.setStatus(200);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "audio/wav");
        response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-store");
        response.getHeaders().put(HttpHeader.CONTENT_LENGTH, wav.length);
        response.write(true, ByteBuffer.wrap(wav), callback);
        return true;
    }

    public long refusedCount() {
        return refused.get();
    }

    static boolean plain(Response response, Callback callback, int status, String text) {
        response.setStatus(status);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "text/plain; charset=utf-8");
        response.write(true, java.nio.charset.StandardCharsets.UTF_8.encode(text), callback);
        return true;
    }
}
