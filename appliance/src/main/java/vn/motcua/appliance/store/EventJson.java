package vn.motcua.appliance.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import vn.motcua.appliance.json.JsonMappers;

/**
 * The one JSON shape for event payloads, the journal and the appliance's own files ({@link JsonMappers#ownFiles()}):
 * ISO-8601 times, record components as fields.
 */
public final class EventJson {
    private static final ObjectMapper MAPPER = JsonMappers.ownFiles();

    private EventJson() {}

    public static ObjectMapper mapper() {
        return MAPPER;
    }

    public static String write(Object payload) {
        try {
            return MAPPER.writeValueAsString(payload);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("event payload not serialisable: " + payload.getClass().getName(), e);
        }
    }
}
