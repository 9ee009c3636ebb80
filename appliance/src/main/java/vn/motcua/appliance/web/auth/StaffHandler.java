package vn.motcua.appliance.web.auth;

import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

import org.eclipse.jetty.http.HttpCookie;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.fasterxml.jackson.databind.JsonNode;

import vn.motcua.appliance.domain.Ticket;
import vn.motcua.appliance.domain.TicketStatus;
import vn.motcua.appliance.service.QueueService;
import vn.motcua.appliance.web.Exchange;
import vn.motcua.appliance.web.HttpError;

/**
 * Staff login for the counter page: {@code POST /counter/login} {"user","password"}, {@code POST /counter/logout},
 * {@code GET /counter/me} (who is logged in, the CSRF token, the counters allowed, today's own figures).
 */
public final class StaffHandler extends Handler.Abstract {
    private static final Logger log = LoggerFactory.getLogger(StaffHandler.class);
    /** Verified when the name is unknown, so the answer takes as long as for a known name. */
    private static final String DUMMY = PasswordHash.hash("not-a-password".toCharArray());

    private final Supplier<StaffAccounts> accounts;
    private final Sessions sessions;
    private final LoginThrottle throttle;
    private final StaffGate gate;
    private final QueueService queue;
    private final AtomicLong failures = new AtomicLong();

    /** @param accounts the accounts in force now (the file is re-read when it changes) */
    public StaffHandler(Supplier<StaffAccounts> accounts, Sessions sessions, LoginThrottle throttle, QueueService queue) {
        this.accounts = accounts;
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
            x.json(e.status, Map.of("error", e.code, "message_vi", e.getMessage(), "message_en", e.getMessage()));
        }
        return true;
    }

    private void login(Exchange x) {
        if (!x.method.equals("POST")) {
            throw new HttpError(405, "METHOD", "use POST");
        }
        JsonNode b = x.body();
        String user = b.path("user").asText("");
        String password = b.path("password").asText("");
        String address = address(x.request);
        if (!StaffAccounts.NAME.matcher(user).matches() || password.isEmpty() || password.length() > 256) {
            failures.incrementAndGet();
            throttle.failed("?", address);
            x.json(401, refusal("BAD_LOGIN", "Sai tên hoặc mật khẩu", "Wrong name or password"));
            return;
        }
        if (throttle.locked(user, address)) {
            log.info("Login refused: account or address locked after repeated failures");
            x.json(429, refusal("LOCKED", "Tạm khóa do nhập sai nhiều lần, thử lại sau 15 phút",
                    "Locked after repeated failures, try again in 15 minutes"));
            return;
        }
        var account = accounts.get().find(user);
        boolean ok = PasswordHash.verify(password.toCharArray(), account.map(StaffAccounts.Account::hash).orElse(DUMMY))
                && account.isPresent();
        if (!ok) {
            failures.incrementAndGet();
            throttle.failed(user, address);
            log.info("Failed staff login ({} so far)", failures.get());
            x.json(401, refusal("BAD_LOGIN", "Sai tên hoặc mật khẩu", "Wrong name or password"));
            return;
        }
        throttle.succeeded(user);
        Sessions.Session s = sessions.open(account.get());
        Response.addCookie(x.response, cookie(s.token(), Sessions.MAX_AGE));
        log.info("Staff {} logged in", user);
        x.json(200, me(s));
    }

    private void logout(Exchange x) {
        if (!x.method.equals("POST")) {
            throw new HttpError(405, "METHOD", "use POST");
        }
        sessions.close(StaffGate.token(x.request));
        Response.addCookie(x.response, cookie("", Duration.ZERO));
        x.json(200, Map.of("ok", true));
    }

    private void me(Exchange x) {
        gate.session(x.request).ifPresentOrElse(s -> x.json(200, me(s)),
                () -> x.json(401, refusal("NOT_LOGGED_IN", "Chưa đăng nhập", "Not logged in")));
    }

    private Map<String, Object> me(Sessions.Session s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("staff", s.account().name());
        m.put("csrf", s.csrf());
        m.put("counters", s.account().isManager()
                ? queue.layout().counters().stream().map(c -> c.number()).toList() : s.account().counters());
        String name = s.account().name();
        m.put("figures", queue.read(e -> figures(e.tickets().stream()
                .filter(t -> t.status() == TicketStatus.FINISHED && name.equals(t.servedBy())).toList())));
        return m;
    }

    static Map<String, Object> figures(java.util.List<Ticket> served) {
        long total = 0;
        for (Ticket t : served) {
            total += Duration.between(t.startedAt(), t.finishedAt()).toSeconds();
        }
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("served", served.size());
        // null, not 0, before the first resident is served: there is no average yet (the page shows a dash)
        f.put("average_service_seconds", served.isEmpty() ? null : total / served.size());
        return f;
    }

    public long failureCount() {
        return failures.get();
    }

    private static HttpCookie cookie(String value, Duration maxAge) {
        // Secure: browsers keep it only over https or on this machine (localhost), which is the point.
        return HttpCookie.build(StaffGate.COOKIE, value).path("/").httpOnly(true).secure(true)
                .sameSite(HttpCookie.SameSite.STRICT).maxAge(maxAge.toSeconds()).build();
    }

    private static Map<String, Object> refusal(String code, String vi, String en) {
        return Map.of("error", code, "message_vi", vi, "message_en", en);
    }

    private static String address(Request request) {
        SocketAddress a = request.getConnectionMetaData().getRemoteSocketAddress();
        return a instanceof InetSocketAddress i && i.getAddress() != null ? i.getAddress().getHostAddress() : "?";
    }
}
