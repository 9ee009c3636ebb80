package vn.motcua.appliance.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One appointment the district booked at this office: a resident is expected for {@code service} between
 * {@code slotStart} and {@code slotEnd} of {@code day} (the office's business day, in its zone). No personal data: the
 * district keeps who booked; the office knows the code the resident shows.
 *
 * @param code     what the resident's QR carries and what they can type: letters, digits and '-', 4..24 characters
 * @param priority the priority the district granted with the booking ({@link Priority#NORMAL} if none)
 */
public record Booking(String code, LocalDate day, String service, Instant slotStart, Instant slotEnd, Priority priority) {
    /** A booking code: upper-case letters and digits, '-' inside; what the kiosk's keyboard can type. */
    public static final Pattern CODE = Pattern.compile("[A-Z0-9][A-Z0-9-]{2,22}[A-Z0-9]");
    /**
     * The booking's QR, as the district prints it on the confirmation (paper or phone):
     * {@code MCBK1:{office}:{yyyy-mm-dd}:{code}}. The office and day tell another office's or another day's booking
     * without a look-up; under the QR the code alone is printed, for typing.
     */
    public static final Pattern QR = Pattern.compile(
            "MCBK1:(?<office>[A-Za-z0-9._-]{1,64}):(?<day>\\d{4}-\\d{2}-\\d{2}):(?<code>[A-Z0-9][A-Z0-9-]{2,22}[A-Z0-9])");

    public Booking {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(day, "day");
        Objects.requireNonNull(service, "service");
        Objects.requireNonNull(slotStart, "slotStart");
        Objects.requireNonNull(slotEnd, "slotEnd");
        Objects.requireNonNull(priority, "priority");
        if (!CODE.matcher(code).matches()) {
            throw new IllegalArgumentException("booking code is not 4..24 of A-Z, 0-9, '-'");
        }
        if (!slotEnd.isAfter(slotStart)) {
            throw new IllegalArgumentException("slot ends at or before it starts");
        }
    }
}
