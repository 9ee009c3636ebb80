package vn.motcua.appliance.domain;

import vn.motcua.bus.bench.Percentiles;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalTime;
import java.util.Arrays;
import java.util.function.LongSupplier;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Plain-harness figures for the engine, off unless {@code -Dmotcua.bench=true}: the cost of one command in a busy
 * day, and of rebuilding an engine from its snapshot (what the appliance does at boot and after a failed commit),
 * measured side by side in one run. Not a test of speed: nothing here asserts a time.
 *
 * <p>Run: {@code . tools/java-home.sh && ./mvnw -B -q -pl appliance -am test -Dtest=EngineBenchmark
 * -Dsurefire.failIfNoSpecifiedTests=false -Dmotcua.bench=true}
 */
@EnabledIfSystemProperty(named = "motcua.bench", matches = "true")
class EngineBenchmark {
    private static final int TICKETS = 900;
    private static final int ROUNDS = 7;

    @Test
    void commandAndRestoreCosts() {
        long[] lifecycle = new long[TICKETS * ROUNDS];
        long[] restore = new long[ROUNDS * 20];
        long[] snapshot = new long[ROUNDS * 20];
        int li = 0;
        int ri = 0;
        for (int round = 0; round < ROUNDS; round++) {
            TestClock clock = Office.clockAt(Office.MONDAY.atTime(7, 30));
            QueueEngine e = QueueEngine.fresh(Office.layout(LocalTime.of(4, 0), 20), clock);
            e.openCounter(1, "s1");
            e.openCounter(2, "s2");
            for (int i = 0; i < TICKETS; i++) {
                clock.advance(java.time.Duration.ofSeconds(10));
                int counter = 1 + i % 2;
                // One ticket's life: issue, call (finishing the previous one), start.
                lifecycle[li++] = time(() -> {
                    e.issueTicket("chungthuc", Priority.NORMAL, null);
                    e.callNext(counter);
                    return e.startService(counter).events().size();
                });
            }
            for (int k = 0; k < 20; k++) {
                QueueSnapshot[] s = new QueueSnapshot[1];
                snapshot[ri] = time(() -> (s[0] = e.snapshot()).tickets().size());
                restore[ri++] = time(() -> new QueueEngine(e.layout(), clock, s[0]).tickets().size());
            }
            assertEquals(TICKETS, e.tickets().size());
        }
        // The first round warms the JIT: report the others.
        report("issue+call+start, day with up to " + TICKETS + " tickets", Arrays.copyOfRange(lifecycle, TICKETS, li));
        report("snapshot() of " + TICKETS + " tickets", Arrays.copyOfRange(snapshot, 20, ri));
        report("new QueueEngine(snapshot of " + TICKETS + " tickets)", Arrays.copyOfRange(restore, 20, ri));
    }

    private static long time(LongSupplier work) {
        long t0 = System.nanoTime();
        long sink = work.getAsLong();
        long t = System.nanoTime() - t0;
        return sink < 0 ? -t : t;
    }

    private static void report(String what, long[] nanos) {
        Percentiles s = Percentiles.of(nanos);
        System.out.printf("BENCH %-50s n=%d p50=%.1f us p99=%.1f us%n", what, s.n(), s.p50() / 1000.0,
                s.p99() / 1000.0);
    }
}
