package vn.motcua.appliance.devices.printer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.motcua.appliance.devices.printer.sim.InMemoryPrinterLink;
import vn.motcua.appliance.devices.printer.sim.SimulatedPrinter;

/** Links that fail: one-way usblp, an unplugged cable, a write that hangs. */
class EscPosPrinterFaultsTest {
    @TempDir Path dir;
    final ScheduledExecutorService scheduler = Executors.newScheduledThreadPool(2);

    @AfterEach
    void stop() {
        scheduler.shutdownNow();
    }

    EscPosPrinter printer(PrinterLink link, Duration jobTimeout) {
        return new EscPosPrinter(link, TicketTemplate.bundled(), scheduler, scheduler, Clock.systemUTC(),
                Duration.ofMillis(200), jobTimeout);
    }

    @Test
    void aOneWayUsblpPrinterPrintsButItsStatusIsUnknownNeverOk() throws Exception {
        Path lp = Files.createFile(dir.resolve("lp0")); // a file stands in for /dev/usb/lp0
        var p = printer(new UsblpPrinterLink(lp), Duration.ofSeconds(5));
        assertTrue(p.warmUp().get(30, TimeUnit.SECONDS).toNanos() > 0);
        assertEquals(0, Files.size(lp), "warming up prints nothing");
        PrintOutcome out = p.print(Tickets.slip("C007", false)).get(20, TimeUnit.SECONDS);
        assertTrue(out.printed());
        assertEquals(PrinterStatus.Health.UNKNOWN, out.status().health());
        // the bytes in the "device" are a whole ticket: the simulator makes one image of them
        var sim = new SimulatedPrinter(576, null);
        byte[] written = Files.readAllBytes(lp);
        sim.accept(written, 0, written.length);
        assertEquals(1, sim.tickets().size());
        assertEquals(Tickets.URL, Tickets.decodeQr(sim.tickets().getFirst()));
    }

    @Test
    void anUnpluggedPrinterIsLinkDownAndComesBackWhenPluggedIn() throws Exception {
        var sim = new SimulatedPrinter(576, null);
        var link = new InMemoryPrinterLink(sim);
        link.setUnplugged(true);
        var p = printer(link, Duration.ofSeconds(5));
        PrintOutcome out = p.print(Tickets.slip("C008", false)).get(20, TimeUnit.SECONDS);
        assertFalse(out.printed());
        assertEquals(java.util.Set.of(PrinterFault.LINK_DOWN), out.status().faults());
        link.setUnplugged(false);
        assertTrue(p.print(Tickets.slip("C008", false)).get(20, TimeUnit.SECONDS).printed());
        assertEquals(PrinterStatus.Health.OK, p.status().health());
        assertEquals(1, p.printedCount());
        assertEquals(1, p.failedCount());
    }

    @Test
    void aWriteThatHangsIsCutOffByTheWatchdogAndReportedNotSilentlyLost() throws Exception {
        var hanging = new HangingLink();
        var p = printer(hanging, Duration.ofMillis(300));
        PrintOutcome out = p.print(Tickets.slip("C009", false)).get(20, TimeUnit.SECONDS);
        assertFalse(out.printed());
        assertEquals(java.util.Set.of(PrinterFault.WRITE_FAILED), out.status().faults());
        assertTrue(out.status().detail().contains("timed out"), out.status().detail());
        assertFalse(hanging.isOpen(), "the stuck link was closed to unblock the write");
        // a status poll cannot tell on a one-way link: the fault stays until a ticket goes through
        assertEquals(java.util.Set.of(PrinterFault.WRITE_FAILED), p.refreshStatus().get(10, TimeUnit.SECONDS).faults());
        // the printer is freed: the next ticket goes through, and a one-way link reports unknown, clearing the fault
        hanging.unstick();
        PrintOutcome next = p.print(Tickets.slip("C010", false)).get(20, TimeUnit.SECONDS);
        assertTrue(next.printed());
        assertEquals(PrinterStatus.Health.UNKNOWN, p.status().health());
    }

    /** Open, one-way, and a write that blocks until the link is closed, like usblp with a stalled printer. */
    static final class HangingLink implements PrinterLink {
        private final CountDownLatch closed = new CountDownLatch(1);
        private volatile boolean open;
        private volatile boolean stuck = true;

        void unstick() { stuck = false; }

        @Override public void open() { open = true; }
        @Override public boolean isOpen() { return open; }
        @Override public void write(byte[] data) throws IOException {
            if (!stuck) return;
            try {
                if (closed.await(30, TimeUnit.SECONDS)) throw new IOException("closed while writing");
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            throw new IOException("interrupted");
        }
        @Override public int read(Duration timeout) { return -1; }
        @Override public void discardInput() { }
        @Override public boolean bidirectional() { return false; }
        @Override public String describe() { return "hanging link"; }
        @Override public void close() { open = false; closed.countDown(); }
    }
}
