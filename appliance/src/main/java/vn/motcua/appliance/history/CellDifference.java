package vn.motcua.appliance.history;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.TreeSet;

/** How a day's stored cells differ from the ones recomputed: one short line for a technician, empty when the same. */
public final class CellDifference {
    private static final int SHOWN = 3;

    private CellDifference() {}

    /** The cells whose figures differ (or exist on one side only), the first few named; "" when none. */
    public static String of(List<Cell> stored, List<Cell> recomputed) {
        Map<CellKey, Figures> a = byKey(stored);
        Map<CellKey, Figures> b = byKey(recomputed);
        TreeSet<CellKey> keys = new TreeSet<>(a.keySet());
        keys.addAll(b.keySet());
        List<String> diffs = new ArrayList<>();
        for (CellKey k : keys) {
            Figures s = a.get(k);
            Figures r = b.get(k);
            if (!Objects.equals(s, r)) {
                diffs.add(name(k) + " " + (s == null ? "not stored" : r == null ? "not in the events" : field(s, r)));
            }
        }
        if (diffs.isEmpty()) {
            return "";
        }
        String shown = String.join("; ", diffs.subList(0, Math.min(SHOWN, diffs.size())));
        return diffs.size() + " of " + keys.size() + " cells: " + shown + (diffs.size() > SHOWN ? "; …" : "");
    }

    private static Map<CellKey, Figures> byKey(List<Cell> cells) {
        Map<CellKey, Figures> m = new TreeMap<>();
        cells.forEach(c -> m.merge(c.key(), c.figures(), Figures::plus));
        return m;
    }

    private static String name(CellKey k) {
        return k.service() + "/counter " + k.counter() + "/" + (k.staffId().isEmpty() ? "-" : k.staffId()) + "/"
                + k.hour() + "h";
    }

    /** The first figure that differs, stored → recomputed. */
    private static String field(Figures s, Figures r) {
        Map<String, Object> sm = s.asMap();
        Map<String, Object> rm = r.asMap();
        for (Map.Entry<String, Object> e : sm.entrySet()) {
            if (!Objects.equals(e.getValue(), rm.get(e.getKey()))) {
                return e.getKey() + " " + e.getValue() + " → " + rm.get(e.getKey());
            }
        }
        return "histogram buckets";
    }
}
