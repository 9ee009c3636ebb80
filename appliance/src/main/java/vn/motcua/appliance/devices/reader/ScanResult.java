package vn.motcua.appliance.devices.reader;

import vn.motcua.appliance.domain.TicketQr;


/**
 * What a scan turned out to be. None of these holds a raw citizen ID number, name or address:
 * a CCCD scan is reduced to what the queue needs before it leaves the parser.
 */
public sealed interface ScanResult {

    /** An appointment-slip / dossier code: look it up and show its status on the kiosk. */
    record Dossier(String code) implements ScanResult {}

    /**
     * A citizen ID card (CCCD) QR, reduced.
     *
     * @param residentKey keyed HMAC of the ID number: links one resident's tickets, cannot be reversed without the key
     * @param birthYear   year of birth
     * @param age         whole years today
     * @param priority    true if the age reaches the configured priority age
     */
    record CitizenId(String residentKey, int birthYear, int age, boolean priority) implements ScanResult {}

    /**
     * The QR printed on one of our tickets (or shown by the kiosk).
     *
     * @param code the whole scanned code, which says the office and day (see {@code TicketQr}); holds no personal data
     */
    record Ticket(String ticketNumber, String code) implements ScanResult {}

    /**
     * A booking's QR ({@code domain.Booking#QR}): the resident checks in with it.
     *
     * @param code the whole scanned text (office, day, booking code; no personal data)
     */
    record Booking(String code) implements ScanResult {}

    /**
     * Not a code we know, or a broken one: the kiosk says "code not recognised".
     *
     * @param reason  why
     * @param preview sanitised, truncated, digit runs masked: safe to log and show
     */
    record Rejected(Reason reason, String preview) implements ScanResult {}

    enum Reason { TOO_LONG, EMPTY, INVALID_UTF8, CONTROL_CHARACTERS, MALFORMED_CITIZEN_ID, NOT_RECOGNISED }
}
