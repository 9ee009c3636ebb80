package vn.motcua.appliance.web.live;

import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/** {@code GET /events}: the server-sent event stream of {@link LiveFeed}. The request stays open until either side closes. */
public final class EventsHandler extends Handler.Abstract {
    private final LiveFeed feed;

    public EventsHandler(LiveFeed feed) {
        this.feed = feed;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        if (!"/events".equals(Request.getPathInContext(request))) {
            return false;
        }
        if (!"GET".equals(request.getMethod())) {
            response.setStatus(405);
            callback.succeeded();
            return true;
        }
        response.setStatus(200);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "text/event-stream; charset=utf-8");
        response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-store");
        response.getHeaders().put("X-Accel-Buffering", "no");
        feed.connect(response, callback);
        return true;
    }
}
