package vn.motcua.appliance.web;

import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;
import java.util.regex.Pattern;

import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the LAN listener may reach: the staff counter page and the manager view, their login, CSRF-protected API
 * and assets, and {@code /healthz} + {@code /metrics} for the office IT's monitoring (no personal data there).
 * Everything else (the kiosk's ticket API, the display, {@code /sim/...}, the queue API) answers 404 on the LAN, so
 * nobody at a counter PC can take tickets or drive the hall display. The live feed ({@code /events}) is served
 * on the LAN only to a browser with a live staff session: the counter page and the manager view need it.
 * Requests on the local listener pass through untouched.
 */
public final class LanGate extends Handler.Wrapper {
    private static final Logger log = LoggerFactory.getLogger(LanGate.class);
    static final Set<String> PATHS = Set.of("/counter", "/manager", "/counter/login", "/counter/logout", "/counter/me",
            "/manager/summary", "/manager/staff", "/api/notice", "/healthz", "/metrics",
            "/assets/common.css", "/assets/kiosk.css", "/assets/counter.css", "/assets/live.js", "/assets/staff.js", "/assets/counter.js",
            "/assets/manager.js", "/assets/manager-staff.js", "/assets/manager-staff.css", "/assets/faults.js", "/fonts/NotoSans-Regular.ttf", "/fonts/NotoSans-Bold.ttf", "/fonts/OFL.txt");
    private static final Pattern COUNTER_ACTION = Pattern.compile("/api/counters/\\d{1,2}/[a-z-]{1,20}");
    private static final Pattern STAFF_CHANGE = Pattern.compile("/manager/staff/[a-z0-9._-]{1,32}/[a-z]{1,10}");

    private final Connector lan;
    private final Predicate<Request> staffSession;
    private final AtomicLong refused = new AtomicLong();

    /** @param staffSession whether a request carries a live staff session cookie */
    public LanGate(Connector lan, Predicate<Request> staffSession, Handler next) {
        super(next);
        this.lan = lan;
        this.staffSession = staffSession;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        if (request.getConnectionMetaData().getConnector() != lan || allowed(request)) {
            return super.handle(request, response, callback);
        }
        refused.incrementAndGet();
        log.info("LAN request refused: {} {}", request.getMethod(), ApiHandler.sanitised(Request.getPathInContext(request)));
        new Exchange(request, response, callback, 0).json(404, ApiHandler.error("NOT_FOUND",
                "Không có trên mạng nội bộ", "Not available on the LAN listener", null));
        return true;
    }

    private boolean allowed(Request request) {
        String p = Request.getPathInContext(request);
        if (PATHS.contains(p) || COUNTER_ACTION.matcher(p).matches() || STAFF_CHANGE.matcher(p).matches()) {
            return true;
        }
        return p.equals("/events") && staffSession.test(request);
    }

    /** Requests the LAN listener refused (404) since start. */
    public long refusedCount() {
        return refused.get();
    }
}
