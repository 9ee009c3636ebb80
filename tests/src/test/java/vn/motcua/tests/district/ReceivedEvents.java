package vn.motcua.tests.district;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What the district server keeps per device: events by seq after dropping duplicates by id,
 * with the checks a real server makes: the same seq never carries two ids, the same id never two
 * seqs, live (non-replayed) events arrive in seq order, and the seqs form 1..n without a gap.
 */
public final class ReceivedEvents {
    /** One received event, as the server stores it. */
    public record Event(long seq, String id, String type, boolean replayed, String json) {}

    private final TreeMap<Long, Event> bySeq = new TreeMap<>();
    private final Map<String, Long> idToSeq = new HashMap<>();
    private final List<String> violations = new ArrayList<>();
    private long duplicates;
    private long received;
    private long lastLiveSeq;

    synchronized void add(Event e) {
        received++;
        Long knownSeq = idToSeq.get(e.id());
        if (knownSeq != null) {
            duplicates++;
            if (knownSeq != e.seq()) {
                violations.add("id " + e.id() + " came with seq " + knownSeq + " and " + e.seq());
            }
            return;
        }
        Event other = bySeq.get(e.seq());
        if (other != null) {
            violations.add("seq " + e.seq() + " came with ids " + other.id() + " and " + e.id());
            return;
        }
        idToSeq.put(e.id(), e.seq());
        bySeq.put(e.seq(), e);
        if (!e.replayed()) {
            if (e.seq() < lastLiveSeq) {
                violations.add("live seq " + e.seq() + " after live seq " + lastLiveSeq);
            }
            lastLiveSeq = e.seq();
        }
    }

    /** Distinct events held. */
    public synchronized int distinct() { return bySeq.size(); }

    public synchronized long duplicates() { return duplicates; }

    public synchronized long received() { return received; }

    /** Seqs missing between 1 and the highest seen. */
    public synchronized List<Long> gaps() {
        List<Long> gaps = new ArrayList<>();
        long expect = 1;
        for (long s : bySeq.keySet()) {
            for (; expect < s && gaps.size() < 100; expect++) {
                gaps.add(expect);
            }
            expect = s + 1;
        }
        return gaps;
    }

    public synchronized List<String> violations() { return List.copyOf(violations); }

    public synchronized List<Event> inSeqOrder() { return List.copyOf(bySeq.values()); }

    public synchronized long replayedCount() {
        return bySeq.values().stream().filter(Event::replayed).count();
    }
}
