package vn.motcua.appliance.history;

import java.util.Arrays;

/**
 * Durations (whole seconds) in fixed buckets, with their exact count, sum and maximum: what a day keeps of its waits
 * and service times, small enough for years of days, and mergeable over any range (a percentile of a month cannot be
 * made from the days' percentiles, but it can from their buckets).
 *
 * <p>A percentile is nearest-rank: the bucket holding the value of rank ⌈p·count⌉, reported as that bucket's upper
 * bound, never above the exact maximum. So a p90 of "≤ 15 min" is exact to the bucket; the buckets are finer where
 * waits usually are (minutes) and coarser past an hour. Immutable.
 */
public final class Histogram {
    /** Upper bounds in seconds of every bucket but the last, which holds everything longer. */
    public static final int[] BOUNDS = {30, 60, 120, 180, 300, 450, 600, 900, 1200, 1800, 2700, 3600, 5400, 7200,
            10800, 14400};
    public static final Histogram EMPTY = new Histogram(new int[BOUNDS.length + 1], 0, 0);

    private final int[] buckets;
    private final long sum;
    private final int max;

    private Histogram(int[] buckets, long sum, int max) {
        this.buckets = buckets;
        this.sum = sum;
        this.max = max;
    }

    /** From stored parts; {@code buckets} may be shorter than the full set (trailing zeros left out). */
    public static Histogram of(int[] buckets, long sum, int max) {
        if (buckets.length > BOUNDS.length + 1) {
            throw new IllegalArgumentException("histogram with " + buckets.length + " buckets, at most " + (BOUNDS.length + 1));
        }
        for (int b : buckets) {
            if (b < 0) {
                throw new IllegalArgumentException("negative bucket count");
            }
        }
        if (sum < 0 || max < 0) {
            throw new IllegalArgumentException("negative sum or maximum");
        }
        return new Histogram(Arrays.copyOf(buckets, BOUNDS.length + 1), sum, max);
    }

    /** The bucket a duration falls in. */
    public static int bucketOf(long seconds) {
        for (int i = 0; i < BOUNDS.length; i++) {
            if (seconds <= BOUNDS[i]) {
                return i;
            }
        }
        return BOUNDS.length;
    }

    public Histogram plus(long seconds) {
        long s = Math.max(0, seconds);
        int[] b = buckets.clone();
        b[bucketOf(s)]++;
        return new Histogram(b, sum + s, (int) Math.max(max, Math.min(Integer.MAX_VALUE, s)));
    }

    public Histogram plus(Histogram other) {
        int[] b = buckets.clone();
        for (int i = 0; i < b.length; i++) {
            b[i] += other.buckets[i];
        }
        return new Histogram(b, sum + other.sum, Math.max(max, other.max));
    }

    public int count() {
        return Arrays.stream(buckets).sum();
    }

    public long sum() {
        return sum;
    }

    public int max() {
        return max;
    }

    /** The bucket counts, every bucket (a copy). */
    public int[] buckets() {
        return buckets.clone();
    }

    /** Rounded mean in seconds; 0 when empty (a page shows "—" by {@link #count()}). */
    public long average() {
        int n = count();
        return n == 0 ? 0 : Math.round((double) sum / n);
    }

    /** Nearest-rank percentile, {@code 0 < p <= 1}, as the holding bucket's upper bound capped at the maximum. */
    public int percentile(double p) {
        int n = count();
        if (n == 0) {
            return 0;
        }
        long rank = Math.max(1, (long) Math.ceil(p * n));
        long seen = 0;
        for (int i = 0; i < buckets.length; i++) {
            seen += buckets[i];
            if (seen >= rank) {
                return i < BOUNDS.length ? Math.min(BOUNDS[i], max) : max;
            }
        }
        return max;
    }

    /** Bucket counts as stored: comma-separated, trailing empty buckets left out ("" when empty). */
    public String encoded() {
        int last = buckets.length;
        while (last > 0 && buckets[last - 1] == 0) {
            last--;
        }
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < last; i++) {
            if (i > 0) {
                s.append(',');
            }
            s.append(buckets[i]);
        }
        return s.toString();
    }

    /** The inverse of {@link #encoded()}; throws {@link IllegalArgumentException} on anything else. */
    public static Histogram decode(String buckets, long sum, int max) {
        if (buckets.isEmpty()) {
            return of(new int[0], sum, max);
        }
        String[] parts = buckets.split(",", -1);
        int[] b = new int[parts.length];
        for (int i = 0; i < parts.length; i++) {
            b[i] = Integer.parseInt(parts[i]);
        }
        return of(b, sum, max);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Histogram h && sum == h.sum && max == h.max && Arrays.equals(buckets, h.buckets);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(buckets) * 31 + Long.hashCode(sum) + max;
    }

    @Override
    public String toString() {
        return "Histogram[" + encoded() + " sum=" + sum + " max=" + max + "]";
    }
}
