package vn.motcua.appliance.satellite;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

import vn.motcua.appliance.domain.OfficeLayout;
import vn.motcua.appliance.domain.ServiceDef;
import vn.motcua.appliance.web.Markup;

/**
 * The satellite's touch page, made once at start from the office's services in its own config (the same office as
 * the master's, written by provisioning): one large button per service, the master link's banner ("lost contact",
 * or the pairing code before pairing) and the ticket taken. Its script ({@code kiosk.js}) asks this satellite's
 * {@code /api/tickets} and polls {@code /satellite/state}.
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
                .append("h1{font-size:2rem}.en{color:#486581;margin-top:0}")
                .append("button.service{display:block;width:100%;font-size:1.6rem;margin:1rem 0;padding:1.2rem;")
                .append("border-radius:1rem;border:0;background:#0b6e4f;color:#fff}button:disabled{background:#9fb3c8}")
                .append("#link{background:#b42318;color:#fff;padding:1rem;border-radius:1rem;font-size:1.3rem}")
                .append("#link .en{color:#ffe4e0}#result{background:#fff;padding:1rem;border-radius:1rem;font-size:1.4rem}")
                .append("</style></head><body>\n<h1>").append(Markup.escape(officeNameVi))
                .append("</h1><p class=\"en\" lang=\"en\">").append(Markup.escape(officeNameEn)).append("</p>\n")
                .append("<p>Chạm vào dịch vụ để lấy số thứ tự</p><p class=\"en\" lang=\"en\">Touch a service to take a number</p>\n")
                .append("<div id=\"link\" role=\"alert\" hidden></div>\n");
        for (ServiceDef s : office.services()) {
            b.append("<button type=\"button\" class=\"service\" disabled data-service=\"").append(Markup.escape(s.code()))
                    .append("\">").append(Markup.escape(s.nameVi())).append(" <span class=\"en\" lang=\"en\">/ ")
                    .append(Markup.escape(s.nameEn())).append("</span></button>\n");
        }
        b.append("<div id=\"result\" role=\"status\" aria-live=\"polite\" hidden></div>\n")
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
