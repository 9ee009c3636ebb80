package vn.motcua.bus.bench;

import java.util.Arrays;

/** p50 / p99 of a sample, nearest-rank. */
record Percentiles(double p50, double p99, double max, int n) {
    static Percentiles of(double[] samples) {
        double[] s = samples.clone();
        Arrays.sort(s);
        return new Percentiles(rank(s, 0.50), rank(s, 0.99), s[s.length - 1], s.length);
    }

    private static double rank(double[] sorted, double p) {
        int i = (int) Math.ceil(p * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, i))];
    }
}
