package vn.motcua.appliance.satellite;

import java.io.IOException;
import java.net.http.HttpResponse;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.fasterxml.jackson.databind.JsonNode;

import vn.motcua.appliance.store.EventJson;

/**
 * Pairs the satellite with its master through the master's own pairing flow, as a hall display does: ask for a code
 * ({@code POST /pair/code}, the claim comes back as a cookie), show it (the kiosk page and the log), poll
 * {@code /pair/state} until a manager confirmed it on {@code /manager} as a satellite kiosk, then keep the token the
 * master hands over once. Run from the scheduler every few seconds while unpaired; one step per run.
 */
final class MasterPairing implements Runnable {
    private static final Logger log = LoggerFactory.getLogger(MasterPairing.class);
    private final MasterLink link;
    private final TokenFile token;
    private final LinkState state;
    private String claim; // the claim cookie of the code shown now, or null

    MasterPairing(MasterLink link, TokenFile token, LinkState state) {
        this.link = link;
        this.token = token;
        this.state = state;
    }

    @Override
    public synchronized void run() {
        if (!state.paired() && token.get() != null) { // the master refused the token it gave: a new pairing
            token.forget();
        }
        if (token.get() != null) {
            return;
        }
        try {
            if (claim == null) {
                ask();
            } else {
                poll();
            }
        } catch (MasterLink.Unreachable e) {
            log.debug("Pairing step: master not reached ({})", e.getMessage());
        } catch (IOException | RuntimeException e) {
            log.warn("Pairing step failed: {}", e.toString());
            claim = null;
        }
    }

    private void ask() throws MasterLink.Unreachable, IOException {
        HttpResponse<String> r = link.pairing("/pair/code", "POST", null);
        if (r.statusCode() != 200) {
            log.info("The master gave no pairing code: {}", r.statusCode());
            return;
        }
        claim = cookie(r, "motcua_pairing");
        String code = EventJson.mapper().readTree(r.body()).path("code").asText();
        state.showCode(code);
        log.info("Pairing code {}: a manager confirms it on the master's /manager as a satellite kiosk", code);
    }

    private void poll() throws MasterLink.Unreachable, IOException {
        HttpResponse<String> r = link.pairing("/pair/state", "GET", claim);
        if (r.statusCode() == 410) { // expired: a new code next time
            claim = null;
            return;
        }
        JsonNode b = EventJson.mapper().readTree(r.body());
        if (r.statusCode() == 200 && "paired".equals(b.path("state").asText())) {
            if (!"satellite".equals(b.path("role").asText())) {
                log.error("The manager paired this satellite as a {}: revoke it and pair it as a satellite kiosk",
                        b.path("role").asText());
                claim = null;
                return;
            }
            String cookie = cookie(r, "motcua_screen");
            token.save(cookie.substring("motcua_screen=".length()));
            claim = null;
            state.paired(true);
            log.info("Paired with the master as \"{}\"", b.path("name").asText().replaceAll("\\p{Cntrl}", "?"));
        }
    }

    private static String cookie(HttpResponse<?> r, String name) throws IOException {
        return r.headers().allValues("set-cookie").stream().filter(c -> c.startsWith(name + "="))
                .map(c -> c.split(";")[0]).findFirst().orElseThrow(() -> new IOException("no " + name + " cookie"));
    }
}
