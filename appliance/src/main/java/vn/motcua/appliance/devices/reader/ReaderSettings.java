package vn.motcua.appliance.devices.reader;

import java.time.Duration;
import java.util.Arrays;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * How scans are framed and recognised; validated here so a bad config fails at start with the key.
 *
 * @param maxLength        longest scan accepted, in bytes (a CCCD QR is about 150-250 bytes)
 * @param interCharGap     a pause this long ends a scan that had no terminator
 * @param duplicateWindow  the same code again within this window counts once
 * @param dossierPattern   what a dossier / appointment-slip code looks like (whole-string match)
 * @param ticketPattern    what a ticket QR looks like; must have a named group {@code ticket}
 * @param residentKey      HMAC key for linking a resident's tickets (at least 32 bytes, kept secret)
 * @param priorityAge      age from which a CCCD scan marks the resident as a priority (elderly) case
 */
public record ReaderSettings(int maxLength, Duration interCharGap, Duration duplicateWindow,
                             Pattern dossierPattern, Pattern ticketPattern, byte[] residentKey, int priorityAge) {

    /** National dossier code, e.g. {@code 000.00.15.H29-241122-0001} (agency code, yyMMdd, sequence). */
    public static final String DEFAULT_DOSSIER = "\\d{3}\\.\\d{2}\\.\\d{2}\\.[A-Z]\\d{2}-\\d{6}-\\d{4}";
    /** The QR printed on our own tickets (see the ticket template's qr.url). */
    public static final String DEFAULT_TICKET = "https?://[^\\s]{1,200}[?&]so=(?<ticket>[A-Z]{1,3}\\d{1,4})(&[^\\s]{0,200})?";

    public ReaderSettings {
        if (maxLength < 16 || maxLength > 4096) {
            throw new IllegalArgumentException("reader.max_length must be 16..4096, is " + maxLength);
        }
        if (interCharGap.toMillis() < 10 || interCharGap.toMillis() > 2000) {
            throw new IllegalArgumentException("reader.gap_ms must be 10..2000 ms");
        }
        if (duplicateWindow.isNegative() || duplicateWindow.toSeconds() > 600) {
            throw new IllegalArgumentException("reader.duplicate_window_s must be 0..600 s");
        }
        Objects.requireNonNull(dossierPattern, "reader.dossier_pattern");
        if (!ticketPattern.pattern().contains("(?<ticket>")) {
            throw new IllegalArgumentException("reader.ticket_pattern needs a named group (?<ticket>...)");
        }
        if (residentKey == null || residentKey.length < 32) {
            throw new IllegalArgumentException("reader.resident_key_file must hold at least 32 bytes of secret");
        }
        residentKey = residentKey.clone();
        if (priorityAge < 50 || priorityAge > 100) {
            throw new IllegalArgumentException("reader.priority_age must be 50..100");
        }
    }

    public static ReaderSettings defaults(byte[] residentKey) {
        return new ReaderSettings(1024, Duration.ofMillis(80), Duration.ofSeconds(5), Pattern.compile(DEFAULT_DOSSIER),
                Pattern.compile(DEFAULT_TICKET), residentKey, 60);
    }

    @Override
    public byte[] residentKey() {
        return residentKey.clone();
    }

    @Override
    public String toString() { // never print the key
        return "ReaderSettings[maxLength=" + maxLength + ", gap=" + interCharGap + ", dup=" + duplicateWindow
                + ", dossier=" + dossierPattern + ", ticket=" + ticketPattern + ", priorityAge=" + priorityAge + "]";
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ReaderSettings r && r.toString().equals(toString()) && Arrays.equals(r.residentKey, residentKey);
    }

    @Override
    public int hashCode() {
        return toString().hashCode();
    }
}
