package vn.motcua.appliance.web.pages;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

import vn.motcua.appliance.domain.Priority;
import vn.motcua.appliance.service.Health;
import vn.motcua.appliance.service.QueueService;
import vn.motcua.appliance.web.Exchange;
import vn.motcua.appliance.web.QueueJson;

/**
 * What the kiosk page needs besides {@code POST /api/tickets}: {@code GET /kiosk/info} (services with waiting
 * counts, the priorities this office grants, the printer's status as its device reports it to {@link Health}
 * under "printer") and {@code GET /kiosk/qr/A023.svg}, the ticket's QR code.
 */
public final class KioskHandler extends Handler.Abstract {
    private static final Pattern QR = Pattern.compile("/kiosk/qr/([A-Z][0-9]{3,4})\\.svg");

    private final QueueService queue;
    private final Health health;
    private final String deviceId;

    public KioskHandler(QueueService queue, Health health, String deviceId) {
        this.queue = queue;
        this.health = health;
        this.deviceId = deviceId;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        String p = Request.getPathInContext(request);
        if (!p.startsWith("/kiosk/")) {
            return false;
        }
        Exchange x = new Exchange(request, response, callback, 0);
        Matcher m = QR.matcher(p);
        if (p.equals("/kiosk/info")) {
            x.json(200, info());
        } else if (m.matches()) {
            String number = m.group(1);
            String id = queue.read(e -> e.ticket(number).map(t -> t.id()).orElse(null));
            if (id == null) {
                x.json(404, Map.of("error", "UNKNOWN_TICKET", "message_vi", "Không có số này hôm nay",
                        "message_en", "No such ticket today"));
            } else {
                x.send(200, "image/svg+xml", QrSvg.svg(qrText(deviceId, id)));
            }
        } else {
            x.json(404, Map.of("error", "NOT_FOUND", "message_vi", "Không tìm thấy", "message_en", "Not found"));
        }
        return true;
    }

    /** What the ticket's QR code holds: the office device and the ticket id, for a reader at the counter. */
    public static String qrText(String deviceId, String ticketId) {
        return "MOTCUA:" + deviceId + ":" + ticketId;
    }

    private Map<String, Object> info() {
        Map<String, Object> m = new LinkedHashMap<>(queue.read(QueueJson::queue));
        List<Map<String, Object>> prios = new ArrayList<>();
        for (Priority pr : Priority.values()) {
            if (pr.isPriority() && queue.layout().rules().priorities().contains(pr)) {
                prios.add(Map.of("code", pr.name(), "name_vi", pr.nameVi(), "name_en", pr.nameEn()));
            }
        }
        m.put("priorities", prios);
        m.put("zone", queue.layout().rules().zone().getId());
        Health.Status printer = health.snapshot().get("printer");
        Map<String, Object> pm = new LinkedHashMap<>();
        pm.put("known", printer != null);
        pm.put("ok", printer == null || printer.ok());
        pm.put("state", printer == null ? "none" : printer.state());
        m.put("printer", pm);
        return m;
    }
}
