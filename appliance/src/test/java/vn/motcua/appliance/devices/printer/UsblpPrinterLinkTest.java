package vn.motcua.appliance.devices.printer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.FileInputStream;
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
import vn.motcua.appliance.devices.printer.sim.SimulatedPrinter;
import vn.motcua.bus.pty.SocatPty;

/**
 * The usblp link against character devices that behave as usblp does: a raw pty with the simulated
 * printer answering on the other end (a bidirectional printer), a pty nobody answers on (a printer
 * that ignores the query), and {@code /dev/null}, whose read ends at once as a one-way usblp read fails.
 */
class UsblpPrinterLinkTest {
    @TempDir Path dir;
    final ScheduledExecutorService scheduler = Executors.newScheduledThreadPool(2);
    SocatPty pty;
    EscPosPrinter printer;

    @AfterEach
    void stop() {
        if (printer != null) printer.close();
        scheduler.shutdownNow();
        if (pty != null) pty.close();
    }

    EscPosPrinter printer(PrinterLink link) {
        return new EscPosPrinter(link, TicketTemplate.bundled(), scheduler, scheduler, Clock.systemUTC(),
                Duration.ofMillis(500), Duration.ofSeconds(10));
    }

    @Test
    void aBidirectionalUsbPrinterReportsPaperOutAndItsRefill() throws Exception {
        pty = new SocatPty(dir);
        var sim = new SimulatedPrinter(576, null);
        Tickets.serveOn(pty, sim);
        var link = new UsblpPrinterLink(pty.host, Duration.ofSeconds(5), Duration.ofSeconds(5));
        printer = printer(link);
        PrintOutcome out = printer.print(Tickets.slip("C011", false)).get(30, TimeUnit.SECONDS);
        assertTrue(link.bidirectional(), "the printer answered the query at open");
        assertTrue(out.printed(), () -> "not printed: " + out.status());
        assertEquals(PrinterStatus.Health.OK, out.status().health(), out.status().detail());
        assertEquals(1, sim.tickets().size());

        sim.setPaperEnd(true);
        PrinterStatus s = printer.refreshStatus().get(30, TimeUnit.SECONDS);
        assertEquals(PrinterStatus.Health.FAULT, s.health());
        assertTrue(s.faults().contains(PrinterFault.PAPER_END), s.faults().toString());
        sim.setPaperEnd(false);
        assertEquals(PrinterStatus.Health.OK, printer.refreshStatus().get(30, TimeUnit.SECONDS).health());
    }

    @Test
    void aPrinterSilentAtOpenIsAskedAgainAndItsStatusReadOnceItAnswers() throws Exception {
        pty = new SocatPty(dir);
        var sim = new SimulatedPrinter(576, null);
        sim.setSilent(true); // still starting up when the appliance opens it
        Tickets.serveOn(pty, sim);
        var link = new UsblpPrinterLink(pty.host, Duration.ofMillis(300), Duration.ofSeconds(5), Duration.ofMillis(200));
        printer = printer(link);
        assertEquals(PrinterStatus.Health.UNKNOWN, printer.refreshStatus().get(30, TimeUnit.SECONDS).health());
        assertFalse(link.bidirectional());
        sim.setSilent(false);
        sim.setPaperEnd(true);
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        PrinterStatus s;
        do {
            Thread.sleep(250); // past the recheck interval
            s = printer.refreshStatus().get(30, TimeUnit.SECONDS);
        } while (s.health() == PrinterStatus.Health.UNKNOWN && System.nanoTime() < end);
        assertTrue(link.bidirectional(), "asked again, it answered: two-way now");
        assertTrue(s.faults().contains(PrinterFault.PAPER_END), s.toString());
    }

    @Test
    void aUsbPrinterThatNeverAnswersPrintsWithStatusUnknownNeverOk() throws Exception {
        pty = new SocatPty(dir);
        var received = new ByteArrayOutputStream();
        var ready = new CountDownLatch(1);
        Thread.ofPlatform().daemon().start(() -> {
            try (var in = new FileInputStream(pty.device.toFile())) {
                ready.countDown();
                byte[] buf = new byte[4096];
                for (int n; (n = in.read(buf)) > 0; ) {
                    synchronized (received) {
                        received.write(buf, 0, n);
                    }
                }
            } catch (Exception e) {
                // the pty is gone at the end of the test
            }
        });
        assertTrue(ready.await(10, TimeUnit.SECONDS));
        var link = new UsblpPrinterLink(pty.host, Duration.ofMillis(300), Duration.ofSeconds(5));
        printer = printer(link);
        PrintOutcome out = printer.print(Tickets.slip("C012", false)).get(30, TimeUnit.SECONDS);
        assertFalse(link.bidirectional());
        assertTrue(out.printed());
        assertEquals(PrinterStatus.Health.UNKNOWN, out.status().health());
        var sim = new SimulatedPrinter(576, null);
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (sim.tickets().isEmpty() && System.nanoTime() < end) {
            byte[] got;
            synchronized (received) {
                got = received.toByteArray();
            }
            sim = new SimulatedPrinter(576, null);
            sim.accept(got, 0, got.length);
            Thread.sleep(50);
        }
        assertEquals(1, sim.tickets().size(), "the whole ticket reached the printer");
        assertEquals(Tickets.URL, Tickets.decodeQr(sim.tickets().getFirst()));
    }

    @Test
    void aPrinterThatStopsTakingBytesFailsTheWriteInsteadOfHangingIt() throws Exception {
        pty = new SocatPty(dir);
        try (var stalled = new FileInputStream(pty.device.toFile())) { // open, never read: the buffers fill
            var link = new UsblpPrinterLink(pty.host, Duration.ofMillis(100), Duration.ofMillis(300));
            link.open();
            try {
                var e = assertThrows(java.io.IOException.class,
                        () -> link.write(new byte[8 << 20]));
                assertTrue(e.getMessage().contains("timed out"), e.getMessage());
                link.close();
                assertFalse(link.isOpen());
                assertThrows(java.io.IOException.class, () -> link.write(new byte[] {0x1B, 0x40}), "closed means closed");
            } finally {
                link.close();
            }
        }
    }

    @Test
    void aDeviceThatAlwaysReadsEmptyIsOneWayAfterTheProbeAndStillTakesTickets() throws Exception {
        var link = new UsblpPrinterLink(Path.of("/dev/null"), Duration.ofMillis(300), Duration.ofSeconds(5));
        link.open();
        try {
            assertFalse(link.bidirectional());
            assertTrue(link.isOpen());
            link.write(new byte[] {0x1B, 0x40});
            assertEquals(-1, link.read(Duration.ofMillis(10)));
        } finally {
            link.close();
        }
        assertFalse(link.isOpen());
    }

    @Test
    void aCaptureFileIsWrittenFromTheStartAndNeverAsked() throws Exception {
        Path capture = java.nio.file.Files.write(dir.resolve("capture.bin"), new byte[] {1, 2, 3, 4, 5});
        var link = new UsblpPrinterLink(capture, Duration.ofSeconds(20), Duration.ofSeconds(5));
        long t0 = System.nanoTime();
        link.open();
        try {
            assertTrue(System.nanoTime() - t0 < TimeUnit.SECONDS.toNanos(10), "no 20 s probe on a file");
            assertFalse(link.bidirectional());
            link.write(new byte[] {0x1B, 0x40});
        } finally {
            link.close();
        }
        assertEquals(0x1B, java.nio.file.Files.readAllBytes(capture)[0], "no status query written into a capture");
    }
}
