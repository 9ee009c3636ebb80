package vn.motcua.appliance.satellite;

import java.time.Duration;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The master's kiosk state as this satellite last read it, for its touch page (issue 17 item 3: a satellite "shows
 * the kiosk from the master's state"): each service's waiting count, open or why not (in the master's catalogue's
 * words), the priorities the office grants, a closed day. Nothing is worked out here: the satellite has no queue, so
 * every number and word is the master's. Read every {@link #EVERY}; the scheduler only starts a read, which runs on
 * {@code io} (a master slow to answer never holds the scheduler), one at a time. Shown only while the master answers:
 * offline, the page has no state to show, says so, and its buttons refuse.
 */
final class MasterKiosk {
    static final Duration EVERY = Duration.ofSeconds(2);
    private static final Logger log = LoggerFactory.getLogger(MasterKiosk.class);

    private final MasterLink link;
    private final LinkState state;
    private final Executor io;
    private final AtomicBoolean reading = new AtomicBoolean();
    private volatile JsonNode latest;

    MasterKiosk(MasterLink link, LinkState state, Executor io) {
        this.link = link;
        this.state = state;
        this.io = io;
    }

    /** Starts one read of the master's state, unless one is under way or this satellite is not paired. */
    void read() {
        if (!state.paired() || !reading.compareAndSet(false, true)) {
            return;
        }
        try {
            io.execute(() -> {
                try {
                    fetch();
                } finally {
                    reading.set(false);
                }
            });
        } catch (RejectedExecutionException e) { // closing
            reading.set(false);
        }
    }

    private void fetch() {
        try {
            MasterLink.Answer a = link.kioskState();
            if (!a.ok()) {
                log.debug("The master refused its kiosk state: {} {}", a.status(), a.body().path("error").asText());
            }
            latest = a.ok() ? a.body() : null;
        } catch (MasterLink.Unreachable e) {
            latest = null;
            log.debug("Kiosk state not read: {}", e.getMessage());
        }
    }

    /** The master's kiosk state to show now, or null while the master cannot be reached (or before the first read). */
    JsonNode now() {
        return state.paired() && state.online() ? latest : null;
    }
}
