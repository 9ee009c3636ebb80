package vn.motcua.appliance.web.reports;

import java.nio.ByteBuffer;

import org.eclipse.jetty.http.HttpHeader;

import vn.motcua.appliance.web.ErrorCatalogue;
import vn.motcua.appliance.web.Exchange;
import vn.motcua.appliance.web.auth.StaffGate;

/**
 * What the export and monthly report handlers share: the manager check ({@code /manager/summary}'s: a session
 * whose account is allowed every counter; GET only) and sending a finished file. A file is made whole before anything is
 * sent, so a failure half-way is a clean error answer, never a truncated download.
 */
final class ReportDownload {
    private ReportDownload() {}

    /**
     * Answers the refusal when the request may not have a report: not a GET (405), or not a manager's session (403);
     * false when it may.
     */
    static boolean refused(StaffGate staff, Exchange x) {
        if (!"GET".equals(x.method)) {
            ErrorCatalogue.METHOD.errorWithDetail("use GET").send(x);
            return true;
        }
        if (!staff.session(x.request).map(s -> s.account().isManager()).orElse(false)) {
            ErrorCatalogue.MANAGER_ONLY.send(x);
            return true;
        }
        return false;
    }

    /**
     * Sends {@code body} as {@code contentType}; {@code fileName} (ASCII) makes it a download, null shows it in the
     * browser.
     */
    static void send(Exchange x, String contentType, String fileName, byte[] body) {
        x.response.setStatus(200);
        x.response.getHeaders().put(HttpHeader.CONTENT_TYPE, contentType);
        x.response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-store");
        x.response.getHeaders().put("X-Content-Type-Options", "nosniff");
        if (contentType.startsWith("text/html")) {
            // The monthly page: its own inline style and the appliance's fonts, no script, nothing from elsewhere.
            x.response.getHeaders().put("Content-Security-Policy",
                    "default-src 'none'; style-src 'unsafe-inline'; font-src 'self'; frame-ancestors 'none'");
            x.response.getHeaders().put("Referrer-Policy", "no-referrer");
        }
        if (fileName != null) {
            x.response.getHeaders().put(HttpHeader.CONTENT_DISPOSITION, "attachment; filename=\"" + fileName + "\"");
        }
        x.response.getHeaders().put(HttpHeader.CONTENT_LENGTH, body.length);
        x.response.write(true, ByteBuffer.wrap(body), x.callback);
    }
}
