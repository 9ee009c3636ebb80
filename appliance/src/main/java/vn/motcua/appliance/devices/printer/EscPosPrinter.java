package vn.motcua.appliance.devices.printer;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The ticket printer adapter: ESC/POS over a {@link PrinterLink}. Each job reads real-time status
 * (DLE EOT 1-4) before and after printing on a two-way link; a fault stops the job before a byte of
 * the ticket is sent. A write error or a job that outlives {@code jobTimeout} is a fault, never a
 * silent half ticket. Status changes go to listeners; faults clear when a later query finds them gone
 * (after a job, on {@link #refreshStatus()}, or from {@link #startStatusPolling(Duration)}).
 * <p>Threads: jobs run on the injected I/O executor one at a time; the watchdog and the polling
 * timer use the injected scheduler. No thread of its own.
 */
public final class EscPosPrinter implements TicketPrinter {
    private static final Logger log = LoggerFactory.getLogger(EscPosPrinter.class);
    private static final int MAX_STRAY_BYTES = 4;
    /**
     * Tickets that may wait for the printer behind the one printing. A kiosk serves one resident at a time and a
     * ticket prints in about a second, so more than this waiting means the printer is far slower than the tickets
     * (stalled, or a burst from the API): each waiting job holds a parked thread and its slip, so an unbounded queue
     * filled the heap in the day-scale benchmark. Past this, a ticket is still issued and shown on the screen, but
     * not printed minutes late to a resident who has gone.
     */
    public static final int MAX_WAITING = 8;

    private final PrinterLink link;
    private final TicketRenderer renderer;
    private final boolean fullCut;
    private final Executor io;
    private final ScheduledExecutorService scheduler;
    private final Clock clock;
    private final Duration statusTimeout;
    private final Duration jobTimeout;
    private final ReentrantLock jobLock = new ReentrantLock();
    private final List<PrinterStatusListener> listeners = new CopyOnWriteArrayList<>();
    private final AtomicLong printed = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();
    private final AtomicLong refusedQueueFull = new AtomicLong();
    /** Jobs accepted and not finished: the one printing and those waiting for it. */
    private final AtomicInteger inQueue = new AtomicInteger();
    private volatile PrinterStatus current;
    private volatile ScheduledFuture<?> polling;

    /**
     * @param statusTimeout how long to wait for each DLE EOT answer (real printers answer in a few ms)
     * @param jobTimeout    how long writing one ticket may take before it is a fault
     */
    public EscPosPrinter(PrinterLink link, TicketTemplate template, Executor io, ScheduledExecutorService scheduler,
                         Clock clock, Duration statusTimeout, Duration jobTimeout) {
        this.link = link;
        this.renderer = new TicketRenderer(template);
        this.fullCut = template.fullCut();
        this.io = io;
        this.scheduler = scheduler;
        this.clock = clock;
        this.statusTimeout = statusTimeout;
        this.jobTimeout = jobTimeout;
        this.current = PrinterStatus.unknown(clock.instant(), "not checked yet");
    }

    @Override
    public CompletableFuture<PrintOutcome> print(TicketSlip slip) {
        if (inQueue.incrementAndGet() > MAX_WAITING + 1) {
            inQueue.decrementAndGet();
            refusedQueueFull.incrementAndGet();
            log.warn("ticket {} not printed: {} tickets already waiting for the printer", slip.ticketNumber(), MAX_WAITING);
            return CompletableFuture.completedFuture(PrintOutcome.queueFull(current));
        }
        try {
            return CompletableFuture.supplyAsync(() -> {
                try {
                    return locked(() -> job(slip));
                } finally {
                    inQueue.decrementAndGet();
                }
            }, io);
        } catch (RuntimeException e) { // the executor refused the job (closing): it will never run
            inQueue.decrementAndGet();
            throw e;
        }
    }

    @Override
    public CompletableFuture<PrinterStatus> refreshStatus() {
        return CompletableFuture.supplyAsync(() -> locked(() -> {
            PrinterStatus s = openOrFault();
            if (s != null) {
                return s;
            }
            if (!link.bidirectional() && current.faults().contains(PrinterFault.WRITE_FAILED)) {
                return current; // one-way: only a ticket that goes through shows the write path works again
            }
            return publish(query());
        }), io);
    }

    /**
     * Renders a throw-away ticket on the I/O executor: the first render in a JVM loads headless AWT,
     * fontconfig and the fonts (about 2.5 s on the CI host, more on a Pi), which must not land on the
     * first resident of the day. Call once at start; completes with how long it took.
     */
    public CompletableFuture<Duration> warmUp() {
        return CompletableFuture.supplyAsync(() -> {
            long t0 = System.nanoTime();
            TicketEncoder.encode(renderer.render(new TicketSlip("Khởi động", "Khởi động", "Warm-up", "A000", "ELDERLY", 0,
                    Duration.ZERO, clock.instant(), "https://example.invalid/warm-up")), fullCut);
            Duration took = Duration.ofNanos(System.nanoTime() - t0);
            log.info("ticket renderer ready in {} ms", took.toMillis());
            return took;
        }, io);
    }

    /** Re-reads status every {@code every} so a fault clears once fixed even with no ticket taken. */
    public void startStatusPolling(Duration every) {
        polling = scheduler.scheduleWithFixedDelay(() -> refreshStatus(), 0, every.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public PrinterStatus status() {
        return current;
    }

    @Override
    public void addStatusListener(PrinterStatusListener listener) {
        listeners.add(listener);
    }

    public long printedCount() {
        return printed.get();
    }

    public long failedCount() {
        return failed.get();
    }

    /** Tickets not sent because {@link #MAX_WAITING} were already waiting for the printer, since start. */
    public long refusedQueueFullCount() {
        return refusedQueueFull.get();
    }

    @Override
    public void close() {
        ScheduledFuture<?> p = polling;
        if (p != null) {
            p.cancel(false);
        }
        link.close();
    }

    private PrintOutcome job(TicketSlip slip) {
        PrinterStatus before = openOrFault();
        if (before == null) {
            // one-way: nothing new is known before writing, so keep the current status (no flapping)
            before = link.bidirectional() ? publish(query()) : PrinterStatus.unknown(clock.instant(), "one-way link");
        }
        if (!before.canPrint()) {
            failed.incrementAndGet();
            // the fault itself was logged once when it arose: not again for each ticket it stops
            log.debug("ticket {} not printed: printer {} {}", slip.ticketNumber(), before.health(), before.faults());
            return PrintOutcome.notSent(before);
        }
        byte[] bytes = TicketEncoder.encode(renderer.render(slip), fullCut);
        AtomicBoolean timedOut = new AtomicBoolean();
        ScheduledFuture<?> watchdog = scheduler.schedule(() -> {
            timedOut.set(true);
            link.close(); // unblocks a write stuck on a stalled device
        }, jobTimeout.toMillis(), TimeUnit.MILLISECONDS);
        try {
            link.write(bytes);
        } catch (IOException | RuntimeException e) {
            link.close();
            failed.incrementAndGet();
            String why = timedOut.get() ? "write timed out after " + jobTimeout.toMillis() + " ms" : "write failed: " + e.getMessage();
            log.warn("ticket {} not printed on {}: {}", slip.ticketNumber(), link.describe(), why);
            // some bytes may have gone out before the failure: the resident may hold part of a ticket
            return new PrintOutcome(false, true, publish(PrinterStatus.fault(PrinterFault.WRITE_FAILED, clock.instant(), why)));
        } finally {
            watchdog.cancel(false);
        }
        // one-way: a complete write is all that can be known, and it proves the link works again
        PrinterStatus after = publish(link.bidirectional() ? query()
                : PrinterStatus.unknown(clock.instant(), "one-way link " + link.describe() + ": last ticket written, status cannot be read"));
        boolean ok = after.canPrint();
        (ok ? printed : failed).incrementAndGet();
        if (!ok) {
            log.warn("ticket {} may be incomplete: printer {} after printing", slip.ticketNumber(), after.faults());
        }
        return new PrintOutcome(ok, true, after);
    }

    /** Opens the link if needed; returns a fault status if that fails, else null. */
    private PrinterStatus openOrFault() {
        if (link.isOpen()) {
            return null;
        }
        try {
            link.open();
            log.info("printer link open: {}", link.describe());
            return null;
        } catch (IOException | RuntimeException e) {
            return publish(PrinterStatus.fault(PrinterFault.LINK_DOWN, clock.instant(), "cannot open " + link.describe()));
        }
    }

    /** DLE EOT 1..4, one answer each; unknown on a one-way link. */
    private PrinterStatus query() {
        try {
            link.recheck();
        } catch (IOException e) {
            link.close();
            return PrinterStatus.fault(PrinterFault.LINK_DOWN, clock.instant(), "status query failed: " + e.getMessage());
        }
        if (!link.bidirectional()) {
            return PrinterStatus.unknown(clock.instant(), "one-way link " + link.describe() + ": status cannot be read");
        }
        var faults = java.util.EnumSet.noneOf(PrinterFault.class);
        try {
            link.discardInput();
            for (int n = 1; n <= 4; n++) {
                link.write(EscPos.statusRequest(n));
                int b = readStatusByte();
                if (b < 0) {
                    return PrinterStatus.fault(PrinterFault.NO_RESPONSE, clock.instant(),
                            "no answer to DLE EOT " + n + " within " + statusTimeout.toMillis() + " ms");
                }
                faults.addAll(RealTimeStatus.decode(n, b));
            }
        } catch (IOException e) {
            link.close();
            return PrinterStatus.fault(PrinterFault.LINK_DOWN, clock.instant(), "status query failed: " + e.getMessage());
        }
        return PrinterStatus.observed(faults, clock.instant(), faults.isEmpty() ? "ready" : faults.toString());
    }

    private int readStatusByte() throws IOException {
        for (int i = 0; i < MAX_STRAY_BYTES; i++) {
            int b = link.read(statusTimeout);
            if (b < 0 || RealTimeStatus.isStatusByte(b)) {
                return b;
            }
            log.debug("stray byte 0x{} from printer ignored", Integer.toHexString(b));
        }
        return -1;
    }

    private PrinterStatus publish(PrinterStatus next) {
        PrinterStatus prev = current;
        current = next;
        if (!next.sameStateAs(prev)) {
            log.debug("printer {}: {} {} ({})", link.describe(), next.health(), next.faults(), next.detail());
            for (PrinterStatusListener l : listeners) {
                try {
                    l.statusChanged(prev, next);
                } catch (RuntimeException e) {
                    log.error("printer status listener failed", e);
                }
            }
        }
        return next;
    }

    private <T> T locked(java.util.function.Supplier<T> body) {
        jobLock.lock();
        try {
            return body.get();
        } finally {
            jobLock.unlock();
        }
    }
}
