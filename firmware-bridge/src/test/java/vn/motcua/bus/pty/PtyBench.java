package vn.motcua.bus.pty;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.Random;
import vn.motcua.bus.Await;
import vn.motcua.bus.BoardStatus;
import vn.motcua.bus.BusConfig;
import vn.motcua.bus.CounterBusListener;
import vn.motcua.bus.CounterBuses;
import vn.motcua.bus.KeyEvent;
import vn.motcua.bus.master.BusMaster;

/**
 * The pty half of the benchmark: presses on the C simulator's boards, latency from the board's
 * own "event queued" timestamp to its "display changed" timestamp (same process, same clock).
 */
public final class PtyBench {
    private PtyBench() {}

    /** Returns press-to-shown latencies in ms. */
    public static double[] run(Path dir, BusConfig base, int presses) throws Exception {
        RealParts.requireBoardsOnPty();
        try (SocatPty socat = new SocatPty(dir);
             CounterSimProcess boards = new CounterSimProcess(socat.device, "1-" + base.addresses().size(), base.baud())) {
            BusConfig config = new BusConfig(socat.host.toString(), base.baud(), base.addresses(), base.replyTimeout(),
                    base.retries(), base.offlineAfter(), base.offlineProbe(), base.direction());
            try (BusMaster bus = CounterBuses.jSerialComm(config, Clock.systemUTC())) {
                int[] count = new int[1];
                bus.addListener(new CounterBusListener() {
                    @Override
                    public void onKey(int address, KeyEvent event) {
                        bus.show(address, String.format(Locale.ROOT, "A%03d", count[0]++ % 1000), address, false);
                    }

                    @Override
                    public void onBoardStatus(int address, BoardStatus status) {}
                });
                bus.start();
                Await.until(Duration.ofSeconds(20), () -> bus.boards().values().stream().allMatch(BoardStatus::online),
                        () -> "online " + bus.boards());
                Random random = new Random(7);
                double[] samples = new double[presses];
                for (int i = 0; i < presses; i++) {
                    int board = 1 + random.nextInt(config.addresses().size());
                    String text = String.format(Locale.ROOT, "A%03d", i % 1000);
                    int before = boards.events(board).size();
                    Thread.sleep(random.nextInt(70));
                    if (Boolean.getBoolean("sim.trace")) {
                        System.err.println("press " + board + " at " + System.nanoTime() / 1000);
                    }
                    boards.command("press " + board + " CALL_NEXT");
                    Await.until(Duration.ofSeconds(20), () -> boards.shown().stream()
                            .anyMatch(s -> s.address() == board && s.text().equals(text)),
                            () -> "shown " + text + " on board " + board + "; board events " + boards.events(board)
                                    + "; shown " + boards.shown().stream().filter(s -> s.address() == board).toList()
                                    + "; keys delivered " + count[0] + "; " + bus.stats() + "; " + bus.boards().get(board));
                    long pressedUs = boards.events(board).get(before).micros();
                    long shownUs = boards.shown().stream().filter(s -> s.address() == board && s.text().equals(text))
                            .findFirst().orElseThrow().micros();
                    samples[i] = (shownUs - pressedUs) / 1000.0;
                }
                System.out.println("pty bench bus stats: " + bus.stats());
                return samples;
            }
        }
    }
}
