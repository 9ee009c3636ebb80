package vn.motcua.appliance.web.sim;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Pattern;

import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.Fields;

import vn.motcua.appliance.web.ErrorCatalogue;
import vn.motcua.appliance.web.Exchange;

/**
 * The demo clock's control: {@code POST /sim/clock/advance?minutes=N} (1 to 44,640, a month) moves the demo's time
 * forward and answers the new time; the queue sees it at its next tick (the day rolls, no-shows expire) as it would
 * see the real time pass. Present only with {@code --demo}.
 */
final class SimulatedClockHandler extends Handler.Abstract {
    private static final Pattern MINUTES = Pattern.compile("\\d{1,5}");
    private static final long MAX_MINUTES = 31L * 24 * 60;

    private final Function<Duration, Instant> advance;

    SimulatedClockHandler(Function<Duration, Instant> advance) {
        this.advance = advance;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        if (!"/sim/clock/advance".equals(Request.getPathInContext(request))) {
            return false;
        }
        Exchange ex = new Exchange(request, response, callback, 0);
        if (!"POST".equals(request.getMethod())) {
            ErrorCatalogue.METHOD.send(ex);
            return true;
        }
        Fields query = Request.extractQueryParameters(request);
        String m = query.getValue("minutes");
        if (m == null || !MINUTES.matcher(m).matches() || Long.parseLong(m) < 1 || Long.parseLong(m) > MAX_MINUTES) {
            ErrorCatalogue.CLOCK_MINUTES.send(ex, MAX_MINUTES);
            return true;
        }
        Instant now = advance.apply(Duration.ofMinutes(Long.parseLong(m)));
        ex.json(200, Map.of("now", now.toString()));
        return true;
    }
}
