package vn.motcua.appliance.config.section;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;

/** The problem line for a key a section does not know, with the nearest known key when one is a likely typo. */
public final class UnknownKey {
    private UnknownKey() {}

    public static String problem(String fullKey, Object value, Collection<String> known) {
        String name = fullKey.substring(fullKey.lastIndexOf('.') + 1);
        List<String> sorted = known.stream().sorted().toList();
        String guess = nearest(name, sorted);
        return ProblemLines.line(fullKey, value, "unknown key (expected one of " + String.join(", ", sorted) + ")"
                + (guess == null ? "" : "; did you mean " + guess + "?"));
    }

    /** The known key at edit distance 1 or 2 (a typo, not a different word), or null. */
    public static String nearest(String name, List<String> known) {
        return known.stream().filter(k -> distance(name, k) <= Math.min(2, k.length() / 3))
                .min(Comparator.comparingInt(k -> distance(name, k))).orElse(null);
    }

    private static int distance(String a, String b) {
        if (Math.abs(a.length() - b.length()) > 2 || a.length() > 64 || b.length() > 64) {
            return 3; // far apart; no need to compute (and no quadratic work on a hostile key)
        }
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }
}
