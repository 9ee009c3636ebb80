package vn.motcua.appliance.uplink;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads the district's {@code receipt} ({@code {"v":1,"replayedSeq":N}}, TOPICS.md): the seq of the last replayed
 * event it took in. A malformed one is refused, counted and logged (sanitised), and changes nothing.
 */
public final class ReceiptInbox {
    private static final Logger log = LoggerFactory.getLogger(ReceiptInbox.class);
    static final int MAX_BYTES = 1024;

    private final AtomicLong refused = new AtomicLong();

    /** The receipted seq, or empty when the message was refused. */
    public OptionalLong receive(byte[] payload) {
        try {
            JsonNode n = Json.parseObject(payload, MAX_BYTES);
            if (n.path("v").asInt(-1) != 1) {
                throw new BadMessageException("unsupported receipt schema 'v' (expected 1)");
            }
            JsonNode seq = n.get("replayedSeq");
            if (seq == null || !seq.isIntegralNumber() || !seq.canConvertToLong() || seq.asLong() < 1) {
                throw new BadMessageException("receipt 'replayedSeq' missing or not a whole number >= 1");
            }
            return OptionalLong.of(seq.asLong());
        } catch (BadMessageException e) {
            refused.incrementAndGet();
            log.warn("refused a district receipt: {}", Sanitize.forLog(e.getMessage(), 200));
            return OptionalLong.empty();
        }
    }

    public long refusedCount() {
        return refused.get();
    }
}
