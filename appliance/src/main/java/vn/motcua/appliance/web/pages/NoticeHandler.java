package vn.motcua.appliance.web.pages;

import java.util.Map;

import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.fasterxml.jackson.databind.JsonNode;

import vn.motcua.appliance.web.ErrorCatalogue;
import vn.motcua.appliance.web.Exchange;
import vn.motcua.appliance.web.HttpError;
import vn.motcua.appliance.web.auth.StaffGate;
import vn.motcua.appliance.web.live.LiveFeed;
import vn.motcua.appliance.web.live.Notice;

/**
 * {@code POST /api/notice} {"vi":"…","en":"…"}: sets the hall display's scrolling line, pushed at once to every
 * screen; {@code GET /api/notice} reads it. Setting it is for this machine or a manager login (with CSRF token).
 */
public final class NoticeHandler extends Handler.Abstract {
    private static final Logger log = LoggerFactory.getLogger(NoticeHandler.class);
    private final LiveFeed live;
    private final StaffGate staff;

    public NoticeHandler(LiveFeed live, StaffGate staff) {
        this.live = live;
        this.staff = staff;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        Exchange x = new Exchange(request, response, callback, 4096);
        try {
            if (x.method.equals("GET")) {
                x.json(200, Map.of("vi", live.notice().vi(), "en", live.notice().en()));
                return true;
            }
            if (!x.method.equals("POST")) {
                throw ErrorCatalogue.METHOD.errorWithDetail("use GET or POST");
            }
            if (!x.fromLoopback() && !staff.allowsManager(request)) {
                throw ErrorCatalogue.FORBIDDEN.error();
            }
            JsonNode b = x.body();
            if (!b.isObject() || !b.path("vi").isTextual() || !b.path("en").isTextual()) {
                throw ErrorCatalogue.BAD_FIELD.errorWithDetail("send {\"vi\": text, \"en\": text}", "vi/en");
            }
            Notice n;
            try {
                n = Notice.of(b.get("vi").textValue(), b.get("en").textValue());
            } catch (IllegalArgumentException e) {
                throw ErrorCatalogue.BAD_FIELD.errorWithDetail(e.getMessage(), "vi/en");
            }
            live.setNotice(n);
            log.info("Display notice changed ({} / {} characters)", n.vi().length(), n.en().length());
            x.json(200, Map.of("vi", n.vi(), "en", n.en()));
        } catch (HttpError e) {
            log.info("Refused a notice change: {} {}", e.status, e.code);
            e.send(x);
        }
        return true;
    }
}
