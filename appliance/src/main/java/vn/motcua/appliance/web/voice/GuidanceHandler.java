package vn.motcua.appliance.web.voice;

import java.io.IOException;
import java.util.Optional;

import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.Fields;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code GET /voice/guide?state=start} (or {@code state=ticket&number=A023}): the kiosk's spoken guidance for the screen
 * it shows ({@link KioskGuidance}), Vietnamese then English, as one WAV joined from the clips. 503 until the clips are
 * made (the kiosk then says on screen that the voice is not ready yet), 400 for a screen or number it does not know.
 */
public final class GuidanceHandler extends Handler.Abstract {
    private static final Logger log = LoggerFactory.getLogger(GuidanceHandler.class);
    private final VoiceClips clips;
    private final boolean buttons;

    /** @param buttons whether the office has service buttons: the start screen's guidance then names them */
    public GuidanceHandler(VoiceClips clips, boolean buttons) {
        this.clips = clips;
        this.buttons = buttons;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        String q = request.getHttpURI().getQuery();
        Optional<KioskGuidance> guidance = Optional.empty();
        String number = null;
        if (q != null && q.length() <= 64) {
            Fields f = Request.extractQueryParameters(request);
            guidance = KioskGuidance.of(f.getValue("state"));
            number = f.getValue("number");
        }
        if (guidance.isEmpty() || guidance.get().needsNumber()
                && (number == null || !CallAnnouncement.NUMBER.matcher(number).matches())) {
            log.info("Refused a guidance request: give state=start|closed|typing|dossier, or ticket|ticket-on-screen|ticket-state with number=A023");
            return VoiceHandler.plain(response, callback, 400,
                    "give state=start|closed|typing|dossier, or ticket|ticket-on-screen|ticket-state with number=A023");
        }
        byte[] wav;
        try {
            wav = clips.assemble(guidance.get().clips(number, buttons));
        } catch (IOException e) {
            log.debug("Kiosk guidance not available yet: {}", e.getMessage());
            return VoiceHandler.plain(response, callback, 503, "voice clips not available");
        }
        return VoiceHandler.wav(response, callback, wav);
    }
}
