package vn.motcua.appliance.satellite;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

import com.fasterxml.jackson.databind.JsonNode;

import vn.motcua.appliance.domain.Priority;
import vn.motcua.appliance.service.Health;
import vn.motcua.appliance.web.ErrorCatalogue;
import vn.motcua.appliance.web.Exchange;
import vn.motcua.appliance.web.Fields;
import vn.motcua.appliance.web.HttpError;

/**
 * The satellite's own local listener (its touch screen's browser, on this Pi): the kiosk's ticket API, answered from
 * the master ({@code POST /api/tickets}: 201 with the master's ticket once printed here; the master's own refusal;
 * or 503 {@code MASTER_UNREACHABLE}); the master link's state for the kiosk page ({@code GET /satellite/state}:
 * online, paired, the pairing code to show, the bilingual "lost contact" text, and {@code kiosk}: the master's kiosk
 * state as last read, {@link MasterKiosk}, null while offline); {@code /healthz}; and, for the
 * simulators and tests, {@code GET /satellite/printed}; and the touch page itself ({@code /kiosk},
 * {@link SatelliteKioskPage}).
 */
final class SatelliteKioskHandler extends Handler.Abstract {
    private final SatelliteTickets tickets;
    private final LinkState state;
    private final Health health;
    private final Supplier<Map<String, Object>> extra;
    private final SatelliteKioskPage page;
    private final MasterKiosk master;

    SatelliteKioskHandler(SatelliteTickets tickets, LinkState state, MasterKiosk master, Health health,
                          Supplier<Map<String, Object>> extra, SatelliteKioskPage page) {
        this.page = page;
        this.master = master;
        this.tickets = tickets;
        this.state = state;
        this.health = health;
        this.extra = extra;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        Exchange x = new Exchange(request, response, callback, 4096);
        try {
            switch (x.path) {
                case "/api/tickets" -> {
                    if (!"POST".equals(x.method)) {
                        throw ErrorCatalogue.METHOD.errorWithDetail("use POST");
                    }
                    take(x);
                }
                case "/satellite/state" -> {
                    Map<String, Object> m = new LinkedHashMap<>(state.forKiosk());
                    m.put("kiosk", master.now()); // null while the master cannot be reached
                    m.putAll(extra.get());
                    x.json(200, m);
                }
                case "/satellite/printed" -> x.json(200, Map.of("printed", tickets.printed()));
                case "/kiosk", "/" -> x.send(200, "text/html; charset=utf-8", page.html());
                case "/satellite/kiosk.js" -> x.send(200, "text/javascript; charset=utf-8", page.script());
                case "/healthz" -> {
                    Map<String, Object> m = new LinkedHashMap<>();
                    m.put("ok", health.allOk());
                    m.put("parts", health.snapshot());
                    x.json(health.allOk() ? 200 : 503, m);
                }
                default -> {
                    return false;
                }
            }
        } catch (HttpError e) {
            e.send(x);
        }
        return true;
    }

    private void take(Exchange x) {
        JsonNode body = x.body();
        if (!body.isObject()) {
            throw ErrorCatalogue.MISSING_BODY.error();
        }
        String service = Fields.text(body, "service", Fields.CODE, true);
        Priority priority = Fields.enumValue(body, "priority", Priority.class, Priority.NORMAL);
        switch (tickets.press(service, priority.name())) {
            case SatelliteTickets.Outcome.Taken t -> x.json(201, Map.of("ticket", t.ticket()));
            case SatelliteTickets.Outcome.Refused r -> x.json(r.status(), r.answer()); // the master's catalogue entry
            case SatelliteTickets.Outcome.Offline o -> throw ErrorCatalogue.MASTER_UNREACHABLE.errorWithDetail(o.why());
        }
    }
}
