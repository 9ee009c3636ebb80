package vn.motcua.appliance.web.phone;

import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/** What the phone page answered since start, for {@code motcua_phone_requests_total{outcome}} on /metrics. */
public final class PhoneCounts {
    /** A page or state served; a finished ticket's page; a wrong link or code; a source over its misses. */
    public enum Outcome { SERVED, FINISHED, UNKNOWN, THROTTLED }

    private final Map<Outcome, AtomicLong> counts = new EnumMap<>(Outcome.class);

    public PhoneCounts() {
        for (Outcome o : Outcome.values()) {
            counts.put(o, new AtomicLong());
        }
    }

    void count(Outcome o) {
        counts.get(o).incrementAndGet();
    }

    public long get(Outcome o) {
        return counts.get(o).get();
    }
}
