package vn.motcua.appliance.web.phone;

import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.Fields;

import vn.motcua.appliance.domain.PhoneLink;
import vn.motcua.appliance.domain.Ticket;
import vn.motcua.appliance.domain.TicketQr;
import vn.motcua.appliance.service.QueueService;
import vn.motcua.appliance.web.ErrorCatalogue;
import vn.motcua.appliance.web.Exchange;
import vn.motcua.appliance.web.HttpError;

/**
 * The phone page a resident follows their ticket on, read-only, served to anyone on the LAN listener
 * ({@code LAN_GUEST}):
 * <ul>
 * <li>{@code GET /t/<day>/<number>/<key>}: the ticket's page (the QR's link, {@link PhoneLink});</li>
 * <li>{@code GET /t/<day>/<number>/<key>/state}: the same as JSON, which the page's script asks for every
 * {@code [web.phone] refresh_seconds} ({@link PhoneState});</li>
 * <li>{@code GET /t}, {@code GET /t?so=A023&ma=7KQ-M4P}: the form for the number and the short code printed on the
 * paper, which sends the resident on to the ticket's page.</li>
 * </ul>
 * A link or code that is not a ticket's of that day gets 404 {@code UNKNOWN_TICKET_LINK}, counted; a source with
 * {@link #GUESSES_PER_MINUTE} of them in a minute gets 429 {@code TOO_MANY_GUESSES} before any key is computed. The key
 * is checked (in constant time, a pure function: no lookup) before the queue is read, so a guess never takes the
 * queue's lock. A real link of a ticket that is over (served, a no-show past its window, another day) gets 410
 * {@code TICKET_FINISHED}: the page says so and stops asking. Refreshing is a poll, not the live feed: a phone on a
 * guest Wi-Fi sleeps and drops long connections, and an answer costs one lookup by number under the lock, while a
 * per-ticket push would cost every phone's state at every commit.
 */
public final class PhoneHandler extends Handler.Abstract {
    /** Wrong links and codes a source may try in a minute before it gets 429 {@code TOO_MANY_GUESSES}. */
    public static final int GUESSES_PER_MINUTE = 20;
    /** Any three segments under /t/: a malformed guess still reaches the handler, so it is counted and throttled. */
    public static final Pattern PAGE = Pattern.compile("/t/([^/]{1,16})/([^/]{1,8})/([^/]{1,64})");
    public static final Pattern STATE = Pattern.compile("/t/([^/]{1,16})/([^/]{1,8})/([^/]{1,64})/state");
    public static final String FORM = "/t";
    private static final Pattern DAY = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
    private static final Pattern NUMBER = Pattern.compile("[A-Z]{1,3}\\d{1,4}");
    private static final Pattern KEY = Pattern.compile("[A-Za-z0-9_-]{22}");
    private static final String HTML = "text/html; charset=utf-8";

    private final QueueService queue;
    private final TicketQr qr;
    private final Optional<PhoneLink> link;
    private final String office;
    private final long refreshSeconds;
    private final vn.motcua.appliance.web.MissesPerMinute guesses;
    private final PhoneCounts counts;

    /**
     * @param qr     the day a ticket's code carries (its issue in the ticket template's zone)
     * @param link   the office's phone links, or empty with the page off (every path then answers PHONE_PAGE_OFF)
     * @param office the office's name, shown above the number
     */
    public PhoneHandler(QueueService queue, TicketQr qr, Optional<PhoneLink> link, String office, long refreshSeconds,
                        java.time.Clock clock, PhoneCounts counts) {
        this.queue = queue;
        this.qr = qr;
        this.link = link;
        this.office = office;
        this.refreshSeconds = refreshSeconds;
        this.guesses = new vn.motcua.appliance.web.MissesPerMinute(clock, GUESSES_PER_MINUTE);
        this.counts = counts;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        Exchange x = new Exchange(request, response, callback, 0);
        boolean json = x.path.endsWith("/state");
        if (!"GET".equals(x.method) && !"HEAD".equals(x.method)) {
            ErrorCatalogue.METHOD.errorWithDetail("use GET").send(x);
            return true;
        }
        // The key is in the path: no referrer may carry it to another site, no cache keep it.
        response.getHeaders().put("Referrer-Policy", "no-referrer");
        response.getHeaders().put("Content-Security-Policy",
                "default-src 'self'; img-src 'self' data:; frame-ancestors 'none'");
        response.getHeaders().put("X-Robots-Tag", "noindex");
        if (link.isEmpty()) {
            refuse(x, json, ErrorCatalogue.PHONE_PAGE_OFF.error(), false);
            return true;
        }
        String source = source(request);
        if (guesses.tooMany(source)) {
            counts.count(PhoneCounts.Outcome.THROTTLED);
            refuse(x, json, ErrorCatalogue.TOO_MANY_GUESSES.error(), x.path.equals(FORM));
            return true;
        }
        if (x.path.equals(FORM)) {
            form(x, request, source);
            return true;
        }
        Matcher m = (json ? STATE : PAGE).matcher(x.path);
        if (!m.matches()) { // the route table sends only these shapes here
            ErrorCatalogue.NOT_FOUND.send(x);
            return true;
        }
        LocalDate day = keyed(m.group(1), m.group(2), m.group(3));
        if (day == null) {
            missed(x, json, source);
            return true;
        }
        String number = m.group(2);
        PhoneState state = queue.read(e -> e.ticket(number)
                .filter(t -> qr.dayOf(t.issuedAt()).equals(day)) // today's A023 is not yesterday's
                .map(t -> PhoneState.of(e, t)).orElse(null));
        if (state == null || state.finished()) {
            counts.count(PhoneCounts.Outcome.FINISHED);
            HttpError e = ErrorCatalogue.TICKET_FINISHED.error();
            if (json) {
                e.send(x);
            } else {
                x.send(e.status, HTML, PhoneHtml.page("Phiếu đã kết thúc — Ticket finished",
                        PhoneHtml.finished(e.messageVi, e.getMessage())));
            }
            return true;
        }
        counts.count(PhoneCounts.Outcome.SERVED);
        if (json) {
            x.json(200, state.json(refreshSeconds));
        } else {
            x.send(200, HTML, PhoneHtml.page("Số " + number + " — Ticket " + number,
                    PhoneHtml.ticket(office, state, x.path + "/state", refreshSeconds)));
        }
        return true;
    }

    /** The day of a link whose key is ticket {@code number}'s of that day; null for anything else. */
    private LocalDate keyed(String dayText, String number, String key) {
        if (!DAY.matcher(dayText).matches() || !NUMBER.matcher(number).matches() || !KEY.matcher(key).matches()) {
            return null;
        }
        try {
            LocalDate day = LocalDate.parse(dayText);
            return link.get().keys().keyMatches(day, number, key) ? day : null;
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /** The short code form: empty, it asks; filled, a right pair goes on to the ticket's page (303). */
    private void form(Exchange x, Request request, String source) {
        Fields q = Request.extractQueryParameters(request);
        String number = q.getValue("so") == null ? "" : q.getValue("so").strip().toUpperCase(java.util.Locale.ROOT);
        String code = q.getValue("ma") == null ? "" : q.getValue("ma");
        if (number.isEmpty() && code.isEmpty()) {
            x.send(200, HTML, PhoneHtml.page("Theo dõi số — Follow your ticket", PhoneHtml.form(null, null)));
            return;
        }
        // The code is of the day the ticket was issued: today's, for the queue's ticket of that number
        LocalDate day = NUMBER.matcher(number).matches() && code.length() <= 12
                ? queue.read(e -> e.ticket(number).map(t -> qr.dayOf(t.issuedAt())).orElse(null)) : null;
        if (day == null || !link.get().keys().shortCodeMatches(day, number, code)) {
            guesses.missed(source);
            counts.count(PhoneCounts.Outcome.UNKNOWN);
            HttpError e = ErrorCatalogue.UNKNOWN_TICKET_LINK.error();
            x.send(e.status, HTML, PhoneHtml.page("Theo dõi số — Follow your ticket", PhoneHtml.form(e.messageVi, e.getMessage())));
            return;
        }
        x.response.setStatus(303);
        x.response.getHeaders().put(HttpHeader.LOCATION, link.get().path(day, number));
        x.response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-store");
        x.callback.succeeded();
    }

    private void missed(Exchange x, boolean json, String source) {
        guesses.missed(source);
        counts.count(PhoneCounts.Outcome.UNKNOWN);
        refuse(x, json, ErrorCatalogue.UNKNOWN_TICKET_LINK.error(), false);
    }

    private static void refuse(Exchange x, boolean json, HttpError e, boolean withForm) {
        if (json) {
            e.send(x);
        } else {
            x.send(e.status, HTML, PhoneHtml.page("Theo dõi số — Follow your ticket",
                    withForm ? PhoneHtml.form(e.messageVi, e.getMessage()) : PhoneHtml.refused(e.messageVi, e.getMessage())));
        }
    }

    private static String source(Request request) {
        SocketAddress remote = request.getConnectionMetaData().getRemoteSocketAddress();
        return remote instanceof InetSocketAddress isa && isa.getAddress() != null
                ? isa.getAddress().getHostAddress() : String.valueOf(remote);
    }

    /** What the page answered since start, for /metrics. */
    public PhoneCounts counts() {
        return counts;
    }
}
