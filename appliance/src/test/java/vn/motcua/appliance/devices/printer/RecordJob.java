package vn.motcua.appliance.devices.printer;

import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import vn.motcua.appliance.devices.printer.sim.InMemoryPrinterLink;
import vn.motcua.appliance.devices.printer.sim.SimulatedPrinter;

/** Records the capture {@link CapturedJobTest} replays; off unless {@code -Dmotcua.recordJob=true}. */
@EnabledIfSystemProperty(named = "motcua.recordJob", matches = "true")
class RecordJob {
    @Test
    void record() throws Exception {
        var sim = new SimulatedPrinter(576, null);
        var tap = new ByteArrayOutputStream();
        var inner = new InMemoryPrinterLink(sim);
        PrinterLink link = new PrinterLink() { // records every byte on its way to the printer
            @Override public void open() throws java.io.IOException { inner.open(); }
            @Override public boolean isOpen() { return inner.isOpen(); }
            @Override public void write(byte[] data) throws java.io.IOException { tap.writeBytes(data); inner.write(data); }
            @Override public int read(Duration t) throws java.io.IOException { return inner.read(t); }
            @Override public void discardInput() { inner.discardInput(); }
            @Override public boolean bidirectional() { return true; }
            @Override public String describe() { return "tap"; }
            @Override public void close() { inner.close(); }
        };
        Path tpl = Files.createTempFile("tpl", ".properties");
        Files.writeString(tpl, "qr.mode=native\n");
        var scheduler = Executors.newScheduledThreadPool(2);
        var p = new EscPosPrinter(link, TicketTemplate.load(tpl), scheduler, scheduler, Clock.systemUTC(),
                Duration.ofMillis(500), Duration.ofSeconds(10));
        p.print(Tickets.slip("A023", true)).get(30, TimeUnit.SECONDS);
        scheduler.shutdownNow();
        Files.write(Path.of("src/test/resources" + CapturedJobTest.CAPTURE), tap.toByteArray());
    }
}
