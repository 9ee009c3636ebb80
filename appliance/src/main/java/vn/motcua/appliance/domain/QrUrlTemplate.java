package vn.motcua.appliance.domain;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The QR code's URL, e.g. the district portal's queue page for this office and ticket:
 * {@code https://portal/hang-doi?don-vi={office}&so={ticket}&ngay={date}}. Placeholders are
 * URL-encoded when filled, so an office id or ticket number cannot break the URL. {@code {ticket}} and
 * {@code {date}} are required; {@code {office}} too when several offices share the portal's address. {@code {key}} is
 * the ticket's phone page key ({@link TicketKeys}), for a district portal that shows the same ticket from outside the
 * office: with it, and the phone page on, the QR carries this URL (see {@link TicketQr}).
 */
public record QrUrlTemplate(String pattern) {
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([a-z]+)}");

    public static QrUrlTemplate parse(String pattern) {
        String p = pattern.strip();
        if (p.isEmpty()) {
            return new QrUrlTemplate("");
        }
        if (!p.startsWith("https://") && !p.startsWith("http://")) {
            throw new IllegalArgumentException("ticket template: qr.url: must start with https:// or http://");
        }
        Matcher m = PLACEHOLDER.matcher(p);
        while (m.find()) {
            String name = m.group(1);
            if (!name.equals("office") && !name.equals("ticket") && !name.equals("date") && !name.equals("key")) {
                throw new IllegalArgumentException("ticket template: qr.url: unknown placeholder {" + name + "}");
            }
        }
        // The kiosk tells today's ticket from another day's by comparing the whole code, so the day must be in it.
        if (!p.contains("{ticket}")) {
            throw new IllegalArgumentException("ticket template: qr.url: must contain {ticket} (the resident's number)");
        }
        if (!p.contains("{date}")) {
            throw new IllegalArgumentException(
                    "ticket template: qr.url: must contain {date}, or yesterday's ticket would scan as today's");
        }
        return new QrUrlTemplate(p);
    }

    /** Whether the URL carries the ticket's phone page key ({@code {key}}). */
    public boolean hasKey() {
        return pattern.contains("{key}");
    }

    /** The URL for one ticket; empty if the office configured no QR URL. */
    public String expand(String officeId, String ticketNumber, LocalDate date) {
        return expand(officeId, ticketNumber, date, "");
    }

    /** The URL for one ticket, {@code {key}} filled with {@code key}; empty if the office configured no QR URL. */
    public String expand(String officeId, String ticketNumber, LocalDate date, String key) {
        if (pattern.isEmpty()) {
            return "";
        }
        Matcher m = PLACEHOLDER.matcher(pattern);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String v = switch (m.group(1)) {
                case "office" -> officeId;
                case "ticket" -> ticketNumber;
                case "key" -> key;
                default -> date.toString();
            };
            m.appendReplacement(out, Matcher.quoteReplacement(URLEncoder.encode(v, StandardCharsets.UTF_8)));
        }
        m.appendTail(out);
        return out.toString();
    }
}
