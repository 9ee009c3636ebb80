package vn.motcua.appliance.web.paired;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import vn.motcua.appliance.web.ErrorCatalogue;
import vn.motcua.appliance.web.Exchange;
import vn.motcua.appliance.web.HttpError;

/**
 * The screen's side of pairing, open to anyone on the LAN (the screen has nothing yet): {@code POST /pair/code} gives
 * a new code to show and sets the claim cookie (a screen already paired is told its own page instead); {@code GET /pair/state}, polled by the pairing page, says "waiting"
 * until a manager confirmed the code on {@code /manager}, then, once, sets the screen's token cookie and names the
 * page to open. Each code asked for counts against the source's pairing attempts ({@link Pairing#ATTEMPTS_PER_MINUTE}), as does a
 * poll with a claim nobody knows; past the limit the source gets {@code PAIRING_TOO_MANY}.
 */
public final class PairingHandler extends Handler.Abstract {
    private static final Logger log = LoggerFactory.getLogger(PairingHandler.class);
    public static final String CODE = "/pair/code";
    public static final String STATE = "/pair/state";
    /**
     * A screen provisioning enrolled presents its token here, once per browser start ({@code motcua-kiosk} posts it
     * from a page it writes for the browser): the token travels in a POST body, never in a URL a log or a history
     * keeps. Answered with the screen's cookie and a page that opens the screen's own page.
     */
    public static final String ENROL = "/pair/enrol";
    /** {@code token=} and the 43 characters of a token: nothing else is a form a screen sends. */
    private static final java.util.regex.Pattern ENROL_FORM = java.util.regex.Pattern.compile("token=([A-Za-z0-9_-]{43})\\s*");

    private final Pairing pairing;

    public PairingHandler(Pairing pairing) {
        this.pairing = pairing;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        Exchange x = new Exchange(request, response, callback, 0);
        String source = Sources.of(request);
        try {
            if (x.path.equals(ENROL)) {
                if (!"POST".equals(x.method)) {
                    throw ErrorCatalogue.METHOD.errorWithDetail("use POST");
                }
                enrol(x, source);
            } else if (x.path.equals(CODE)) {
                if (!"POST".equals(x.method)) {
                    throw ErrorCatalogue.METHOD.errorWithDetail("use POST");
                }
                code(x, source);
            } else {
                if (!"GET".equals(x.method)) {
                    throw ErrorCatalogue.METHOD.errorWithDetail("use GET");
                }
                state(x, request, source);
            }
        } catch (HttpError e) {
            log.info("Pairing refused {} {} from {}: {} {}", x.method, x.path, source, e.status, e.code);
            e.send(x);
        }
        return true;
    }

    private void code(Exchange x, String source) {
        Optional<PairedScreen> already = pairing.screen(x.request);
        if (already.isPresent()) { // a paired screen that landed here (its other role's page, a bookmark): its own page
            x.json(200, Map.of("state", "paired", "name", already.get().name(), "role", already.get().role().word(),
                    "page", already.get().role().page()));
            return;
        }
        pairing.attempt(source);
        PairingCodes.Pending p = pairing.codes().request(source);
        Response.addCookie(x.response, ScreenCookies.claim(p.claim(), PairingCodes.TTL));
        x.json(200, Map.of("code", PairingCodes.shown(p.code()), "expires_in_seconds", PairingCodes.TTL.toSeconds()));
    }

    private void enrol(Exchange x, String source) {
        String form;
        try (java.io.InputStream in = org.eclipse.jetty.io.Content.Source.asInputStream(x.request)) {
            form = new String(in.readNBytes(256), java.nio.charset.StandardCharsets.US_ASCII);
        } catch (java.io.IOException e) {
            throw ErrorCatalogue.BAD_BODY.error();
        }
        java.util.regex.Matcher m = ENROL_FORM.matcher(form);
        PairedScreen screen = pairing.enrolling(m.matches() ? m.group(1) : null, source)
                .orElseThrow(ErrorCatalogue.SCREEN_TOKEN_UNKNOWN::error);
        Response.addCookie(x.response, ScreenCookies.screen(m.group(1)));
        log.info("Screen {} presented its enrolment token from {}", screen.id(), source);
        // A page of this origin opens the screen's page: a redirect straight from the cross-site POST (the page
        // motcua-kiosk wrote is a file) would not carry the SameSite=Strict cookie on its first request.
        x.send(200, "text/html; charset=utf-8", "<!doctype html><html lang=\"vi\"><meta charset=\"utf-8\">"
                + "<meta http-equiv=\"refresh\" content=\"0; url=" + screen.role().page() + "\">"
                + "<title>motcua</title><p>Đang mở màn hình… / Opening the screen…</p></html>");
    }

    private void state(Exchange x, Request request, String source) {
        pairing.refuseIfThrottled(source);
        String claim = ScreenCookies.value(request, ScreenCookies.CLAIM);
        PairingCodes.State s = pairing.codes().state(claim);
        switch (s) {
            case PairingCodes.State.Waiting w -> {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("state", "waiting");
                m.put("code", PairingCodes.shown(w.code()));
                m.put("expires_in_seconds", w.secondsLeft());
                x.json(200, m);
            }
            case PairingCodes.State.Paired p -> {
                Response.addCookie(x.response, ScreenCookies.screen(p.paired().token()));
                Response.addCookie(x.response, ScreenCookies.claim("", Duration.ZERO));
                PairedScreen screen = p.paired().screen();
                log.info("Screen {} collected its token from {}", screen.id(), source);
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("state", "paired");
                m.put("name", screen.name());
                m.put("role", screen.role().word());
                m.put("page", screen.role().page());
                x.json(200, m);
            }
            case PairingCodes.State.Gone g -> {
                if (claim != null) {
                    pairing.miss(source, "a claim nobody holds (expired, or made up)");
                }
                throw ErrorCatalogue.PAIRING_EXPIRED.error();
            }
        }
    }
}
