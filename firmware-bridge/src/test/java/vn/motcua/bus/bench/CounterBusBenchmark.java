package vn.motcua.bus.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.motcua.bus.Await;
import vn.motcua.bus.BoardStatus;
import vn.motcua.bus.BusConfig;
import vn.motcua.bus.CounterBusListener;
import vn.motcua.bus.CounterBuses;
import vn.motcua.bus.Key;
import vn.motcua.bus.KeyEvent;
import vn.motcua.bus.master.BusMaster;
import vn.motcua.bus.pty.PtyBench;
import vn.motcua.bus.sim.SimulatedBus;

/**
 * Key press to number on the LED board, 32 boards at 115200 baud, two set-ups side by side:
 * the real jSerialComm master against the C firmware simulator on a pty (line rate modelled by
 * the simulator), and the in-memory simulated bus. Printed beside the wire limit as ratios.
 * Off by default (no timed assertions): -Dbench=true, see BENCHMARKS.md.
 */
class CounterBusBenchmark {
    private static final int BOARDS = 32;
    private static final int BAUD = 115_200;
    private static final int PRESSES = Integer.getInteger("bench.presses", 200);

    @TempDir
    Path dir;

    @Test
    void pressToShown() throws Exception {
        Assumptions.assumeTrue(Boolean.getBoolean("bench"), "benchmark: run with -Dbench=true");
        List<Integer> addresses = IntStream.rangeClosed(1, BOARDS).boxed().toList();
        BusConfig config = BusConfig.defaults("pty", addresses);
        Percentiles pty = Percentiles.of(PtyBench.run(dir, config, PRESSES));
        Percentiles mem = inMemory(config);
        WireLimit limit = new WireLimit(BOARDS, BAUD);
        String load = Files.exists(Path.of("/proc/loadavg")) ? Files.readString(Path.of("/proc/loadavg")).trim() : "n/a";
        String report = String.format(Locale.ROOT, """
                counter bus, %d boards, %d baud, %d presses each, press (debounced) -> digits lit
                machine: %d cores, load average %s
                wire limit: cycle %.1f ms; p50 %.1f ms, p99 %.1f ms
                C firmware sim over pty + jSerialComm: p50 %.1f ms (x%.2f of limit), p99 %.1f ms (x%.2f), max %.1f ms
                in-memory SimulatedBus:                p50 %.1f ms (x%.2f of limit), p99 %.1f ms (x%.2f), max %.1f ms
                """, BOARDS, BAUD, PRESSES, Runtime.getRuntime().availableProcessors(), load, limit.cycleMs(), limit.atPercentile(0.5), limit.atPercentile(0.99),
                pty.p50(), pty.p50() / limit.atPercentile(0.5), pty.p99(), pty.p99() / limit.atPercentile(0.99), pty.max(),
                mem.p50(), mem.p50() / limit.atPercentile(0.5), mem.p99(), mem.p99() / limit.atPercentile(0.99), mem.max());
        System.out.println(report);
        Files.writeString(Path.of("target/bench-counter-bus.txt"), report);
    }

    private Percentiles inMemory(BusConfig config) throws InterruptedException {
        SimulatedBus sim = CounterBuses.simulated(config, Clock.systemUTC());
        long[] pressedAt = new long[1];
        double[] samples = new double[PRESSES];
        int[] done = new int[1];
        sim.boards().values().forEach(b -> b.onShow(s -> {
            synchronized (done) {
                if (done[0] < PRESSES && s.text().equals(ticket(done[0]))) {
                    samples[done[0]] = (System.nanoTime() - pressedAt[0]) / 1e6;
                    done[0]++;
                }
            }
        }));
        BusMaster bus = sim.bus();
        int[] count = new int[1];
        bus.addListener(new CounterBusListener() {
            @Override
            public void onKey(int address, KeyEvent event) {
                bus.show(address, ticket(count[0]++), address, false);
            }

            @Override
            public void onBoardStatus(int address, BoardStatus status) {}
        });
        bus.start();
        try {
            Await.until(Duration.ofSeconds(10), () -> bus.boards().values().stream().allMatch(BoardStatus::online), () -> "online");
            Random random = new Random(42);
            for (int i = 0; i < PRESSES; i++) {
                Thread.sleep(random.nextInt(70)); // random phase against the poll cycle
                int want = i + 1;
                synchronized (done) {
                    pressedAt[0] = System.nanoTime();
                }
                sim.board(1 + random.nextInt(BOARDS)).press(Key.CALL_NEXT);
                Await.until(Duration.ofSeconds(5), () -> {
                    synchronized (done) {
                        return done[0] >= want;
                    }
                }, () -> "shown " + want);
            }
        } finally {
            bus.close();
        }
        return Percentiles.of(samples);
    }

    static String ticket(int i) {
        return String.format(Locale.ROOT, "A%03d", i % 1000);
    }
}
