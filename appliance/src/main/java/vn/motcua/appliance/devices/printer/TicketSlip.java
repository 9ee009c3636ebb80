package vn.motcua.appliance.devices.printer;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import vn.motcua.appliance.domain.TicketQr;

/**
 * What one printed ticket says. The lead maps the queue engine's issued ticket onto this; the
 * printer knows nothing of the engine. Texts are bounded so a bad config cannot make a metre of paper.
 *
 * @param officeName    office name as printed (Vietnamese)
 * @param serviceVi     service name in Vietnamese
 * @param serviceEn     service name in English (may be empty)
 * @param ticketNumber  the big number, e.g. {@code A023}
 * @param priority      the priority kind ({@code ELDERLY}, {@code DISABLED}, {@code PREGNANT}...), or empty for a
 *                      normal ticket: prints the priority mark and the kind's label from the template
 * @param peopleAhead   people waiting before this ticket, {@code >= 0}
 * @param estimatedWait estimated wait; {@link Duration#ZERO} prints "now"
 * @param issuedAt      issue instant; printed in the template's time zone
 * @param qrUrl         what the QR code holds ({@link TicketQr}: the office's URL or the own ticket code); the
 *                      template's {@code qr.mode=none} leaves the QR out
 * @param phoneCode     the short code to type on the phone page ({@code 7KQ-M4P}, {@link TicketQr#shortCode}), or
 *                      empty when the office has no phone page
 * @param phoneEntry    where the short code is typed ({@code https://192.168.1.10:8443/t}), or empty
 */
public record TicketSlip(String officeName, String serviceVi, String serviceEn, String ticketNumber,
                         String priority, int peopleAhead, Duration estimatedWait, Instant issuedAt,
                         String qrUrl, String phoneCode, String phoneEntry) {

    static final int MAX_TEXT = 120;
    static final int MAX_NUMBER = 8;
    static final int MAX_URL = 400;

    public TicketSlip {
        officeName = bounded("officeName", officeName, MAX_TEXT);
        serviceVi = bounded("serviceVi", serviceVi, MAX_TEXT);
        serviceEn = bounded("serviceEn", serviceEn, MAX_TEXT);
        ticketNumber = bounded("ticketNumber", ticketNumber, MAX_NUMBER);
        qrUrl = bounded("qrUrl", qrUrl, MAX_URL);
        phoneCode = bounded("phoneCode", phoneCode, MAX_NUMBER);
        phoneEntry = bounded("phoneEntry", phoneEntry, MAX_URL);
        if (!priority.matches("[A-Z_]{0,24}")) {
            throw new IllegalArgumentException("priority: expected a kind such as ELDERLY, or empty");
        }
        if (ticketNumber.isBlank()) {
            throw new IllegalArgumentException("ticketNumber is blank");
        }
        if (peopleAhead < 0) {
            throw new IllegalArgumentException("peopleAhead < 0: " + peopleAhead);
        }
        Objects.requireNonNull(estimatedWait, "estimatedWait");
        if (estimatedWait.isNegative()) {
            throw new IllegalArgumentException("estimatedWait is negative");
        }
        Objects.requireNonNull(issuedAt, "issuedAt");
    }

    /** A ticket without a phone page code. */
    public TicketSlip(String officeName, String serviceVi, String serviceEn, String ticketNumber, String priority,
                      int peopleAhead, Duration estimatedWait, Instant issuedAt, String qrUrl) {
        this(officeName, serviceVi, serviceEn, ticketNumber, priority, peopleAhead, estimatedWait, issuedAt, qrUrl, "", "");
    }

    public boolean isPriority() {
        return !priority.isEmpty();
    }

    private static String bounded(String name, String value, int max) {
        Objects.requireNonNull(value, name);
        if (value.length() > max) {
            throw new IllegalArgumentException(name + " longer than " + max + " characters");
        }
        for (int i = 0; i < value.length(); i++) {
            if (Character.isISOControl(value.charAt(i))) {
                throw new IllegalArgumentException(name + " contains a control character at " + i);
            }
        }
        return value;
    }
}
