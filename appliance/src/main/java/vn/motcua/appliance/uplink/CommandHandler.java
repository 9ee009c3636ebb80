package vn.motcua.appliance.uplink;

import java.time.Instant;

/**
 * Port the appliance implements (queue engine / hall display): commands from the district server.
 * Called on the scheduler after the uplink validated the envelope, dropped duplicates by id and
 * expired ones. Each returns quickly; a refusal must change nothing. (Resync is handled by the uplink.)
 */
public interface CommandHandler {

    /** Ends today's queue now (e.g. office closing early): waiting tickets are closed as the domain rules say. */
    Outcome resetQueue(String reason);

    /** Shows a message on the hall display until {@code until} (null = until replaced); empty texts clear it. */
    Outcome hallMessage(String textVi, String textEn, Instant until);
}
