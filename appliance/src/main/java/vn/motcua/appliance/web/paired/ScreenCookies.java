package vn.motcua.appliance.web.paired;

import java.time.Duration;

import org.eclipse.jetty.http.HttpCookie;
import org.eclipse.jetty.server.Request;

/**
 * The two cookies of pairing, both HttpOnly (no script reads them), Secure (the LAN listener is HTTPS) and
 * SameSite=Strict (no other site's page sends them): the screen's token, and while it waits the claim of its code.
 */
public final class ScreenCookies {
    public static final String SCREEN = "motcua_screen";
    static final String CLAIM = "motcua_pairing";
    /**
     * The token cookie's life. Chromium keeps a cookie at most 400 days whatever it is told; the cookie is set again
     * with this age each time the screen opens its live feed, so a screen in use keeps it until it is revoked.
     */
    static final Duration SCREEN_AGE = Duration.ofDays(400);

    private ScreenCookies() {}

    static HttpCookie screen(String token) {
        return cookie(SCREEN, token, "/", SCREEN_AGE);
    }

    static HttpCookie claim(String claim, Duration age) {
        return cookie(CLAIM, claim, "/pair", age);
    }

    /** The named cookie's value in {@code request}, or null. */
    static String value(Request request, String name) {
        for (HttpCookie c : Request.getCookies(request)) {
            if (name.equals(c.getName())) {
                return c.getValue();
            }
        }
        return null;
    }

    private static HttpCookie cookie(String name, String value, String path, Duration age) {
        return HttpCookie.build(name, value).path(path).httpOnly(true).secure(true)
                .sameSite(HttpCookie.SameSite.STRICT).maxAge(age.toSeconds()).build();
    }
}
