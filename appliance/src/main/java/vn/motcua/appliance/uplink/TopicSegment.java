package vn.motcua.appliance.uplink;

import java.util.regex.Pattern;

/**
 * Validates one MQTT topic level built from config or input. A district, office, device or event
 * type must never smuggle in a wildcard ({@code +}, {@code #}), a level separator ({@code /}) or a
 * control character: a device id of {@code "x/#"} would otherwise subscribe this office to every
 * other office's commands.
 */
public final class TopicSegment {
    /** Letters, digits, dot, dash, underscore; 1..64 chars. Narrower than MQTT allows, on purpose. */
    private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9._-]{1,64}");

    private TopicSegment() {}

    /** Returns {@code value} if it is a safe topic level, else throws with a message a technician understands. */
    public static String require(String what, String value) {
        if (value == null || value.isEmpty()) {
            throw new IllegalArgumentException(what + " must not be empty");
        }
        if (!SAFE.matcher(value).matches()) {
            throw new IllegalArgumentException(what + " '" + Sanitize.forLog(value, 40)
                    + "' may only hold letters, digits, '.', '-', '_' (max 64), never '+', '#', '/' or control characters");
        }
        return value;
    }

    public static boolean isSafe(String value) {
        return value != null && SAFE.matcher(value).matches();
    }
}
