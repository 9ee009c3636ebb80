package vn.motcua.bus.bench;

import java.util.Arrays;
import java.util.Collection;

/**
 * Nearest-rank percentiles of a sample, in the sample's own unit: the one percentile of every benchmark and
 * latency test (shared through firmware-bridge's test-jar). Nearest rank, not interpolation: the p99 reported is
 * a latency some request really had.
 */
public final class Percentiles {
    private final double[] sorted;

    private Percentiles(double[] sorted) {
        if (sorted.length == 0) {
            throw new IllegalArgumentException("no samples");
        }
        this.sorted = sorted;
    }

    public static Percentiles of(double[] samples) {
        double[] s = samples.clone();
        Arrays.sort(s);
        return new Percentiles(s);
    }

    public static Percentiles of(long[] samples) {
        return of(Arrays.stream(samples).asDoubleStream().toArray());
    }

    public static Percentiles of(Collection<? extends Number> samples) {
        return of(samples.stream().mapToDouble(Number::doubleValue).toArray());
    }

    /** The smallest sample that at least {@code percent} % of the samples are at or below. */
    public double at(double percent) {
        int i = (int) Math.ceil(percent / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, i))];
    }

    public double p50() {
        return at(50);
    }

    public double p99() {
        return at(99);
    }

    public double max() {
        return sorted[sorted.length - 1];
    }

    public int n() {
        return sorted.length;
    }
}
