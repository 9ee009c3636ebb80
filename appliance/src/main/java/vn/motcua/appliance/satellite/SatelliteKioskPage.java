package vn.motcua.appliance.satellite;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

import vn.motcua.appliance.domain.OfficeLayout;
import vn.motcua.appliance.domain.ServiceDef;
import vn.motcua.appliance.web.Markup;

/**
 * The satellite's touch page: the master link's banner ("lost contact", or the pairing code before pairing), the
 * priority choice, one large button per service, and the ticket taken. Made once at start with the office's services
 * in its own config (the same office as the master's, written by provisioning), each refusing until the master's
 * state is read; its script ({@code kiosk.js}) polls {@code /satellite/state} and redraws the services and priorities
 * from the master's kiosk state it carries (waiting counts, a service closed or full and why, a closed day), and asks
 * this satellite's {@code /api/tickets} for a ticket.
 */
final class SatelliteKioskPage {
    private final String html;
    private final String script;

    SatelliteKioskPage(OfficeLayout office, String officeNameVi, String officeNameEn) {
        StringBuilder b = new StringBuilder();
        b.append("<!doctype html>\n<html lang=\"vi\"><head><meta charset=\"utf-8\">")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
                .append("<title>Lấy số thứ tự / Take a number</title><style>")
                .append("body{font-family:'Noto Sans',sans-serif;margin:2rem;background:#f5f7fa;color:#102a43}")
                .append("h1{font-size:2rem}h2{font-size:1.4rem;margin:1rem 0 .4rem}.en{color:#486581;margin-top:0}")
                .append("button.service{display:flex;justify-content:space-between;align-items:center;gap:1rem;width:100%;")
                .append("font-size:1.6rem;margin:1rem 0;padding:1.2rem;text-align:left;")
                .append("border-radius:1rem;border:0;background:#0b6e4f;color:#fff}button.service .en{color:#e3f9e5}")
                .append("button.service .wait{font-size:1.2rem;white-space:nowrap}")
                .append("button.service.closed{background:#52606d}button.service.closed .wait{white-space:normal;max-width:55%}")
                .append("button:disabled{background:#9fb3c8}")
                .append("#priorities button{font-size:1.3rem;margin:.3rem;padding:.8rem 1.2rem;border-radius:.8rem;")
                .append("border:3px solid #0b6e4f;background:#fff;color:#102a43}")
                .append("#priorities button[aria-pressed=true]{background:#f0b429;border-color:#8d2b0b}")
                .append("#link,#closed-today{background:#b42318;color:#fff;padding:1rem;border-radius:1rem;font-size:1.3rem}")
                .append("#link .en,#closed-today .en{color:#ffe4e0}")
                .append("#result{background:#fff;padding:1rem;border-radius:1rem;font-size:1.4rem}")
                .append("#result .number{font-size:3rem;font-weight:bold}")
                .append("</style></head><body>\n<h1>").append(Markup.escape(officeNameVi))
                .append("</h1><p class=\"en\" lang=\"en\">").append(Markup.escape(officeNameEn)).append("</p>\n")
                .append("<div id=\"link\" role=\"alert\" hidden></div>\n")
                .append("<div id=\"closed-today\" role=\"alert\" hidden>Hôm nay bộ phận một cửa nghỉ (ngày lễ, Tết),")
                .append(" không tiếp nhận hồ sơ. <span class=\"en\" lang=\"en\">The office is closed today (public")
                .append(" holiday): no tickets.</span></div>\n")
                // Priority first: touching a service takes the ticket at once, so the choice is made before it
                // (as on the master's kiosk); the choices are the master's, shown once its state is read.
                .append("<div id=\"priority-choice\" hidden><h2>Ưu tiên (nếu có) <span class=\"en\" lang=\"en\">")
                .append("/ Priority (if any)</span></h2><div id=\"priorities\"></div></div>\n")
                .append("<h2>Chạm vào dịch vụ để lấy số thứ tự <span class=\"en\" lang=\"en\">/ Touch a service")
                .append(" to take a number</span></h2>\n<div id=\"services\">\n");
        // Until the master's state is read (or while it cannot be): this office's services, each refusing.
        for (ServiceDef s : office.services()) {
            b.append("<button type=\"button\" class=\"service\" disabled data-service=\"").append(Markup.escape(s.code()))
                    .append("\"><span>").append(Markup.escape(s.nameVi())).append(" <span class=\"en\" lang=\"en\">/ ")
                    .append(Markup.escape(s.nameEn())).append("</span></span></button>\n");
        }
        b.append("</div>\n<div id=\"result\" role=\"status\" aria-live=\"polite\" hidden></div>\n")
                .append("<script src=\"/satellite/kiosk.js\"></script>\n</body></html>\n");
        html = b.toString();
        try (InputStream in = SatelliteKioskPage.class.getResourceAsStream("/satellite/kiosk.js")) {
            if (in == null) {
                throw new IllegalStateException("satellite/kiosk.js missing from the jar");
            }
            script = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String html() {
        return html;
    }

    String script() {
        return script;
    }
}
