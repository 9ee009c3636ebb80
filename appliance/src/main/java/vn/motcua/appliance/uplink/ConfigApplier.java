package vn.motcua.appliance.uplink;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Port the appliance implements (config package + store): takes an office config pushed by the
 * district server. The uplink has already checked the envelope (size, JSON, {@code v}, {@code version},
 * section kinds); this port does the domain checks.
 */
public interface ConfigApplier {

    /** Version of the config now in force (persisted), or null if the office has none from the server yet. */
    String currentVersion();

    /**
     * Validates {@code config} completely and, only if it is valid, applies it atomically and
     * persists it (one transaction), so a power cut leaves either the old or the new config.
     * A refusal must change nothing; its reason is published to the server and logged.
     *
     * @param config the whole JSON object: {@code services}, {@code counters}, {@code openingHours}, {@code announcements}
     */
    Outcome apply(String version, JsonNode config);
}
