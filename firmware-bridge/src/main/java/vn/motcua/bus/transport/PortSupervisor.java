package vn.motcua.bus.transport;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.motcua.retry.Backoff;

/**
 * The one I/O thread of a bus on a serial port, and the supervision of that port: open it, run the bus's
 * work while it is open, and when the link fails (adapter unplugged) close it and reopen it from this same
 * loop with capped exponential backoff and jitter (0.2 s doubling to a cap, reset by a successful open).
 * Every board goes offline with the reason meanwhile. No serial-port listener is used, so nothing ever
 * reopens from inside one. Shared by the counter-board master and the Modbus number displays.
 */
public final class PortSupervisor {
    private static final Logger log = LoggerFactory.getLogger(PortSupervisor.class);
    static final Duration MIN_BACKOFF = Duration.ofMillis(200);

    /** What the bus does with its port; every call comes from the supervisor's thread. */
    public interface Bus {
        /** The port is open (again): resume talking to the boards. */
        void portOpened(Instant now);

        /** The port cannot be opened ("port-unavailable: why") or was lost ("port-closed"). */
        void portDown(String reason, Instant now);

        /** One turn of work on the open port; parks briefly when there is nothing to do. */
        void work() throws IOException;
    }

    private final String name;
    private final String portName;
    private final BusTransport transport;
    private final Clock clock;
    private final Backoff backoff;
    private final AtomicLong opens = new AtomicLong();
    private Instant nextOpen = Instant.EPOCH;
    private volatile boolean running;
    private volatile Thread thread;

    /**
     * @param name       the bus in log lines and errors, e.g. "counter bus"
     * @param maxBackoff the longest wait between two attempts to open (at least 0.2 s)
     */
    public PortSupervisor(String name, String portName, BusTransport transport, Clock clock, Duration maxBackoff) {
        this(name, portName, transport, clock,
                new Backoff(MIN_BACKOFF, maxBackoff, () -> ThreadLocalRandom.current().nextDouble()));
    }

    /** @param backoff the delays between attempts to open, from {@link #MIN_BACKOFF}; tests fix its jitter */
    PortSupervisor(String name, String portName, BusTransport transport, Clock clock, Backoff backoff) {
        this.name = name;
        this.portName = portName;
        this.transport = transport;
        this.clock = clock;
        this.backoff = backoff;
    }

    /** Starts the I/O thread; once only. */
    public synchronized void start(String threadName, Bus bus) {
        if (thread != null) {
            throw new IllegalStateException(name + " already started");
        }
        running = true;
        thread = Thread.ofPlatform().name(threadName).daemon(true).start(() -> run(bus));
    }

    public synchronized boolean started() {
        return thread != null;
    }

    /** Wakes the I/O thread from its idle park: there is something to send. */
    public void wake() {
        LockSupport.unpark(thread);
    }

    /** How many times the port was opened. */
    public long opens() {
        return opens.get();
    }

    /** Stops the thread (waiting up to 2 s) and closes the port. */
    public void close() {
        Thread t;
        synchronized (this) {
            running = false;
            t = thread;
        }
        if (t != null) {
            LockSupport.unpark(t);
            try {
                t.join(Duration.ofSeconds(2));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        transport.close();
    }

    private void run(Bus bus) {
        while (running) {
            try {
                if (!transport.isOpen() && !reopen(bus)) {
                    continue;
                }
                bus.work();
            } catch (IOException e) {
                lost(bus, e.getMessage());
            } catch (RuntimeException e) {
                log.error("{}: unexpected error in the I/O loop, carrying on", name, e);
                LockSupport.parkNanos(50_000_000L);
            }
        }
    }

    private boolean reopen(Bus bus) {
        Instant now = clock.instant();
        Duration wait = Duration.between(now, nextOpen);
        if (wait.isPositive()) {
            LockSupport.parkNanos(Math.min(wait.toNanos(), 50_000_000L));
            return false;
        }
        Optional<String> error = transport.open();
        if (error.isPresent()) {
            nextOpen = now.plus(backoff.next());
            bus.portDown("port-unavailable: " + error.get(), now);
            return false;
        }
        backoff.reset();
        opens.incrementAndGet();
        log.info("{}: port {} open", name, portName);
        bus.portOpened(now);
        return true;
    }

    private void lost(Bus bus, String why) {
        transport.close();
        Instant now = clock.instant();
        log.info("{}: port {} lost ({}); reopening in the background", name, portName, why);
        nextOpen = now.plus(MIN_BACKOFF);
        bus.portDown("port-closed", now);
    }
}
