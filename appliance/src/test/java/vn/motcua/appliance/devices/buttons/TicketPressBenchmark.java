package vn.motcua.appliance.devices.buttons;

import vn.motcua.bus.bench.Percentiles;
import com.pi4j.Pi4J;
import com.pi4j.io.gpio.digital.DigitalState;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.OptionalInt;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;
import vn.motcua.appliance.devices.printer.EscPosPrinter;
import vn.motcua.appliance.devices.printer.PrintOutcome;
import vn.motcua.appliance.devices.printer.PrinterLink;
import vn.motcua.appliance.devices.printer.SerialPrinterLink;
import vn.motcua.bus.pty.SocatPty;
import vn.motcua.appliance.devices.printer.TicketRenderer;
import vn.motcua.appliance.devices.printer.TicketTemplate;
import vn.motcua.appliance.devices.printer.Tickets;
import vn.motcua.appliance.devices.printer.sim.InMemoryPrinterLink;
import vn.motcua.appliance.devices.printer.sim.SimulatedPrinter;

/**
 * Benchmark (not a test: no assertion on time). Run with
 * {@code ./mvnw -B -q -pl appliance -am verify -Dtest=TicketPressBenchmark -Dmotcua.bench=true -Dsurefire.failIfNoSpecifiedTests=false}.
 * Prints p50/p99 for: ticket raster render; button edge -> first byte at the printer and -> first
 * ticket byte (ESC @), through Pi4jButtonPanel + EscPosPrinter + SerialPrinterLink over a socat pty,
 * and the same through the in-memory link, side by side.
 */
@EnabledIfSystemProperty(named = "motcua.bench", matches = "true")
class TicketPressBenchmark {
    static final int WARMUP = 30;
    static final int RENDER_WARMUP = 300; // until C2 has compiled the text and QR paths
    static final int RUNS = 200;
    @TempDir Path dir;

    @Test
    void run() throws Exception {
        // cold: first use in this JVM loads headless AWT, fontconfig and the bundled TrueType fonts
        long c0 = System.nanoTime();
        var renderer = new TicketRenderer(TicketTemplate.bundled());
        renderer.render(Tickets.slip("A000", false));
        System.out.printf("BENCH %-95s %7.2f ms (java.awt.headless=%s)%n", "first ticket render in a fresh JVM (headless AWT + font load)",
                (System.nanoTime() - c0) / 1e6, System.getProperty("java.awt.headless"));
        long[] render = new long[RUNS];
        for (int i = 0; i < RENDER_WARMUP + RUNS; i++) {
            long t0 = System.nanoTime();
            renderer.render(Tickets.slip("A" + (100 + i % 800), i % 3 == 0));
            if (i >= RENDER_WARMUP) render[i - RENDER_WARMUP] = System.nanoTime() - t0;
        }
        report("render one 80 mm ticket raster (TicketRenderer.render)", render);

        try (SocatPty pty = new SocatPty(dir)) {
            var sim = new SimulatedPrinter(576, null);
            Tickets.serveOn(pty, sim);
            press("pty (socat, jSerialComm)", new SerialPrinterLink(pty.host.toString(), 115200, false, Duration.ofSeconds(2)), sim);
        }
        var mem = new SimulatedPrinter(576, null);
        press("in-memory link", new InMemoryPrinterLink(mem), mem);
    }

    void press(String name, PrinterLink link, SimulatedPrinter sim) throws Exception {
        var scheduler = Executors.newScheduledThreadPool(2);
        var gpio = new FakeGpio();
        var pi4j = Pi4J.newContextBuilder().noAutoDetect().add(gpio.inputProvider, gpio.outputProvider).build();
        var printer = new EscPosPrinter(link, TicketTemplate.bundled(), scheduler, scheduler, Clock.systemUTC(),
                Duration.ofMillis(500), Duration.ofSeconds(10));
        printer.warmUp().get(30, TimeUnit.SECONDS);
        AtomicLong fakeNow = new AtomicLong();
        AtomicReference<CompletableFuture<PrintOutcome>> job = new AtomicReference<>();
        var panel = new Pi4jButtonPanel(pi4j, new ButtonConfig(List.of(new ButtonConfig.ButtonPin("A", 17)),
                ButtonConfig.Pull.UP, Duration.ofMillis(20), Duration.ofMillis(500), OptionalInt.empty(), OptionalInt.empty()),
                scheduler, fakeNow::get);
        panel.addPressListener((code, at) -> job.set(printer.print(Tickets.slip("A001", false))));
        panel.start();
        gpio.set(17, DigitalState.HIGH);
        long[] first = new long[RUNS];
        long[] init = new long[RUNS];
        for (int i = 0; i < WARMUP + RUNS; i++) {
            sim.resetFirstByte();
            fakeNow.addAndGet(1_000_000_000L); // a new resident, outside the repeat guard
            long t0 = System.nanoTime();
            gpio.set(17, DigitalState.LOW);
            PrintOutcome out = job.get().get(10, TimeUnit.SECONDS);
            gpio.set(17, DigitalState.HIGH);
            if (!out.printed()) throw new IllegalStateException("not printed: " + out.status());
            if (i >= WARMUP) {
                first[i - WARMUP] = sim.firstByteNanos() - t0;
                init[i - WARMUP] = sim.initNanos() - t0;
            }
        }
        report("button -> first byte at printer (DLE EOT status query), " + name, first);
        report("button -> first ticket byte at printer (ESC @, after status + render), " + name, init);
        printer.close();
        panel.close();
        pi4j.shutdown();
        scheduler.shutdownNow();
    }

    static void report(String what, long[] nanos) {
        Percentiles s = Percentiles.of(nanos);
        System.out.printf("BENCH %-95s p50 %7.2f ms  p99 %7.2f ms  (n=%d)%n", what, s.p50() / 1e6, s.p99() / 1e6,
                s.n());
    }
}
