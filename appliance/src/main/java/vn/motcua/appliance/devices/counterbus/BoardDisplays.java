package vn.motcua.appliance.devices.counterbus;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import vn.motcua.appliance.domain.Refusal;
import vn.motcua.bus.CounterBus;

/**
 * What the board over each counter shows. A call blinks for {@link #BLINK_MILLIS}, then stays lit; a press the
 * queue refused flashes a short code for {@link #REFUSED_MILLIS} so the clerk sees the key was heard, then the
 * board goes back to the number it rested on. Each change is numbered per board, so a delayed step (end of a
 * blink, end of a flash) only undoes its own change, never a newer call.
 */
final class BoardDisplays {
    private static final Logger log = LoggerFactory.getLogger(BoardDisplays.class);
    static final long BLINK_MILLIS = 6000;
    static final long REFUSED_MILLIS = 2000;

    private final CounterBus bus;
    private final ScheduledExecutorService scheduler;
    private final Map<Integer, Integer> addressByCounter = new HashMap<>();
    /** Per board address: the number it rests on ("" = blank), and the number of its latest change. */
    private final Map<Integer, String> resting = new ConcurrentHashMap<>();
    private final Map<Integer, Long> latest = new ConcurrentHashMap<>();
    private final AtomicLong changes = new AtomicLong();

    BoardDisplays(CounterBus bus, Map<Integer, Integer> counterByAddress, ScheduledExecutorService scheduler) {
        this.bus = bus;
        this.scheduler = scheduler;
        counterByAddress.forEach((a, c) -> addressByCounter.put(c, a));
    }

    /**
     * The code a refused press flashes, in the glyphs a 7-segment board has: {@code ----} nobody waiting,
     * {@code OFF} the counter is closed or paused (the PAUSE key opens it), {@code ERR} anything else.
     */
    static String refusalCode(Refusal r) {
        return switch (r) {
            case NOBODY_WAITING -> "----";
            case COUNTER_CLOSED, COUNTER_PAUSED -> "OFF";
            default -> "ERR";
        };
    }

    /** Lit steadily, no blink: what the counter serves when the appliance starts. */
    void rest(int counter, String number) {
        withBoard(counter, address -> {
            resting.put(address, number);
            show(address, number, counter, false);
        });
    }

    /** A call or recall: blinks, then stays lit unless something newer was shown meanwhile. */
    void call(int counter, String number) {
        withBoard(counter, address -> {
            resting.put(address, number);
            long mine = show(address, number, counter, true);
            later(address, mine, BLINK_MILLIS, () -> show(address, number, counter, false));
        });
    }

    /** The counter has no ticket any more (finished, moved on, or the counter closed): the board goes blank. */
    void clear(int counter) {
        withBoard(counter, address -> {
            resting.put(address, "");
            changed(address);
            bus.clear(address);
        });
    }

    /** A press the queue refused: flashes the code, then back to what the board rested on. */
    void refused(int counter, Refusal reason) {
        withBoard(counter, address -> {
            long mine = show(address, refusalCode(reason), counter, true);
            later(address, mine, REFUSED_MILLIS, () -> {
                String number = resting.getOrDefault(address, "");
                if (number.isEmpty()) {
                    changed(address);
                    bus.clear(address);
                } else {
                    show(address, number, counter, false);
                }
            });
        });
    }

    private void later(int address, long change, long millis, Runnable step) {
        scheduler.schedule(() -> {
            if (latest.get(address) == change) {
                step.run();
            }
        }, millis, TimeUnit.MILLISECONDS);
    }

    private long show(int address, String text, int counter, boolean blink) {
        long mine = changed(address);
        try {
            bus.show(address, text, counter, blink);
        } catch (IllegalArgumentException e) {
            log.warn("Board {} cannot show {}: {}", address, text, e.getMessage());
        }
        return mine;
    }

    private long changed(int address) {
        long n = changes.incrementAndGet();
        latest.put(address, n);
        return n;
    }

    private void withBoard(int counter, java.util.function.IntConsumer action) {
        Integer address = addressByCounter.get(counter);
        if (address != null) {
            action.accept(address);
        }
    }
}
