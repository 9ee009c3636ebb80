package vn.motcua.appliance.devices.printer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.motcua.appliance.devices.printer.sim.SimulatedPrinter;
import vn.motcua.bus.pty.SocatPty;
import vn.motcua.appliance.devices.DeviceStatus;
import vn.motcua.appliance.devices.DeviceEvent;

/** The real adapter over a real tty (socat pty pair) into the simulated printer on the other end. */
class EscPosPrinterPtyTest {
    @TempDir Path dir;
    SocatPty pty;
    SimulatedPrinter sim;
    ScheduledExecutorService scheduler;
    EscPosPrinter printer;
    final List<PrinterStatus[]> changes = new CopyOnWriteArrayList<>();

    void start(int paperMm) throws Exception {
        pty = new SocatPty(dir);
        sim = new SimulatedPrinter(paperMm == 58 ? 384 : 576, dir.resolve("png"));
        Tickets.serveOn(pty, sim);
        scheduler = Executors.newScheduledThreadPool(2);
        var props = new java.util.Properties();
        props.setProperty("paper.mm", String.valueOf(paperMm));
        Path tpl = dir.resolve("ticket.properties");
        try (var w = Files.newBufferedWriter(tpl)) {
            props.store(w, null);
        }
        printer = new EscPosPrinter(new SerialPrinterLink(pty.host.toString(), 115200, false, Duration.ofSeconds(2)),
                TicketTemplate.load(tpl), scheduler, scheduler, Clock.systemUTC(), Duration.ofSeconds(2), Duration.ofSeconds(10));
        printer.addStatusListener((prev, cur) -> changes.add(new PrinterStatus[] {prev, cur}));
    }

    @AfterEach
    void stop() throws Exception {
        if (printer != null) printer.close();
        if (scheduler != null) scheduler.shutdownNow();
        if (pty != null) pty.close();
    }

    @Test
    void residentGetsAn80mmTicketWhoseQrOpensTheQueuePage() throws Exception {
        start(80);
        PrintOutcome out = printer.print(Tickets.slip("A023", true)).get(20, TimeUnit.SECONDS);
        assertTrue(out.printed(), () -> "not printed: " + out.status());
        assertEquals(PrinterStatus.Health.OK, out.status().health());
        assertEquals(1, sim.tickets().size());
        BufferedImage ticket = sim.tickets().getFirst();
        assertEquals(576, ticket.getWidth());
        assertTrue(ticket.getHeight() > 500 && ticket.getHeight() < 2000, "height " + ticket.getHeight());
        assertEquals(Tickets.URL, Tickets.decodeQr(ticket));
        assertTrue(Tickets.blackDots(ticket, 0, 60) > 200, "office name printed at the top");
        // named by the day and number its QR carries
        assertTrue(Files.exists(dir.resolve("png/ticket-2026-11-22-A023.png")));
        // what the printer made of the bytes; hardware-docs/ticket-80mm.png is a copy of it
        Files.copy(dir.resolve("png/ticket-2026-11-22-A023.png"), Path.of("target", "ticket-80mm-printed.png"),
                java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        assertEquals(0, sim.unknownBytes(), "every byte the adapter sent is known ESC/POS");
    }

    @Test
    void a58mmTicketIs384DotsWide() throws Exception {
        start(58);
        assertTrue(printer.print(Tickets.slip("B105", false)).get(20, TimeUnit.SECONDS).printed());
        BufferedImage ticket = sim.tickets().getFirst();
        assertEquals(384, ticket.getWidth());
        Files.copy(dir.resolve("png/ticket-2026-11-22-A023.png"), Path.of("target", "ticket-58mm-printed.png"),
                java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        assertEquals(Tickets.URL, Tickets.decodeQr(ticket));
        // a priority ticket on the narrow paper: hardware-docs/ticket-58mm-priority.png is a copy of it
        assertTrue(printer.print(Tickets.slip("B106", "PREGNANT")).get(20, TimeUnit.SECONDS).printed());
        assertTrue(sim.tickets().get(1).getHeight() > ticket.getHeight(), "the mark and the kind line");
        // the test slips all carry A023's QR: the second is kept beside the first, not over it
        Files.copy(dir.resolve("png/ticket-2026-11-22-A023-2.png"), Path.of("target", "ticket-58mm-priority-printed.png"),
                java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }

    @Test
    void paperOutIsAFaultTheTicketIsNotSentAndRefillClearsIt() throws Exception {
        start(80);
        List<String> events = new CopyOnWriteArrayList<>();
        List<DeviceStatus> statuses = new CopyOnWriteArrayList<>();
        printer.addStatusListener(new PrinterFaultEvents("printer", e -> {
            switch (e) {
                case DeviceEvent.Reported r -> events.add(r.type() + " " + r.payload().get("fault"));
                case DeviceEvent.StatusChanged c -> statuses.add(c.status());
                case DeviceEvent.PressRefused p -> throw new AssertionError("a printer made a keypad event: " + p);
            }
        }));
        sim.setPaperEnd(true);
        PrintOutcome out = printer.print(Tickets.slip("A024", false)).get(20, TimeUnit.SECONDS);
        assertFalse(out.printed());
        assertEquals(PrinterStatus.Health.FAULT, out.status().health());
        assertTrue(out.status().faults().contains(PrinterFault.PAPER_END), out.status().faults().toString());
        assertEquals(0, sim.tickets().size());
        assertEquals(0, sim.discardedWhileOffline(), "no ticket byte was sent to a printer without paper");
        assertEquals(PrinterStatus.Health.FAULT, changes.getLast()[1].health());

        sim.setPaperEnd(false);
        PrinterStatus cleared = printer.refreshStatus().get(10, TimeUnit.SECONDS);
        assertEquals(PrinterStatus.Health.OK, cleared.health());
        assertEquals(PrinterStatus.Health.FAULT, changes.getLast()[0].health());
        assertEquals(PrinterStatus.Health.OK, changes.getLast()[1].health());
        assertTrue(printer.print(Tickets.slip("A024", false)).get(20, TimeUnit.SECONDS).printed());
        assertEquals(List.of("device.fault paper_end", "device.fault offline",
                "device.recovered paper_end", "device.recovered offline"), events);
        // the one status: paper end named as the fault to act on (the printer also says offline), then ok
        assertEquals(List.of(DeviceStatus.Reason.PAPER_END, DeviceStatus.Reason.NONE),
                statuses.stream().map(DeviceStatus::reason).toList());
        assertEquals(List.of(DeviceStatus.State.FAULT, DeviceStatus.State.OK),
                statuses.stream().map(DeviceStatus::state).toList());
    }

    @Test
    void pollingClearsAFaultOnceStaffFixItEvenWithNoTicketTaken() throws Exception {
        start(80);
        sim.setCoverOpen(true);
        printer.startStatusPolling(java.time.Duration.ofMillis(50));
        waitUntil(() -> printer.status().health() == PrinterStatus.Health.FAULT);
        assertTrue(printer.status().faults().contains(PrinterFault.COVER_OPEN), printer.status().toString());
        sim.setCoverOpen(false);
        waitUntil(() -> printer.status().health() == PrinterStatus.Health.OK);
        assertEquals(PrinterStatus.Health.OK, printer.status().health());
        // the cover may close between two of the four status answers, so the clear can come in two steps;
        // listeners hear of a status just after it is in force, so the change may land a moment later
        java.util.function.BooleanSupplier cleared = () -> changes.stream().anyMatch(c -> PrinterFaultChange.between(c[0], c[1])
                .map(x -> x.cleared().contains(PrinterFault.COVER_OPEN)).orElse(false));
        waitUntil(() -> cleared.getAsBoolean());
        assertTrue(cleared.getAsBoolean(), "cover-open cleared: " + changes.size() + " changes");
    }

    @Test
    void nearEndWarnsButPrintsAndCoverOpenBlocks() throws Exception {
        start(80);
        sim.setPaperNearEnd(true);
        PrintOutcome out = printer.print(Tickets.slip("A025", false)).get(20, TimeUnit.SECONDS);
        assertTrue(out.printed());
        assertEquals(PrinterStatus.Health.WARNING, out.status().health());
        sim.setCoverOpen(true);
        PrinterStatus s = printer.refreshStatus().get(10, TimeUnit.SECONDS);
        assertTrue(s.faults().contains(PrinterFault.COVER_OPEN) && s.faults().contains(PrinterFault.OFFLINE), s.faults().toString());
    }

    @Test
    void aPrinterThatDoesNotAnswerIsNoResponseNeverOk() throws Exception {
        start(80);
        sim.setSilent(true);
        PrintOutcome out = printer.print(Tickets.slip("A026", false)).get(20, TimeUnit.SECONDS);
        assertFalse(out.printed());
        assertTrue(out.status().faults().contains(PrinterFault.NO_RESPONSE));
    }

    /**
     * Polls until {@code done}, at most 30 s: that bound only stops a hung test (a loaded CI machine may take
     * seconds to open a pty or notice one gone); the assertion that follows says what was expected.
     */
    private static void waitUntil(java.util.function.BooleanSupplier done) throws InterruptedException {
        long deadline = System.nanoTime() + java.time.Duration.ofSeconds(30).toNanos();
        while (!done.getAsBoolean() && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
    }
}
