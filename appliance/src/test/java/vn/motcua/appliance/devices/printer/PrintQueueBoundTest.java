package vn.motcua.appliance.devices.printer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import vn.motcua.appliance.devices.printer.sim.InMemoryPrinterLink;
import vn.motcua.appliance.devices.printer.sim.SimulatedPrinter;

/**
 * A printer slower than the tickets: at most {@link EscPosPrinter#MAX_WAITING} tickets wait behind the one printing;
 * the next is refused at once as "queue full" (not a fault: the printer is healthy), and once the printer catches up
 * tickets are accepted again. Every accepted ticket is printed.
 */
class PrintQueueBoundTest {
    final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
    final ExecutorService io = Executors.newVirtualThreadPerTaskExecutor();

    @AfterEach
    void stop() {
        scheduler.shutdownNow();
        io.shutdownNow();
    }

    @Test
    void ticketsBeyondTheWaitingBoundAreRefusedAtOnceAndTheRestPrint() throws Exception {
        var sim = new SimulatedPrinter(576, null);
        var link = new GatedLink(new InMemoryPrinterLink(sim));
        var printer = new EscPosPrinter(link, TicketTemplate.bundled(), io, scheduler, Clock.systemUTC(),
                Duration.ofSeconds(2), Duration.ofSeconds(60));
        assertTrue(printer.refreshStatus().get(20, TimeUnit.SECONDS).canPrint());

        List<CompletableFuture<PrintOutcome>> accepted = new ArrayList<>();
        for (int i = 0; i < EscPosPrinter.MAX_WAITING + 1; i++) {
            accepted.add(printer.print(Tickets.slip("A%03d".formatted(i + 1), false)));
        }
        assertTrue(link.writing.tryAcquire(20, TimeUnit.SECONDS), "the first ticket reached the printer");

        for (int i = 0; i < 3; i++) {
            CompletableFuture<PrintOutcome> over = printer.print(Tickets.slip("B%03d".formatted(i + 1), false));
            assertTrue(over.isDone(), "a ticket over the bound is answered at once, not parked");
            PrintOutcome o = over.get();
            assertTrue(o.queueFull());
            assertFalse(o.printed());
            assertFalse(o.sent());
            assertTrue(o.status().canPrint(), "the printer itself is healthy: no fault is raised for a full queue");
        }
        assertEquals(3, printer.refusedQueueFullCount());
        accepted.forEach(f -> assertFalse(f.isDone(), "accepted tickets wait for the printer"));

        link.gate.countDown(); // the printer catches up
        for (CompletableFuture<PrintOutcome> f : accepted) {
            PrintOutcome o = f.get(60, TimeUnit.SECONDS);
            assertTrue(o.printed(), o.toString());
            assertFalse(o.queueFull());
        }
        assertEquals(EscPosPrinter.MAX_WAITING + 1, printer.printedCount());
        assertEquals(EscPosPrinter.MAX_WAITING + 1, link.writes.get());

        // with the queue drained, the next ticket is accepted and printed
        PrintOutcome after = printer.print(Tickets.slip("C001", false)).get(60, TimeUnit.SECONDS);
        assertTrue(after.printed());
        assertEquals(3, printer.refusedQueueFullCount());
    }

    /** The simulated printer behind a gate: ticket writes wait until the gate opens (a printer far slower than the tickets). */
    static final class GatedLink implements PrinterLink {
        final CountDownLatch gate = new CountDownLatch(1);
        final Semaphore writing = new Semaphore(0);
        final AtomicInteger writes = new AtomicInteger();
        private final InMemoryPrinterLink inner;

        GatedLink(InMemoryPrinterLink inner) {
            this.inner = inner;
        }

        @Override public void open() throws IOException { inner.open(); }
        @Override public boolean isOpen() { return inner.isOpen(); }
        @Override public void write(byte[] data) throws IOException {
            if (data.length <= 3) { // a status query (DLE EOT n) is answered at once: only tickets are slow
                inner.write(data);
                return;
            }
            writing.release();
            try {
                if (!gate.await(60, TimeUnit.SECONDS)) throw new IOException("gate never opened");
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted");
            }
            writes.incrementAndGet();
            inner.write(data);
        }
        @Override public int read(Duration timeout) throws IOException { return inner.read(timeout); }
        @Override public void discardInput() { inner.discardInput(); }
        @Override public boolean bidirectional() { return true; }
        @Override public String describe() { return "gated simulated printer"; }
        @Override public void close() { inner.close(); }
    }
}
