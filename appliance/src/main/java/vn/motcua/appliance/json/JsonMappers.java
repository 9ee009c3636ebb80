package vn.motcua.appliance.json;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.PropertyAccessor;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/**
 * The appliance's JSON mappers, all made here, all alike but for how much they read: ISO-8601 times, records
 * written by their components only (no derived {@code isX()} flags), trailing tokens refused, and the parser
 * bounded (nesting, string and number length) so that no document can make a read run away with memory or stack.
 */
public final class JsonMappers {
    /** From the network (the district, browsers on the LAN): small documents, on top of each route's byte limit. */
    public static final StreamReadConstraints FROM_NETWORK = StreamReadConstraints.builder()
            .maxNestingDepth(16).maxStringLength(8_192).maxNumberLength(32).build();
    /**
     * What this appliance wrote itself (journal, outbox payloads, its state files): an event's payload is one string
     * in a journal record and may be a large day summary, so strings may be longer; still bounded.
     */
    public static final StreamReadConstraints OWN_FILES = StreamReadConstraints.builder()
            .maxNestingDepth(64).maxStringLength(4 * 1024 * 1024).maxNumberLength(64).build();

    private static final ObjectMapper NETWORK = bounded(FROM_NETWORK);
    private static final ObjectMapper FILES = bounded(OWN_FILES);

    private JsonMappers() {}

    /** For documents from the network. */
    public static ObjectMapper network() {
        return NETWORK;
    }

    /** For what this appliance wrote and reads back. */
    public static ObjectMapper ownFiles() {
        return FILES;
    }

    /** A mapper reading within {@code limits}; the two above are the ones the appliance uses. */
    public static ObjectMapper bounded(StreamReadConstraints limits) {
        return JsonMapper.builder(JsonFactory.builder().streamReadConstraints(limits).build())
                .addModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .visibility(PropertyAccessor.IS_GETTER, JsonAutoDetect.Visibility.NONE)
                .build();
    }
}
