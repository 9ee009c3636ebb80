package vn.motcua.appliance.web.live;

import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.component.Graceful;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;


import vn.motcua.appliance.web.ErrorCatalogue;
import vn.motcua.appliance.web.Exchange;

/**
 * {@code GET /events}: the server-sent event stream of {@link LiveFeed}. The request stays open until either side
 * closes. {@link Graceful}: when Jetty stops, the streams are ended at once (the screens reconnect to the next
 * start), so an open display never holds up the appliance's shutdown.
 */
public final class EventsHandler extends Handler.Abstract implements Graceful {
    private static final Logger log = LoggerFactory.getLogger(EventsHandler.class);
    private final LiveFeed feed;
    private final java.util.function.BiFunction<Request, Response, Viewer> viewers;

    public EventsHandler(LiveFeed feed) {
        this(feed, (request, response) -> Viewer.EVERYTHING);
    }

    /**
     * @param viewers who a request is: a paired screen (by its token) gets its scope's feed only; anyone else the gate
     *                let through (this machine, a clerk) the whole feed. It may add headers to the stream's response
     *                (a screen's cookie, renewed)
     */
    public EventsHandler(LiveFeed feed, java.util.function.BiFunction<Request, Response, Viewer> viewers) {
        this.feed = feed;
        this.viewers = viewers;
    }

    private volatile boolean shutdown;

    @Override
    public java.util.concurrent.CompletableFuture<Void> shutdown() {
        shutdown = true;
        feed.closeAll();
        return java.util.concurrent.CompletableFuture.completedFuture(null);
    }

    @Override
    public boolean isShutdown() {
        return shutdown;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        if (!"GET".equals(request.getMethod()) || shutdown) {
            Exchange x = new Exchange(request, response, callback, 0);
            (shutdown ? ErrorCatalogue.UNAVAILABLE.error() : ErrorCatalogue.METHOD.errorWithDetail("use GET")).send(x);
            return true;
        }
        response.setStatus(200);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "text/event-stream; charset=utf-8");
        response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-store");
        response.getHeaders().put("X-Accel-Buffering", "no");
        if (!feed.connect(response, callback, viewers.apply(request, response))) {
            log.warn("Screen refused: {} live feed streams open already", LiveFeed.MAX_SCREENS);
            response.getHeaders().put("Retry-After", "10");
            ErrorCatalogue.TOO_MANY_SCREENS.send(new Exchange(request, response, callback, 0));
        }
        return true;
    }
}
