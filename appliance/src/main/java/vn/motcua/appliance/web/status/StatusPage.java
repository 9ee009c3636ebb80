package vn.motcua.appliance.web.status;

import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;

import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.Fields;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import vn.motcua.appliance.web.Deadline;
import vn.motcua.appliance.web.ErrorCatalogue;
import vn.motcua.appliance.web.Exchange;
import vn.motcua.appliance.web.HttpError;

/**
 * {@code GET /status?code=...}: a dossier's status, rendered on the server (no script needed, so it works on
 * any browser and from links); {@code GET /status.json?code=...}: the same lookup and the same refusals as JSON, which
 * the kiosk page shows inside itself so it never stops listening for scans. The lookup is asynchronous: the request is answered when the source answers or after
 * {@link #TIMEOUT_SECONDS}, without holding a Jetty thread meanwhile. Late dossiers are shown in red.
 */
public final class StatusPage extends Handler.Abstract {
    private static final Logger log = LoggerFactory.getLogger(StatusPage.class);
    public static final Pattern CODE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9/._-]{2,31}");
    /**
     * A bare 9- or 12-digit number (spaces, dots and dashes between the digits ignored) is what an old ID card or a
     * CCCD carries, never a dossier code: a resident who types theirs into the box must not have it sent to the
     * district as a "dossier code" (personal data).
     */
    static final Pattern CITIZEN_ID_NUMBER = Pattern.compile("\\d{9}|\\d{12}");
    private static final Pattern DIGIT_SEPARATORS = Pattern.compile("[ .\\-]");
    static final long TIMEOUT_SECONDS = 5;
    /** The same lookup as JSON, for the kiosk page, which shows the answer inside itself and keeps listening for scans. */
    public static final String JSON_PATH = "/status.json";
    private static final DateTimeFormatter DATES = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    private final DossierStatusSource source;
    private final Clock clock;
    private final java.time.ZoneId zone;
    private final AtomicLong refused = new AtomicLong();

    public StatusPage(DossierStatusSource source, Clock clock, java.time.ZoneId zone) {
        this.source = source;
        this.clock = clock;
        this.zone = zone;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        String path = Request.getPathInContext(request);
        boolean json = JSON_PATH.equals(path);
        if (!json && !"/status".equals(path)) {
            return false;
        }
        Exchange x = new Exchange(request, response, callback, 0);
        String q = request.getHttpURI().getQuery();
        String code = null;
        if (q != null && q.length() <= 128) {
            Fields f = Request.extractQueryParameters(request);
            code = f.getValue("code");
            code = code == null ? null : code.strip();
        }
        if (code == null || code.isEmpty()) {
            if (json) {
                refuse(x, true, ErrorCatalogue.NO_CODE);
            } else {
                x.send(200, "text/html; charset=utf-8", StatusHtml.page("", StatusHtml.form()));
            }
            return true;
        }
        if (CITIZEN_ID_NUMBER.matcher(DIGIT_SEPARATORS.matcher(code).replaceAll("")).matches()) {
            refused.incrementAndGet();
            log.info("Refused a bare number the length of a citizen ID number (not a dossier code); not looked up");
            refuse(x, json, ErrorCatalogue.CITIZEN_ID_NUMBER);
            return true;
        }
        if (!CODE.matcher(code).matches()) {
            refused.incrementAndGet();
            log.info("Refused a dossier code that is not 3-32 of A-Z 0-9 / . _ -");
            refuse(x, json, ErrorCatalogue.BAD_CODE);
            return true;
        }
        String c = code;
        LocalDate today = LocalDate.now(clock.withZone(zone));
        Deadline.within(request, source.lookup(c), TIMEOUT_SECONDS).whenComplete((answer, error) -> {
            if (error != null || answer == null) {
                log.info("Dossier lookup failed: {}", error == null ? "no answer" : error.getClass().getSimpleName());
                HttpError e = ErrorCatalogue.DISTRICT_UNREACHABLE.error();
                if (json) {
                    e.send(x);
                } else {
                    x.send(e.status, "text/html; charset=utf-8",
                            StatusHtml.page(c, StatusHtml.message(e.messageVi, e.getMessage()) + StatusHtml.form()));
                }
            } else if (json) {
                x.json(200, Map.of("dossier", DossierJson.of(answer, today, DATES)));
            } else {
                x.send(200, "text/html; charset=utf-8", StatusHtml.page(c, StatusHtml.answer(answer, today, DATES)
                        + StatusHtml.form()));
            }
        });
        return true;
    }

    /** A code refused before any lookup: 400, as the kiosk's JSON or as the page with the form again. */
    private static void refuse(Exchange x, boolean json, ErrorCatalogue error) {
        HttpError e = error.error();
        if (json) {
            e.send(x);
        } else {
            x.send(e.status, "text/html; charset=utf-8",
                    StatusHtml.page("", StatusHtml.message(e.messageVi, e.getMessage()) + StatusHtml.form()));
        }
    }

    public long refusedCount() {
        return refused.get();
    }
}
