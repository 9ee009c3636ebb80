package vn.motcua.appliance.uplink;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import vn.motcua.appliance.json.JsonMappers;

/**
 * The uplink's JSON: inbound documents come from the network, so its mapper is {@link JsonMappers#network()},
 * bounded (nesting, string and number length) on top of the per-topic byte limits.
 */
public final class Json {
    public static final ObjectMapper MAPPER = JsonMappers.network();

    private Json() {}

    public static byte[] bytes(Object value) {
        try {
            return MAPPER.writeValueAsBytes(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise " + value.getClass().getSimpleName(), e);
        }
    }

    /**
     * Parses an inbound payload that must be a JSON object no larger than {@code maxBytes}.
     * Throws {@link BadMessageException} with a reason fit to log and to publish back.
     */
    public static JsonNode parseObject(byte[] payload, int maxBytes) {
        if (payload.length > maxBytes) {
            throw new BadMessageException("payload of " + payload.length + " bytes exceeds the limit of " + maxBytes);
        }
        JsonNode n;
        try {
            n = MAPPER.readTree(payload);
        } catch (com.fasterxml.jackson.core.JacksonException e) {
            throw new BadMessageException("not valid JSON: " + Sanitize.forLog(e.getOriginalMessage(), 100));
        } catch (java.io.IOException e) {
            throw new BadMessageException("not valid JSON: " + Sanitize.forLog(e.getMessage(), 100));
        }
        if (n == null || !n.isObject()) {
            throw new BadMessageException("payload must be a JSON object");
        }
        return n;
    }

    /** A required text field, bounded and without control characters. */
    public static String text(JsonNode n, String field, int maxLen) {
        JsonNode v = n.get(field);
        if (v == null || !v.isTextual()) {
            throw new BadMessageException("field '" + field + "' missing or not text");
        }
        String s = v.asText();
        if (s.length() > maxLen || s.chars().anyMatch(c -> Character.isISOControl(c) && c != '\n')) {
            throw new BadMessageException("field '" + field + "' too long or holds control characters");
        }
        return s;
    }

    /** An optional text field (null when absent), same bounds as {@link #text}. */
    public static String optText(JsonNode n, String field, int maxLen) {
        JsonNode v = n.get(field);
        return v == null || v.isNull() ? null : text(n, field, maxLen);
    }
}
