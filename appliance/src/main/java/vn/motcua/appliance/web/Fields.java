package vn.motcua.appliance.web;

import java.util.Locale;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;

/** Reads one field of a JSON body, validated; a bad one becomes a 400 naming the field. */
public final class Fields {
    public static final Pattern CODE = Pattern.compile("[a-z][a-z0-9_-]{0,31}");
    public static final Pattern TICKET_NUMBER = Pattern.compile("[A-Z][0-9]{3,4}");
    /** {@link vn.motcua.appliance.service.ResidentCards}' token: 16 random bytes, base64url. */
    public static final Pattern CARD_TOKEN = Pattern.compile("[A-Za-z0-9_-]{22}");
    public static final Pattern STAFF = Pattern.compile("[A-Za-z0-9._-]{1,64}");

    private Fields() {}

    public static String text(JsonNode body, String field, Pattern pattern, boolean required) {
        JsonNode n = body.get(field);
        if (n == null || n.isNull()) {
            if (required) {
                throw ErrorCatalogue.MISSING_FIELD.error(field);
            }
            return null;
        }
        if (!n.isTextual() || !pattern.matcher(n.textValue()).matches()) {
            throw ErrorCatalogue.BAD_FIELD.errorWithDetail("must match " + pattern.pattern(), field);
        }
        return n.textValue();
    }

    public static int integer(JsonNode body, String field, int min, int max) {
        JsonNode n = body.get(field);
        if (n == null || !n.isIntegralNumber() || !n.canConvertToInt() || n.intValue() < min || n.intValue() > max) {
            throw ErrorCatalogue.BAD_FIELD.errorWithDetail("must be a whole number from " + min + " to " + max, field);
        }
        return n.intValue();
    }

    public static <E extends Enum<E>> E enumValue(JsonNode body, String field, Class<E> type, E fallback) {
        JsonNode n = body.get(field);
        if (n == null || n.isNull()) {
            return fallback;
        }
        if (n.isTextual()) {
            for (E e : type.getEnumConstants()) {
                if (e.name().equals(n.textValue().toUpperCase(Locale.ROOT))) {
                    return e;
                }
            }
        }
        throw ErrorCatalogue.BAD_FIELD.errorWithDetail("must be one of " + java.util.Arrays.toString(type.getEnumConstants()), field);
    }
}
