package vn.motcua.retry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class BackoffTest {
    @Test
    void doublesFromInitialUpToTheCapWithTheLowestJitter() {
        Backoff b = new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(10), () -> 0.0);
        List<Long> ms = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            ms.add(b.next().toMillis());
        }
        assertEquals(List.of(500L, 1000L, 2000L, 4000L, 5000L, 5000L, 5000L), ms, "half of 1,2,4,8,10,10,10 s");
    }

    @Test
    void jitterStaysWithinHalfToFullOfTheStepAndResetStartsOver() {
        Random r = new Random(42);
        Backoff b = new Backoff(Duration.ofMillis(200), Duration.ofSeconds(60), r::nextDouble);
        for (int i = 0; i < 40; i++) {
            long ceiling = Math.min(60_000, 200L << Math.min(i, 20));
            long d = b.next().toMillis();
            assertTrue(d >= ceiling / 2 && d <= ceiling, "attempt " + i + ": " + d);
        }
        b.reset();
        assertTrue(b.next().toMillis() <= 200);
    }

    @Test
    void manyOfficesDoNotAllRetryInTheSameSecond() {
        Random r = new Random(7);
        long[] firstRetry = new long[300];
        for (int i = 0; i < firstRetry.length; i++) {
            Backoff b = new Backoff(Duration.ofSeconds(8), Duration.ofMinutes(5), r::nextDouble);
            firstRetry[i] = b.next().toMillis() / 1000;
        }
        long distinctSeconds = java.util.Arrays.stream(firstRetry).distinct().count();
        assertTrue(distinctSeconds >= 4, "300 offices spread over " + distinctSeconds + " seconds");
    }
}
