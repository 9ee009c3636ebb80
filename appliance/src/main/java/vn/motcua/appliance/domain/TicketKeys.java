package vn.motcua.appliance.domain;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Base64;
import java.util.Locale;
import java.util.Objects;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The unguessable key of one ticket's phone page, and the short code printed beside it: both a pure function of the
 * office's secret, the office, the business day and the number (HMAC-SHA-256 over {@code office|day|number}), so
 * nothing is stored per ticket, the reader recognises a scanned link by comparing it with the one it would print, and
 * a link of another day or another office never matches. The key is the first 128 bits (22 characters base64url),
 * beyond any walking of numbers; the short code is 6 characters of {@link #ALPHABET} (31^6, about 887 million) from
 * the next bits, short enough to type on a phone and only accepted with the ticket's number, under a per-source limit
 * on misses (the web's {@code MissesPerMinute}). Keys are compared in constant time.
 */
public final class TicketKeys {
    /** Letters and digits a resident cannot misread on paper: no 0/O, 1/I/L. */
    public static final String ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";
    public static final int KEY_LENGTH = 22;
    public static final int SHORT_CODE_LENGTH = 6;
    private static final String DOMAIN = "motcua-phone-v1"; // another use of the same secret can never give the same bits

    private final SecretKeySpec secret;
    private final String office;

    /** @param secret the office's secret, at least 32 bytes ({@code phone.key} in the data folder) */
    public TicketKeys(byte[] secret, String office) {
        if (secret.length < 32) {
            throw new IllegalArgumentException("the phone page's secret must be at least 32 bytes");
        }
        this.secret = new SecretKeySpec(secret.clone(), "HmacSHA256");
        this.office = Objects.requireNonNull(office, "office");
    }

    /** The key in ticket {@code number}'s link of {@code day}. */
    public String key(LocalDate day, String number) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(Arrays.copyOf(mac(day, number), 16));
    }

    /** The short code printed on ticket {@code number} of {@code day}, e.g. {@code 7KQM4P}. */
    public String shortCode(LocalDate day, String number) {
        byte[] h = mac(day, number);
        long bits = 0;
        for (int i = 16; i < 24; i++) {
            bits = (bits << 8) | (h[i] & 0xFF);
        }
        // 64 bits reduced to 6 base-31 digits: the bias of the last reduction is below 2^-34, far under any guessing
        char[] out = new char[SHORT_CODE_LENGTH];
        for (int i = 0; i < SHORT_CODE_LENGTH; i++) {
            out[i] = ALPHABET.charAt((int) Long.remainderUnsigned(bits, ALPHABET.length()));
            bits = Long.divideUnsigned(bits, ALPHABET.length());
        }
        return new String(out);
    }

    /** Whether {@code key} is ticket {@code number}'s key of {@code day}, compared in constant time. */
    public boolean keyMatches(LocalDate day, String number, String key) {
        return same(key(day, number), key);
    }

    /** Whether a typed short code (any case, spaces and dashes ignored) is ticket {@code number}'s of {@code day}. */
    public boolean shortCodeMatches(LocalDate day, String number, String typed) {
        return same(shortCode(day, number), normalise(typed));
    }

    /** The short code as printed: two groups of three, {@code 7KQ-M4P}, easier to read out and type. */
    public static String printed(String shortCode) {
        return shortCode.substring(0, 3) + "-" + shortCode.substring(3);
    }

    /** A typed code as compared: capitals, without spaces and dashes. */
    public static String normalise(String typed) {
        return typed.replaceAll("[\\s\\-.]", "").toUpperCase(Locale.ROOT);
    }

    private static boolean same(String expected, String given) {
        return MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII), given.getBytes(StandardCharsets.US_ASCII));
    }

    private byte[] mac(LocalDate day, String number) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(secret);
            return mac.doFinal((DOMAIN + "|" + office + "|" + day + "|" + number).getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }
}
