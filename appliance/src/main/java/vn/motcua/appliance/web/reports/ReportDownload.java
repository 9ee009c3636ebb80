package vn.motcua.appliance.web.reports;

import java.nio.ByteBuffer;

import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;

import vn.motcua.appliance.web.Exchange;
import vn.motcua.appliance.web.auth.StaffGate;

/**
 * What the export and monthly report handlers share: the manager check ({@code /manager/summary}'s: a session
 * whose account is allowed every counter) and sending a finished file. A file is made whole before anything is
 * sent, so a failure half-way is a clean error answer, never a truncated download.
 */
final class ReportDownload {
    private ReportDownload() {}

    static boolean isManager(StaffGate staff, Request request) {
        return staff.session(request).map(s -> s.account().isManager()).orElse(false);
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
        if (fileName != null) {
            x.response.getHeaders().put(HttpHeader.CONTENT_DISPOSITION, "attachment; filename=\"" + fileName + "\"");
        }
        x.response.getHeaders().put(HttpHeader.CONTENT_LENGTH, body.length);
        x.response.write(true, ByteBuffer.wrap(body), x.callback);
    }
}
