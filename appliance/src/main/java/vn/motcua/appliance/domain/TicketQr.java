package vn.motcua.appliance.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What a ticket's QR code holds, in one place (here, beside the tickets, because the printer prints it, the reader
 * recognises it and the kiosk shows it): the paper ticket (the printer's {@code TicketPrinting}) and the kiosk's on-screen QR
 * both ask this class, so a resident whose ticket was shown on screen only (printer out of paper) carries the same code
 * as the paper would. In order:
 * <ol>
 * <li>the phone page on ({@code [web.phone]}) and the office's {@link QrUrlTemplate} carrying {@code {key}}: that URL
 * with the ticket's key (a district portal that follows the ticket from outside the office);</li>
 * <li>the phone page on: the ticket's phone page on the LAN listener ({@link PhoneLink}); a portal URL without
 * {@code {key}} is then not printed, as it would let anyone walk the numbers of the day;</li>
 * <li>the office's {@link QrUrlTemplate} expansion (office, number, day the ticket was issued in the template's zone);</li>
 * <li>no URL: the appliance's own ticket code {@code MOTCUA:VE:<office>:<yyyy-MM-dd>:<number>}, which the code reader
 * always recognises as a ticket ({@link #OWN_CODE}), whatever ticket pattern an office configures.</li>
 * </ol>
 * <p>The code is a pure function of office, number and day (and the office's phone secret), so a scanned code is "one of
 * today's tickets here" exactly when it equals {@link #text(String, LocalDate)} for today: no need to parse an
 * office-specific URL.
 */
public final class TicketQr {
    /** The own ticket code (no URL configured); the named groups are the code's parts. */
    public static final Pattern OWN_CODE = Pattern.compile(
            "MOTCUA:VE:(?<office>[^\\s:]{1,64}):(?<date>\\d{4}-\\d{2}-\\d{2}):(?<ticket>[A-Z]{1,3}\\d{1,4})");

    private final QrUrlTemplate url;
    private final String office;
    private final ZoneId zone;
    private final PhoneLink phone;

    /**
     * A QR without the phone page.
     *
     * @param office the office id ({@code appliance.office})
     * @param zone   the zone whose calendar day goes into the code (the ticket template's)
     */
    public TicketQr(QrUrlTemplate url, String office, ZoneId zone) {
        this(url, office, zone, Optional.empty());
    }

    /** @param phone the ticket's phone page, when {@code [web.phone]} is on */
    public TicketQr(QrUrlTemplate url, String office, ZoneId zone, Optional<PhoneLink> phone) {
        this.url = Objects.requireNonNull(url, "url");
        this.office = Objects.requireNonNull(office, "office");
        this.zone = Objects.requireNonNull(zone, "zone");
        this.phone = phone.orElse(null);
        if (this.phone == null && url.hasKey()) {
            throw new IllegalArgumentException("ticket template: qr.url: {key} needs the phone page on ([web.phone] enabled)");
        }
    }

    /** The QR of a ticket issued at {@code issuedAt}. */
    public String text(String number, Instant issuedAt) {
        return text(number, issuedAt.atZone(zone).toLocalDate());
    }

    /** The QR of ticket {@code number} of {@code day}. */
    public String text(String number, LocalDate day) {
        if (phone != null) {
            return url.hasKey() ? url.expand(office, number, day, phone.keys().key(day, number)) : phone.url(day, number);
        }
        String u = url.expand(office, number, day);
        return u.isEmpty() ? "MOTCUA:VE:" + office + ":" + day + ":" + number : u;
    }

    /** The short code printed under the QR to type on the phone page ({@code 7KQ-M4P}); empty with the page off. */
    public Optional<String> shortCode(String number, Instant issuedAt) {
        LocalDate day = issuedAt.atZone(zone).toLocalDate();
        return Optional.ofNullable(phone).map(p -> TicketKeys.printed(p.keys().shortCode(day, number)));
    }

    /** Where the short code is typed, {@code https://192.168.1.10:8443/t}; empty with the page off. */
    public Optional<String> phoneEntry() {
        return Optional.ofNullable(phone).map(p -> p.baseUrl() + "/t");
    }

    /** Today in the code's zone: the day a scanned ticket must carry to be today's. */
    public LocalDate today(Instant now) {
        return now.atZone(zone).toLocalDate();
    }

    /** The day a ticket issued at {@code issuedAt} carries in its code (and its phone link). */
    public LocalDate dayOf(Instant issuedAt) {
        return issuedAt.atZone(zone).toLocalDate();
    }
}
