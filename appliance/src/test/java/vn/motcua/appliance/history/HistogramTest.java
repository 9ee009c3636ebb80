package vn.motcua.appliance.history;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

class HistogramTest {

    @Test
    void aDurationFallsInTheFirstBucketWhoseUpperBoundHoldsIt() {
        assertEquals(0, Histogram.bucketOf(0));
        assertEquals(0, Histogram.bucketOf(30));
        assertEquals(1, Histogram.bucketOf(31));
        assertEquals(7, Histogram.bucketOf(900));
        assertEquals(15, Histogram.bucketOf(14_400));
        assertEquals(16, Histogram.bucketOf(14_401), "past four hours: the last bucket");
        assertEquals(16, Histogram.bucketOf(Long.MAX_VALUE));
    }

    @Test
    void keepsExactCountSumAndMaximumAndNeverANegativeDuration() {
        Histogram h = Histogram.EMPTY.plus(10).plus(45).plus(4000).plus(-5);
        assertEquals(4, h.count());
        assertEquals(4055, h.sum(), "a negative duration (clock stepped back) counts as 0");
        assertEquals(4000, h.max());
        assertEquals(1014, h.average());
        int[] b = h.buckets();
        assertEquals(2, b[0]);
        assertEquals(1, b[1]);
        assertEquals(1, b[12]);
        assertEquals(0, Histogram.EMPTY.average());
        assertEquals(0, Histogram.EMPTY.percentile(0.5));
    }

    @Test
    void mergingIsTheSameAsAddingEveryDurationToOne() {
        Random rnd = new Random(3);
        Histogram a = Histogram.EMPTY;
        Histogram b = Histogram.EMPTY;
        Histogram all = Histogram.EMPTY;
        for (int i = 0; i < 500; i++) {
            long s = rnd.nextLong(20_000);
            all = all.plus(s);
            if (i % 3 == 0) {
                a = a.plus(s);
            } else {
                b = b.plus(s);
            }
        }
        assertEquals(all, a.plus(b));
        assertEquals(all, b.plus(a));
        assertEquals(all, all.plus(Histogram.EMPTY));
    }

    @Test
    void percentilesAreTheNearestRankValuesBucketMappedAndCappedAtTheMaximum() {
        Random rnd = new Random(11);
        for (int round = 0; round < 200; round++) {
            int n = 1 + rnd.nextInt(60);
            List<Long> raw = new ArrayList<>();
            Histogram h = Histogram.EMPTY;
            for (int i = 0; i < n; i++) {
                long s = rnd.nextInt(4) == 0 ? rnd.nextLong(20_000) : rnd.nextLong(1_500);
                raw.add(s);
                h = h.plus(s);
            }
            for (double p : new double[] {0.01, 0.5, 0.9, 0.99, 1.0}) {
                assertEquals(IndependentFigures.percentile(raw, p), h.percentile(p), "p" + p + " of " + raw);
            }
        }
    }

    @Test
    void aPercentileIsTheBucketBoundOrTheMaximumWhenThatIsLower() {
        Histogram h = Histogram.EMPTY.plus(100).plus(200).plus(250);
        assertEquals(120, h.percentile(0.3), "rank 1: 100, in the bucket up to 120 s");
        assertEquals(250, h.percentile(0.34), "rank 2: 200, in the bucket up to 300 s, capped at the longest, 250");
        assertEquals(250, h.percentile(1.0));
        Histogram long_ = Histogram.EMPTY.plus(20_000).plus(30_000);
        assertEquals(30_000, long_.percentile(0.5), "the last bucket has no bound: the maximum");
    }

    @Test
    void encodedBucketsComeBackTheSame() {
        Histogram h = Histogram.EMPTY.plus(5).plus(700).plus(700).plus(20_000);
        Histogram back = Histogram.decode(h.encoded(), h.sum(), h.max());
        assertEquals(h, back);
        assertEquals("1,0,0,0,0,0,0,2,0,0,0,0,0,0,0,0,1", h.encoded(), "700 s: the bucket up to 900 s");
        assertEquals("", Histogram.EMPTY.encoded());
        assertEquals(Histogram.EMPTY, Histogram.decode("", 0, 0));
        assertEquals("0,1", Histogram.EMPTY.plus(50).encoded(), "trailing empty buckets left out");
        assertArrayEquals(Histogram.EMPTY.plus(50).buckets(), Histogram.decode("0,1", 50, 50).buckets());
    }

    @Test
    void garbageIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> Histogram.decode("1,x", 1, 1));
        assertThrows(IllegalArgumentException.class, () -> Histogram.decode("1,,2", 1, 1));
        assertThrows(IllegalArgumentException.class, () -> Histogram.decode("1,-2", 1, 1));
        assertThrows(IllegalArgumentException.class, () -> Histogram.decode("0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,1", 1, 1));
        assertThrows(IllegalArgumentException.class, () -> Histogram.decode("1", -1, 1));
        assertThrows(IllegalArgumentException.class, () -> Histogram.decode("1", 1, -1));
        assertThrows(IllegalArgumentException.class, () -> Histogram.of(new int[] {-1}, 0, 0));
    }
}
