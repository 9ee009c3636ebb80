package vn.motcua.appliance.web.paired;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * A paired screen's token: 256 random bits (base64url, 43 characters), given to the screen once in its cookie. The
 * store keeps only its SHA-256: a random 256-bit secret needs no slow hash (nothing to guess a dictionary of), and a
 * stolen database then names no working token.
 */
final class ScreenTokens {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Pattern SHAPE = Pattern.compile("[A-Za-z0-9_-]{43}");

    private ScreenTokens() {}

    /** A new secret: a screen's token, or a pairing claim. */
    static String fresh() {
        byte[] b = new byte[32];
        RANDOM.nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }

    /** Whether {@code text} could be a token at all (checked before hashing what a browser sent). */
    static boolean wellFormed(String text) {
        return text != null && SHAPE.matcher(text).matches();
    }

    /** The hex SHA-256 of a token: what the store holds and looks up. */
    static String hash(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("no SHA-256 in this JDK", e);
        }
    }
}
