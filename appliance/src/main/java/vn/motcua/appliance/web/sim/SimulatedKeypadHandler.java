package vn.motcua.appliance.web.sim;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

import vn.motcua.appliance.web.ErrorCatalogue;
import vn.motcua.appliance.web.Exchange;

import vn.motcua.bus.Key;
import vn.motcua.bus.sim.SimulatedBoard;
import vn.motcua.bus.sim.SimulatedBus;

/**
 * Only with a simulated bus (demo, tests): presses a key on a simulated counter keypad, and reads what its
 * board shows. The press travels the same protocol bytes as a real one.
 * {@code POST /sim/counters/3/press/CALL_NEXT}, {@code POST /sim/counters/3/press/TRANSFER?to=4},
 * {@code GET /sim/counters/3/board}.
 */
final class SimulatedKeypadHandler extends Handler.Abstract {
    private static final Pattern PRESS = Pattern.compile("/sim/counters/(\\d{1,2})/press/([A-Z_0-9]{1,16})");
    private static final Pattern BOARD = Pattern.compile("/sim/counters/(\\d{1,2})/board");

    private final SimulatedBus bus;
    private final Map<Integer, Integer> addressByCounter = new java.util.HashMap<>();

    /** @param counterByAddress each board's counter ({@code [devices.counter_bus]}) */
    SimulatedKeypadHandler(SimulatedBus bus, Map<Integer, Integer> counterByAddress) {
        this.bus = bus;
        counterByAddress.forEach((a, c) -> addressByCounter.put(c, a));
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        String path = Request.getPathInContext(request);
        Matcher press = PRESS.matcher(path);
        Matcher board = BOARD.matcher(path);
        if (press.matches() && request.getMethod().equals("POST")) {
            SimulatedBoard b = board(press.group(1));
            if (b == null) {
                ErrorCatalogue.NO_BOARD.send(new Exchange(request, response, callback, 0));
                return true;
            }
            Key key;
            try {
                key = Key.valueOf(press.group(2).toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                ErrorCatalogue.UNKNOWN_KEY.send(new Exchange(request, response, callback, 0));
                return true;
            }
            if (key == Key.TRANSFER) {
                String to = Request.extractQueryParameters(request).getValue("to");
                if (to == null || !to.matches("\\d{1,2}")) {
                    ErrorCatalogue.TRANSFER_NEEDS_TO.send(new Exchange(request, response, callback, 0));
                return true;
                }
                b.pressTransfer(Integer.parseInt(to));
            } else {
                b.press(key);
            }
            return reply(response, callback, 202, "{\"pressed\":\"" + key + "\"}");
        }
        if (board.matches() && request.getMethod().equals("GET")) {
            SimulatedBoard b = board(board.group(1));
            if (b == null) {
                ErrorCatalogue.NO_BOARD.send(new Exchange(request, response, callback, 0));
                return true;
            }
            SimulatedBoard.Shown s = b.shown();
            return reply(response, callback, 200, "{\"text\":\"" + s.text().replaceAll("[^A-Z0-9 -]", "?")
                    + "\",\"counter\":" + s.counter() + ",\"blink\":" + s.blink() + "}");
        }
        return false;
    }

    private SimulatedBoard board(String counter) {
        Integer address = addressByCounter.get(Integer.parseInt(counter));
        return address == null ? null : bus.board(address);
    }

    private static boolean reply(Response response, Callback callback, int status, String json) {
        response.setStatus(status);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json; charset=utf-8");
        Content.Sink.write(response, true, json, callback);
        return true;
    }
}
