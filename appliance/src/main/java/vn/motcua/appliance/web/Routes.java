package vn.motcua.appliance.web;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * The route table: every path the web answers, once. The handler chain ({@link #handler()}) and the LAN listener's
 * decisions ({@link LanGate}) are both read from it, so a path cannot be served without an exposure, nor let onto
 * the LAN without a handler. An exact path is looked up first, then the shapes in table order; a path no route
 * answers, or one its handler declines, goes to {@code notFound}.
 *
 * <p>Checked when built, so a bad table stops the start: no path twice, and every route's example path reaches
 * that route (an earlier shape swallowing a later route is a mistake in the table, not a choice).
 */
public final class Routes {
    private final List<Route> table;
    private final Map<String, Route> exact = new LinkedHashMap<>();
    private final List<Route> shapes = new ArrayList<>();
    private final Handler notFound;

    public Routes(List<Route> table, Handler notFound) {
        this.table = List.copyOf(table);
        this.notFound = Objects.requireNonNull(notFound, "notFound");
        for (Route r : this.table) {
            if (r.path() instanceof RoutePath.Exact e) {
                if (exact.putIfAbsent(e.path(), r) != null) {
                    throw new IllegalStateException("route " + e.path() + " is in the table twice");
                }
            } else {
                shapes.add(r);
            }
        }
        for (Route r : this.table) {
            Route reached = find(r.path().example()).orElseThrow();
            if (reached != r) {
                throw new IllegalStateException("route " + r.path() + ": its example " + r.path().example()
                        + " goes to route " + reached.path() + " instead");
            }
        }
    }

    /** The route that answers {@code path}, if any. */
    public Optional<Route> find(String path) {
        Route r = exact.get(path);
        if (r != null) {
            return Optional.of(r);
        }
        return shapes.stream().filter(s -> s.path().matches(path)).findFirst();
    }

    /** The table, in its order: for the docs and the tests over every route. */
    public List<Route> all() {
        return table;
    }

    /** The handler chain: each request to its route's handler. Build it once per server. */
    public Handler handler() {
        return new Dispatch();
    }

    /**
     * A container of the table's handlers, so that Jetty starts and stops them with the server and ends the live
     * feed's streams on shutdown ({@link org.eclipse.jetty.util.component.Graceful}).
     */
    private final class Dispatch extends Handler.AbstractContainer {
        private final List<Handler> handlers;

        Dispatch() {
            Set<Handler> distinct = Collections.newSetFromMap(new IdentityHashMap<>());
            List<Handler> list = new ArrayList<>();
            for (Route r : table) {
                if (distinct.add(r.handler())) {
                    list.add(r.handler());
                }
            }
            if (distinct.add(notFound)) {
                list.add(notFound);
            }
            handlers = List.copyOf(list);
            handlers.forEach(this::addBean);
        }

        @Override
        public List<Handler> getHandlers() {
            return handlers;
        }

        @Override
        public boolean handle(Request request, Response response, Callback callback) throws Exception {
            Optional<Route> route = find(Request.getPathInContext(request));
            if (route.isPresent() && route.get().handler().handle(request, response, callback)) {
                return true;
            }
            return notFound.handle(request, response, callback);
        }
    }

    /** A handler that answers nothing: the place of a route whose part is absent (no simulated devices). */
    public static Handler nothing() {
        return new Handler.Abstract() {
            @Override
            public boolean handle(Request request, Response response, Callback callback) {
                return false;
            }
        };
    }
}
