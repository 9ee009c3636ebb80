package vn.motcua.appliance.web.auth;

import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/** Staff logins since start by outcome, for {@code /metrics}. */
public final class LoginCounts {
    /** How a login attempt ended. */
    public enum Outcome {
        /** logged in */
        OK,
        /** wrong name or password, or a malformed attempt */
        REFUSED,
        /** refused unhashed: the (account, source) pair or the source is locked */
        LOCKED,
        /** refused unhashed: too many attempts from the source this minute */
        THROTTLED,
        /** refused unhashed: every hash permit was taken for too long */
        BUSY
    }

    private final Map<Outcome, AtomicLong> counts = new EnumMap<>(Outcome.class);

    public LoginCounts() {
        for (Outcome o : Outcome.values()) {
            counts.put(o, new AtomicLong());
        }
    }

    void add(Outcome o) {
        counts.get(o).incrementAndGet();
    }

    public long get(Outcome o) {
        return counts.get(o).get();
    }
}
