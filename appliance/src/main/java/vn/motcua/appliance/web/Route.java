package vn.motcua.appliance.web;

import java.util.Objects;
import java.util.regex.Pattern;

import org.eclipse.jetty.server.Handler;

/**
 * One line of the route table: which paths, who may reach them from the LAN, and the handler that answers them.
 * The exposure is required: there is no factory without one, and a null one stops the appliance at start, naming
 * the path.
 */
public record Route(RoutePath path, Exposure exposure, Handler handler) {
    public Route {
        Objects.requireNonNull(path, "a route needs a path");
        if (exposure == null) {
            throw new IllegalArgumentException("route " + path + " has no exposure: say LOCAL_ONLY, LAN_STAFF, LAN_DISPLAY, LAN_COUNTER_SCREEN, LAN_LIVE, LAN_GUEST or LAN");
        }
        Objects.requireNonNull(handler, () -> "route " + path + " has no handler");
    }

    public static Route exact(String path, Exposure exposure, Handler handler) {
        return new Route(RoutePath.exact(path), exposure, handler);
    }

    public static Route shape(Pattern shape, String example, Exposure exposure, Handler handler) {
        return new Route(RoutePath.shape(shape, example), exposure, handler);
    }

    public static Route prefix(String prefix, String example, Exposure exposure, Handler handler) {
        return new Route(RoutePath.prefix(prefix, example), exposure, handler);
    }
}
