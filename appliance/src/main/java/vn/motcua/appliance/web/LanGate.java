package vn.motcua.appliance.web;

import java.util.EnumSet;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

import org.eclipse.jetty.http.HttpHeader;
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
 * {@link Exposure#LAN_STAFF} one only with a live staff session, {@link Exposure#LAN_DISPLAY} and
 * {@link Exposure#LAN_COUNTER_SCREEN} only with a paired screen's token of that role, {@link Exposure#LAN_LIVE} with
 * either, and a {@link Exposure#LOCAL_ONLY} route or a path no route answers gets 404 (counted and logged), so nobody
 * at a counter PC can take tickets and no screen token can do more than show its page. A screen's page asked for
 * without its token (a new TV opening {@code /display}) is sent to the pairing page ({@link #PAIRING_PAGE}, 303)
 * rather than a bare 404, so the screen can be paired from where it stands. Requests on the local listener pass
 * through untouched.
 */
public final class LanGate extends Handler.Wrapper {
    private static final Logger log = LoggerFactory.getLogger(LanGate.class);

    private final Connector lan;
    private final Routes routes;
    /** Where an unpaired screen asking for a screen's page is sent: the pairing page, open to anyone on the LAN. */
    public static final String PAIRING_PAGE = "/pair";

    private final LanAudiences audiences;
    private final AtomicLong refused = new AtomicLong();

    /** @param audiences who a request is (a staff session, a paired screen's role), from its cookies */
    public LanGate(Connector lan, Routes routes, LanAudiences audiences, Handler next) {
        super(next);
        this.lan = lan;
        this.routes = routes;
        this.audiences = audiences;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        if (request.getConnectionMetaData().getConnector() != lan || allowed(request)) {
            return super.handle(request, response, callback);
        }
        refused.incrementAndGet();
        if (toPairing(request)) {
            response.setStatus(303);
            response.getHeaders().put(HttpHeader.LOCATION, PAIRING_PAGE);
            response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-store");
            callback.succeeded();
            return true;
        }
        log.info("LAN request refused: {} {}", request.getMethod(), ApiHandler.sanitised(Request.getPathInContext(request)));
        ErrorCatalogue.NOT_FOUND.errorWithDetail("Not available on the LAN listener")
                .send(new Exchange(request, response, callback, 0));
        return true;
    }

    private boolean allowed(Request request) {
        Exposure exposure = exposure(request);
        if (exposure.audiences().contains(Exposure.Audience.ANYONE_WRITING)) {
            return true;
        }
        if (exposure.audiences().contains(Exposure.Audience.ANYONE_READING)) {
            return reading(request);
        }
        if (exposure.audiences().isEmpty()) {
            return false;
        }
        Set<Exposure.Audience> who = EnumSet.noneOf(Exposure.Audience.class);
        who.addAll(audiences.of(request));
        who.retainAll(exposure.audiences());
        return !who.isEmpty();
    }

    /** A screen's own page (not its script, not its feed) read without the screen's token: the pairing page instead. */
    private boolean toPairing(Request request) {
        Exposure exposure = exposure(request);
        return (exposure == Exposure.LAN_DISPLAY || exposure == Exposure.LAN_COUNTER_SCREEN) && reading(request)
                && routes.find(Request.getPathInContext(request)).map(r -> r.handler() instanceof PageHandler p && p.isPage()).orElse(false);
    }

    private Exposure exposure(Request request) {
        return routes.find(Request.getPathInContext(request)).map(Route::exposure).orElse(Exposure.LOCAL_ONLY);
    }

    private static boolean reading(Request request) {
        return "GET".equals(request.getMethod()) || "HEAD".equals(request.getMethod());
    }

    /** Requests the LAN listener refused (404) since start. */
    public long refusedCount() {
        return refused.get();
    }
}
