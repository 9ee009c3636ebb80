package vn.motcua.appliance.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;

/** Every mapper reads bounded: tight for the network, wider (a journal's day summary) for the appliance's own files. */
class JsonMappersTest {
    private static String nested(int depth) {
        return "[".repeat(depth) + "]".repeat(depth);
    }

    private static String longString(int chars) {
        return "{\"s\":\"" + "a".repeat(chars) + "\"}";
    }

    @Test
    void fromTheNetworkDeepOrLongDocumentsAreRefused() throws Exception {
        JsonMappers.network().readTree(nested(16));
        assertThrows(StreamConstraintsException.class, () -> JsonMappers.network().readTree(nested(17)));
        JsonMappers.network().readTree(longString(8_192));
        assertThrows(StreamConstraintsException.class, () -> JsonMappers.network().readTree(longString(8_193)));
        assertThrows(StreamConstraintsException.class, () -> JsonMappers.network().readTree("[" + "9".repeat(33) + "]"));
        assertThrows(MismatchedInputException.class, () -> JsonMappers.network().readTree("{} {}"), "trailing tokens");
    }

    @Test
    void theAppliancesOwnFilesMayHoldLongerStringsButAreStillBounded() throws Exception {
        assertEquals(200_000, JsonMappers.ownFiles().readTree(longString(200_000)).get("s").asText().length());
        JsonMappers.ownFiles().readTree(nested(64));
        assertThrows(StreamConstraintsException.class, () -> JsonMappers.ownFiles().readTree(nested(65)));
    }

    @Test
    void bothWriteTheSameShape() throws Exception {
        record Seen(Instant at) {
            public boolean isLate() {
                return true; // derived: must not be written
            }
        }
        Map<String, Seen> value = Map.of("seen", new Seen(Instant.parse("2026-03-02T08:00:00Z")));
        String expected = "{\"seen\":{\"at\":\"2026-03-02T08:00:00Z\"}}";
        assertEquals(expected, JsonMappers.network().writeValueAsString(value));
        assertEquals(expected, JsonMappers.ownFiles().writeValueAsString(value));
    }
}
