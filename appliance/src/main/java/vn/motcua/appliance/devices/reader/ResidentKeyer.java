package vn.motcua.appliance.devices.reader;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Keyed hash (HMAC-SHA-256, first 128 bits, base64url) of a citizen ID number: the same resident gets
 * the same key on every scan at this office, and nobody without the office's secret can test a
 * guessed ID against it (a plain hash of a 12-digit number is reversed by brute force in minutes).
 */
public final class ResidentKeyer {
    private final SecretKeySpec key;

    public ResidentKeyer(byte[] secret) {
        if (secret.length < 32) {
            throw new IllegalArgumentException("resident key secret must be at least 32 bytes");
        }
        this.key = new SecretKeySpec(secret.clone(), "HmacSHA256");
    }

    public String keyOf(String idNumber) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            byte[] h = mac.doFinal(("cccd:" + idNumber).getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(java.util.Arrays.copyOf(h, 16));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }
}
