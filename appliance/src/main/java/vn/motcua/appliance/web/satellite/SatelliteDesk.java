package vn.motcua.appliance.web.satellite;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import java.util.regex.Pattern;

import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.fasterxml.jackson.databind.JsonNode;

import vn.motcua.appliance.devices.DeviceStatus;
import vn.motcua.appliance.domain.Priority;
import vn.motcua.appliance.domain.QueueRefusedException;
import vn.motcua.appliance.service.Health;
import vn.motcua.appliance.store.StoreException;
import vn.motcua.appliance.store.StorePausedException;
import vn.motcua.appliance.web.ApiHandler;
import vn.motcua.appliance.web.ErrorCatalogue;
import vn.motcua.appliance.web.Exchange;
import vn.motcua.appliance.web.Fields;
import vn.motcua.appliance.web.HttpError;
import vn.motcua.appliance.web.paired.PairedScreen;
import vn.motcua.appliance.web.paired.Pairing;
import vn.motcua.appliance.web.paired.ScreenRole;

/**
 * The master's side of its satellite kiosks, answered only to a satellite's token (its cookie, as every paired
 * screen's; the LAN gate lets nothing else reach these paths, and this handler checks again, as the local listener
 * has no gate):
 * <ul>
 * <li>{@code POST /satellite/tickets} {@code {"key":…,"service":…,"priority":…}}: a ticket for one press, answered
 *     after its commit, once per key ({@link SatellitePresses}): 201 when issued now, 200 with {@code replayed} for a
 *     retry of a press already issued;</li>
 * <li>{@code POST /satellite/devices} {@code {"devices":[{"device":"printer","state":"fault","reason":"paper_end",
 *     "detail":"…"}]}}: its devices' statuses ({@link SatelliteDevices});</li>
 * <li>{@code GET /satellite/kiosk-state}: what the master's own kiosk shows of the queue (each service's waiting
 *     count and estimated wait, open or why not, the priorities offered, a closed day; {@code pages.KioskState}, read
 *     as the master's kiosk reads it), for the satellite's touch page. Nothing personal.</li>
 * </ul>
 * Anything wrong (no or a wrong token, a malformed body, a bad key) is refused from the error catalogue, counted,
 * and changes nothing.
 */
public final class SatelliteDesk extends Handler.Abstract {
    public static final String TICKETS = "/satellite/tickets";
    public static final String DEVICES = "/satellite/devices";
    public static final String KIOSK_STATE = "/satellite/kiosk-state";
    private static final Logger log = LoggerFactory.getLogger(SatelliteDesk.class);
    private static final Pattern DEVICE = Pattern.compile("[a-z][a-z0-9-]{0,23}");
    private static final int MAX_DETAIL = 120;

    private final Pairing pairing;
    private final SatellitePresses presses;
    private final SatelliteDevices devices;
    private final Supplier<Map<String, Object>> kioskState;
    private final AtomicLong refused = new AtomicLong();
    private final AtomicLong issued = new AtomicLong();
    private final AtomicLong replayed = new AtomicLong();

    /** @param kioskState what the master's own kiosk shows of the queue, read when a satellite asks */
    public SatelliteDesk(Pairing pairing, SatellitePresses presses, SatelliteDevices devices,
                         Supplier<Map<String, Object>> kioskState) {
        this.kioskState = kioskState;
        this.pairing = pairing;
        this.presses = presses;
        this.devices = devices;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        Exchange x = new Exchange(request, response, callback, 4096);
        try {
            boolean read = x.path.equals(KIOSK_STATE);
            if (!(read ? "GET" : "POST").equals(x.method)) {
                throw ErrorCatalogue.METHOD.errorWithDetail(read ? "use GET" : "use POST");
            }
            Optional<PairedScreen> satellite = pairing.screen(request).filter(s -> s.role() == ScreenRole.SATELLITE);
            if (satellite.isEmpty()) {
                throw ErrorCatalogue.SATELLITE_ONLY.error();
            }
            if (read) {
                x.json(200, kioskState.get());
                return true;
            }
            long id = satellite.get().id();
            JsonNode body = x.body();
            if (!body.isObject()) {
                throw ErrorCatalogue.MISSING_BODY.error();
            }
            if (x.path.equals(TICKETS)) {
                ticket(x, id, body);
            } else {
                devices.reported(id, statuses(body));
                x.json(200, Map.of("ok", true));
            }
        } catch (HttpError e) {
            refused(x, e);
        } catch (QueueRefusedException e) {
            ErrorCatalogue.refused(e.reason(), e.getMessage()).send(x);
        } catch (StorePausedException e) {
            ApiHandler.paused(e).send(x);
        } catch (StoreException e) {
            ErrorCatalogue.STORE_UNAVAILABLE.send(x);
        }
        return true;
    }

    private void ticket(Exchange x, long id, JsonNode body) {
        String key = body.path("key").isTextual() ? body.path("key").textValue() : null;
        String service = Fields.text(body, "service", Fields.CODE, true);
        Priority priority = Fields.enumValue(body, "priority", Priority.class, Priority.NORMAL);
        SatellitePresses.Answer a = presses.take(id, key, service, priority);
        (a.replayed() ? replayed : issued).incrementAndGet();
        if (a.replayed()) {
            log.info("Satellite {} retried a press: ticket {} again", id, a.ticket().get("number"));
        }
        x.json(a.replayed() ? 200 : 201, Map.of("ticket", a.ticket(), "replayed", a.replayed()));
    }

    /** The statuses a report holds, each checked: a bad one refuses the whole report. */
    private static List<DeviceStatus> statuses(JsonNode body) {
        JsonNode list = body.get("devices");
        if (list == null || !list.isArray() || list.size() > SatelliteDevices.MAX_DEVICES) {
            throw ErrorCatalogue.BAD_DEVICE_REPORT.errorWithDetail("'devices' must be a list of at most "
                    + SatelliteDevices.MAX_DEVICES);
        }
        List<DeviceStatus> out = new ArrayList<>();
        java.time.Instant now = java.time.Instant.now(); // replaced by the master's clock when stored
        for (JsonNode d : list) {
            String device = d.path("device").asText("");
            if (!d.isObject() || !DEVICE.matcher(device).matches()) {
                throw ErrorCatalogue.BAD_DEVICE_REPORT.errorWithDetail("a device name is 1-24 of a-z, 0-9, '-'");
            }
            DeviceStatus.State state = word(DeviceStatus.State.class, d.path("state").asText(""));
            DeviceStatus.Reason reason = word(DeviceStatus.Reason.class, d.path("reason").asText("none"));
            String detail = d.path("detail").asText("").replaceAll("\\p{Cntrl}", " ");
            out.add(new DeviceStatus(device, state, reason,
                    detail.length() > MAX_DETAIL ? detail.substring(0, MAX_DETAIL) : detail, now));
        }
        return out;
    }

    private static <E extends Enum<E>> E word(Class<E> type, String word) {
        try {
            return Enum.valueOf(type, word.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ErrorCatalogue.BAD_DEVICE_REPORT.errorWithDetail("unknown " + type.getSimpleName().toLowerCase(Locale.ROOT));
        }
    }

    private void refused(Exchange x, HttpError e) {
        refused.incrementAndGet();
        log.info("Satellite request refused {} {} from {}: {} {} {}", x.method, x.path,
                x.request.getConnectionMetaData().getRemoteSocketAddress(), e.status, e.code,
                e.detail == null ? "" : e.detail);
        e.send(x);
    }

    public void registerHealth(Health health) {
        health.register("satellites", () -> Health.Status.ok(issued.get() + " satellite tickets issued, "
                + replayed.get() + " retried presses answered again, " + refused.get() + " requests refused since start; "
                + presses.known() + " press keys kept"));
    }

    public long refusedCount() {
        return refused.get();
    }
}
