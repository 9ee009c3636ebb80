package vn.motcua.tests.bench;

import java.util.Arrays;

/** p50 / p99 of recorded nanosecond samples. */
final class Percentiles {
    private final long[] sorted;

    Percentiles(long[] samples, int count) {
        sorted = Arrays.copyOf(samples, count);
        Arrays.sort(sorted);
    }

    double millis(double p) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        int i = (int) Math.min(sorted.length - 1, Math.ceil(p / 100.0 * sorted.length) - 1);
        return sorted[Math.max(0, i)] / 1e6;
    }
}
