package vn.motcua.appliance.web;

import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;

import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the LAN listener may reach, read from the route table: a {@link Exposure#LAN} route passes, a
 * {@link Exposure#LAN_GUEST} one to a GET or HEAD only (residents' phones read, they never change anything), a
 * {@link Exposure#LAN_STAFF} one only with a live staff session, and a {@link Exposure#LOCAL_ONLY} route or a path
 * no route answers gets 404 (counted and logged), so nobody at a counter PC can take tickets or drive the hall
 * display. Requests on the local listener pass through untouched.
 */
public final class LanGate extends Handler.Wrapper {
    private static final Logger log = LoggerFactory.getLogger(LanGate.class);

    private final Connector lan;
    private final Routes routes;
    private final Predicate<Request> staffSession;
    private final AtomicLong refused = new AtomicLong();

    /** @param staffSession whether a request carries a live staff session cookie */
    public LanGate(Connector lan, Routes routes, Predicate<Request> staffSession, Handler next) {
        super(next);
        this.lan = lan;
        this.routes = routes;
        this.staffSession = staffSession;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        if (request.getConnectionMetaData().getConnector() != lan || allowed(request)) {
            return super.handle(request, response, callback);
        }
        refused.incrementAndGet();
        log.info("LAN request refused: {} {}", request.getMethod(), ApiHandler.sanitised(Request.getPathInContext(request)));
        ErrorCatalogue.NOT_FOUND.errorWithDetail("Not available on the LAN listener")
                .send(new Exchange(request, response, callback, 0));
        return true;
    }

    private boolean allowed(Request request) {
        Exposure exposure = routes.find(Request.getPathInContext(request)).map(Route::exposure).orElse(Exposure.LOCAL_ONLY);
        return switch (exposure) {
            case LOCAL_ONLY -> false;
            case LAN -> true;
            case LAN_GUEST -> "GET".equals(request.getMethod()) || "HEAD".equals(request.getMethod());
            case LAN_STAFF -> staffSession.test(request);
        };
    }

    /** Requests the LAN listener refused (404) since start. */
    public long refusedCount() {
        return refused.get();
    }
}
