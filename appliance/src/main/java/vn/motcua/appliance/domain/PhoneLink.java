package vn.motcua.appliance.domain;

import java.time.LocalDate;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Where a ticket's phone page is: {@code <base>/t/<day>/<number>/<key>}, the base being the LAN listener's address as
 * the office's phones reach it ({@code [web.phone] base_url}). The day is in the link so that yesterday's ticket gets
 * "this ticket is finished", not "unknown"; the key ({@link TicketKeys}) is what makes it the resident's alone.
 */
public record PhoneLink(String baseUrl, TicketKeys keys) {
    /** A phone page link, as the reader recognises it on a scanned ticket (any base: the office may have renamed it). */
    public static final Pattern CODE = Pattern.compile("https://[^\\s/?#]{1,200}/t/(?<date>\\d{4}-\\d{2}-\\d{2})/"
            + "(?<ticket>[A-Z]{1,3}\\d{1,4})/(?<key>[A-Za-z0-9_-]{" + TicketKeys.KEY_LENGTH + "})");

    public PhoneLink {
        Objects.requireNonNull(keys, "keys");
        if (!baseUrl.startsWith("https://") || baseUrl.endsWith("/")) {
            throw new IllegalArgumentException("the phone page's base URL is https://host[:port] without a final slash");
        }
    }

    /** The path of ticket {@code number}'s page of {@code day}, without the base. */
    public String path(LocalDate day, String number) {
        return "/t/" + day + "/" + number + "/" + keys.key(day, number);
    }

    public String url(LocalDate day, String number) {
        return baseUrl + path(day, number);
    }
}
