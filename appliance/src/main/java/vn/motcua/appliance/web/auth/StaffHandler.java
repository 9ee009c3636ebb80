package vn.motcua.appliance.web.auth;

import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

import org.eclipse.jetty.http.HttpCookie;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.fasterxml.jackson.databind.JsonNode;

import vn.motcua.appliance.domain.DayFigures;
import vn.motcua.appliance.domain.Ticket;
import vn.motcua.appliance.service.QueueService;
import vn.motcua.appliance.web.ErrorCatalogue;
import vn.motcua.appliance.web.Exchange;
import vn.motcua.appliance.web.HttpError;

/**
 * Staff login for the counter page: {@code POST /counter/login} {"user","password"}, {@code POST /counter/logout},
 * {@code GET /counter/me} (who is logged in, the CSRF token, the counters allowed, today's own figures).
 */
public final class StaffHandler extends Handler.Abstract {
    private static final Logger log = LoggerFactory.getLogger(StaffHandler.class);
    /** How long a login waits for a hash permit before it is answered "busy" (a check takes well under 1 s). */
    static final Duration HASH_WAIT = Duration.ofSeconds(5);

    private final Supplier<StaffAccounts> accounts;
    private final Sessions sessions;
    private final LoginThrottle throttle;
    private final StaffGate gate;
    private final QueueService queue;
    private final PasswordChecks checks;
    private final LoginCounts counts;

    /**
     * @param accounts the accounts in force now (the file is re-read when it changes)
     * @param checks   the budget of password hashes at once
     * @param counts   logins by outcome, for /metrics
     */
    public StaffHandler(Supplier<StaffAccounts> accounts, Sessions sessions, LoginThrottle throttle, PasswordChecks checks,
                        LoginCounts counts, QueueService queue) {
        this.accounts = accounts;
        this.checks = checks;
        this.counts = counts;
        this.sessions = sessions;
        this.throttle = throttle;
        this.gate = new StaffGate(sessions);
        this.queue = queue;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        String p = Request.getPathInContext(request);
        if (!p.equals("/counter/login") && !p.equals("/counter/logout") && !p.equals("/counter/me")) {
            return false;
        }
        Exchange x = new Exchange(request, response, callback, 4096);
        try {
            switch (p) {
                case "/counter/login" -> login(x);
                case "/counter/logout" -> logout(x);
                default -> me(x);
            }
        } catch (HttpError e) {
            e.send(x);
        }
        return true;
    }

    private void login(Exchange x) {
        if (!x.method.equals("POST")) {
            throw ErrorCatalogue.METHOD.errorWithDetail("use POST");
        }
        JsonNode b = x.body();
        String user = b.path("user").asText("");
        String password = b.path("password").asText("");
        String source = source(x.request);
        boolean wellFormed = StaffAccounts.NAME.matcher(user).matches() && !password.isEmpty() && password.length() <= 256;
        // a malformed name is never logged as typed (it could be anything); its attempts count as one account
        String account = wellFormed ? user : "?";
        // before any hash: a locked pair or source, or a source over its budget, costs nothing
        LoginThrottle.Verdict verdict = throttle.admit(account, source);
        if (verdict != LoginThrottle.Verdict.ADMITTED) {
            refuseUnhashed(x, verdict, account, source);
            return;
        }
        if (!wellFormed) {
            refuse(x, account, source, "malformed name or password");
            return;
        }
        var found = accounts.get().find(user);
        // an unknown name is checked against a fixed hash: same time, same budget, nothing revealed
        Optional<Boolean> match = checks.verify(password.toCharArray(), found.map(StaffAccounts.Account::hash).orElse(null),
                HASH_WAIT, throttle.clean(source) || x.fromLoopback());
        if (match.isEmpty()) {
            counts.add(LoginCounts.Outcome.BUSY);
            log.warn("Login of '{}' from {} refused: password checks busy", account, source);
            x.response.getHeaders().put("Retry-After", "5");
            ErrorCatalogue.BUSY.send(x);
            return;
        }
        if (!match.get() || found.isEmpty()) {
            refuse(x, account, source, found.isEmpty() ? "unknown name" : "wrong password");
            return;
        }
        if (!found.get().enabled()) {
            // told only after the right password: a guesser learns nothing from it
            counts.add(LoginCounts.Outcome.REFUSED);
            throttle.failed(account, source);
            log.info("Login of '{}' from {} refused: account disabled", account, source);
            ErrorCatalogue.ACCOUNT_DISABLED.send(x);
            return;
        }
        throttle.succeeded(user, source);
        counts.add(LoginCounts.Outcome.OK);
        Sessions.Session s = sessions.open(found.get());
        Response.addCookie(x.response, cookie(s.token(), Sessions.MAX_AGE));
        log.info("Staff {} logged in from {}", user, source);
        x.json(200, me(s));
    }

    private void refuse(Exchange x, String account, String source, String why) {
        counts.add(LoginCounts.Outcome.REFUSED);
        throttle.failed(account, source);
        log.info("Login of '{}' from {} refused: {}", account, source, why);
        ErrorCatalogue.BAD_LOGIN.send(x);
    }

    private void refuseUnhashed(Exchange x, LoginThrottle.Verdict verdict, String account, String source) {
        if (verdict == LoginThrottle.Verdict.TOO_FAST) {
            counts.add(LoginCounts.Outcome.THROTTLED);
            // counted every time, logged once a minute per source: a flood must not fill the SD card with lines
            if (throttle.firstTooFast(source)) {
                log.warn("Login of '{}' from {} refused: over {} attempts a minute from that source (more this minute"
                        + " are counted, not logged)", account, source, LoginThrottle.ATTEMPTS_PER_SOURCE);
            }
            x.response.getHeaders().put("Retry-After", "60");
            ErrorCatalogue.TOO_MANY_TRIES.send(x);
            return;
        }
        counts.add(LoginCounts.Outcome.LOCKED);
        log.info("Login of '{}' from {} refused: {} locked after repeated failures", account, source,
                verdict == LoginThrottle.Verdict.PAIR_LOCKED ? "this account from this source" : "this source");
        ErrorCatalogue.LOCKED.send(x);
    }

    private void logout(Exchange x) {
        if (!x.method.equals("POST")) {
            throw ErrorCatalogue.METHOD.errorWithDetail("use POST");
        }
        sessions.close(StaffGate.token(x.request));
        Response.addCookie(x.response, cookie("", Duration.ZERO));
        x.json(200, Map.of("ok", true));
    }

    private void me(Exchange x) {
        gate.session(x.request).ifPresentOrElse(s -> x.json(200, me(s)),
                () -> ErrorCatalogue.NOT_LOGGED_IN.send(x));
    }

    private Map<String, Object> me(Sessions.Session s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("staff", s.account().name());
        m.put("csrf", s.csrf());
        m.put("counters", s.account().isManager() || s.account().counters().isEmpty()
                ? queue.layout().counters().stream().map(c -> c.number()).toList() : s.account().counters());
        m.put("role", s.account().role().word());
        String name = s.account().name();
        m.put("figures", queue.read(e -> figures(java.util.List.copyOf(e.tickets()), name)));
        return m;
    }

    /** The clerk's own figures today, as the manager view counts them ({@link DayFigures}, per staff id). */
    static Map<String, Object> figures(java.util.List<Ticket> all, String name) {
        DayFigures d = DayFigures.of(all, t -> name.equals(t.servedBy()));
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("served", d.served());
        // null, not 0, before the first resident is served: there is no average yet (the page shows a dash)
        f.put("average_service_seconds", d.served() == 0 ? null : d.averageServiceSeconds());
        return f;
    }

    private static HttpCookie cookie(String value, Duration maxAge) {
        // Secure: browsers keep it only over https or on this machine (localhost), which is the point.
        return HttpCookie.build(StaffGate.COOKIE, value).path("/").httpOnly(true).secure(true)
                .sameSite(HttpCookie.SameSite.STRICT).maxAge(maxAge.toSeconds()).build();
    }

    /** The source address as text: an IP literal from the socket, never from a header (nothing to sanitise). */
    static String source(Request request) {
        SocketAddress a = request.getConnectionMetaData().getRemoteSocketAddress();
        return a instanceof InetSocketAddress i && i.getAddress() != null ? i.getAddress().getHostAddress() : "?";
    }
}
