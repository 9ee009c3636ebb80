package vn.motcua.appliance.web.auth;

import java.util.Optional;

import org.eclipse.jetty.http.HttpCookie;
import org.eclipse.jetty.server.Request;

import vn.motcua.appliance.web.CounterGate;

/**
 * Lets a logged-in clerk's browser act on the counters the account allows: the session cookie must be live
 * and the request must carry the session's CSRF token in {@code X-CSRF-Token} (a cross-site page can send the
 * cookie but never read the token).
 */
public final class StaffGate implements CounterGate {
    public static final String COOKIE = "motcua_staff";
    public static final String CSRF_HEADER = "X-CSRF-Token";

    private final Sessions sessions;

    public StaffGate(Sessions sessions) {
        this.sessions = sessions;
    }

    @Override
    public boolean allows(Request request, int counter) {
        return allows(token(request), request.getHeaders().get(CSRF_HEADER), counter);
    }

    /** The decision itself: a live session, its CSRF token echoed, and an account allowed this counter. */
    public boolean allows(String sessionToken, String csrfHeader, int counter) {
        return checked(sessionToken, csrfHeader).map(s -> s.account().mayUse(counter)).orElse(false);
    }

    @Override
    public Optional<String> actor(Request request) {
        return checked(token(request), request.getHeaders().get(CSRF_HEADER)).map(s -> s.account().name());
    }

    /** A logged-in account allowed every counter (a manager), with the CSRF token. */
    public boolean allowsManager(Request request) {
        return checked(token(request), request.getHeaders().get(CSRF_HEADER)).map(s -> s.account().isManager()).orElse(false);
    }

    private Optional<Sessions.Session> checked(String sessionToken, String csrfHeader) {
        return sessions.find(sessionToken).filter(s -> csrfHeader != null && java.security.MessageDigest.isEqual(
                s.csrf().getBytes(java.nio.charset.StandardCharsets.US_ASCII),
                csrfHeader.getBytes(java.nio.charset.StandardCharsets.US_ASCII)));
    }

    public Optional<Sessions.Session> session(Request request) {
        return sessions.find(token(request));
    }

    static String token(Request request) {
        for (HttpCookie c : Request.getCookies(request)) {
            if (COOKIE.equals(c.getName())) {
                return c.getValue();
            }
        }
        return null;
    }
}
