package vn.motcua.appliance.devices.buttons;

import static com.pi4j.io.gpio.digital.DigitalState.HIGH;
import static com.pi4j.io.gpio.digital.DigitalState.LOW;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.dataformat.toml.TomlMapper;
import com.pi4j.Pi4J;
import com.pi4j.context.Context;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.OptionalInt;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.motcua.appliance.TestStores;
import vn.motcua.appliance.devices.resident.ButtonTickets;
import vn.motcua.appliance.devices.printer.PrintJobListener;
import vn.motcua.appliance.devices.printer.PrintOutcome;
import vn.motcua.appliance.domain.TicketQr;
import vn.motcua.appliance.devices.resident.PrinterDevice;
import vn.motcua.appliance.devices.printer.PrinterSettings;
import vn.motcua.appliance.devices.printer.TicketPrinting;
import vn.motcua.appliance.domain.CounterDef;
import vn.motcua.appliance.domain.OfficeLayout;
import vn.motcua.appliance.domain.OpeningHours;
import vn.motcua.appliance.domain.QueueRules;
import vn.motcua.appliance.domain.ServiceDef;
import vn.motcua.appliance.service.QueueService;
import vn.motcua.appliance.store.CommitJournal;
import vn.motcua.appliance.store.Database;
import vn.motcua.appliance.store.EventStamper;
import vn.motcua.appliance.store.QueueStore;
import vn.motcua.appliance.store.Watermarks;

/**
 * What a resident at the service buttons sees and hears, through the real panel adapter on Pi4J (its provider
 * seam, {@link FakeGpio}), the real queue and store, and the real printer adapter on the simulated printer: the busy
 * LED is lit from the press until the ticket has come out of the printer (or the printer gave up), and a press the
 * queue refuses (here: the day's numbers of a service are used up) is three beeps, or three blinks of the LED when
 * no buzzer is wired. The ticket a press issued, and only it, is told to the kiosk's screen (which shows it).
 */
class ButtonFeedbackTest {
    static final long MS = 1_000_000L;
    static final int LED = 22;
    static final int BUZZER = 25;

    @TempDir Path dir;
    final FakeGpio gpio = new FakeGpio();
    final Context pi4j = Pi4J.newContextBuilder().noAutoDetect().add(gpio.inputProvider, gpio.outputProvider).build();
    final ScheduledExecutorService scheduler = Executors.newScheduledThreadPool(2);
    final ExecutorService io = Executors.newVirtualThreadPerTaskExecutor();
    final AtomicLong now = new AtomicLong(1_000 * MS);
    PrinterDevice printer;
    QueueStore store;
    /** The tickets the presses issued, as told to the kiosk's screen. */
    final List<String> issued = new java.util.concurrent.CopyOnWriteArrayList<>();

    /** Land ({@code dat-dai}) gives one ticket a day, so a second press is refused. */
    static OfficeLayout office() {
        return new OfficeLayout(
                List.of(new ServiceDef("ho-tich", "Hộ tịch", "Civil status", 'A', 1, 999, 0, OpeningHours.always()),
                        new ServiceDef("dat-dai", "Đất đai", "Land", 'B', 1, 999, 1, OpeningHours.always())),
                List.of(new CounterDef(1, "Quầy 1", List.of("ho-tich", "dat-dai"))), QueueRules.defaults());
    }

    /** The panel wired with a busy LED and, if asked, a buzzer, pressing into the queue with a printer attached. */
    Pi4jButtonPanel wire(boolean buzzer, PrintJobListener marker) throws Exception {
        store = new QueueStore(Database.open(dir, Clock.systemUTC()).connection(),
                new EventStamper("test-device", Clock.systemUTC(), "boot", () -> true), Watermarks.load(dir),
                CommitJournal.open(dir, 256 * 1024));
        QueueService queue = new QueueService(office(), Clock.systemUTC(), store);
        var settings = PrinterSettings.from(new TomlMapper().readTree("[devices.printer]\nmode = \"simulated\"\n").path("devices"), false);
        printer = PrinterDevice.open(settings, dir, io, scheduler, Clock.systemUTC()).orElseThrow();
        printer.start();
        TicketPrinting printing = new TicketPrinting(printer.printer(), queue.layout(), "Văn phòng",
                printer.template().qr("o"));
        queue.addListener(printing);
        printing.addJobListener(marker); // before the panel's: its "finished" lands in the timeline before the LED goes dark
        var config = new ButtonConfig(List.of(new ButtonConfig.ButtonPin("ho-tich", 17), new ButtonConfig.ButtonPin("dat-dai", 27)),
                ButtonConfig.Pull.UP, Duration.ofMillis(30), Duration.ofMillis(800), OptionalInt.of(LED),
                buzzer ? OptionalInt.of(BUZZER) : OptionalInt.empty());
        Pi4jButtonPanel panel = new Pi4jButtonPanel(pi4j, config, scheduler, now::get);
        ButtonTickets tickets = new ButtonTickets(queue, panel, io, issued::add);
        panel.addPressListener(tickets);
        printing.addJobListener(tickets);
        panel.start();
        gpio.set(17, HIGH); // idle, pulled up
        gpio.set(27, HIGH);
        gpio.timeline.clear(); // the outputs' initial LOW
        return panel;
    }

    PrintJobListener marker() {
        return new PrintJobListener() {
            @Override public void started(String number) { gpio.timeline.add("printing " + number); }
            @Override public void finished(String number, PrintOutcome outcome) {
                gpio.timeline.add((outcome.printed() ? "printed " : "fault ") + number);
            }
        };
    }

    /** A firm press {@code atMs} after the pins settled idle (further apart than the debounce), then release. */
    void press(long atMs, int bcm) {
        now.set(1_000 * MS + (atMs + 100) * MS);
        gpio.set(bcm, LOW);
        now.set(1_000 * MS + (atMs + 300) * MS);
        gpio.set(bcm, HIGH);
    }

    @AfterEach
    void stop() throws Exception {
        if (printer != null) {
            printer.close();
        }
        io.shutdownNow();
        scheduler.shutdownNow();
        pi4j.shutdown();
        if (store != null) {
            store.close();
        }
    }

    @Test
    void theBusyLedIsLitFromThePressUntilTheTicketIsOutAndARefusalIsThreeBeeps() throws Exception {
        wire(true, marker());
        press(0, 27);
        await(() -> gpio.timeline.contains("printed B001") && only(LED).getLast().equals(LED + "=LOW"), "B001 printed, LED dark");
        List<String> led = only(LED, "printing", "printed");
        assertEquals(List.of(LED + "=HIGH", "printing B001", "printed B001", LED + "=LOW"), led,
                "lit at the press, through the print job, dark after: " + gpio.timeline);
        // the beep ends on its own timer, which may come after the print job on a quick printer
        await(() -> only(BUZZER).size() >= 2, "the press beep over");
        assertEquals(List.of(BUZZER + "=HIGH", BUZZER + "=LOW"), only(BUZZER), "one short beep for the press");

        gpio.timeline.clear();
        press(2000, 27); // Land's one ticket of the day is gone: refused
        await(() -> only(BUZZER).size() == 8, "the press beep and three refusal beeps");
        assertTrue(alternates(only(BUZZER)), "beeps apart, not run together: " + gpio.timeline);
        await(() -> only(LED).size() == 2, "the LED dark again");
        assertEquals(List.of(LED + "=HIGH", LED + "=LOW"), only(LED), "lit while the refused press was decided, no print job");
        assertTrue(gpio.timeline.stream().noneMatch(s -> s.startsWith("printing")), "no ticket for the refused press");
        assertEquals(List.of("B001"), issued, "the kiosk was told of the one ticket issued, not of the refused press");
    }

    @Test
    void withoutABuzzerARefusalBlinksTheLedAndAPrinterFaultDoesNotLeaveItLit() throws Exception {
        wire(false, marker());
        press(0, 27);
        await(() -> gpio.timeline.contains("printed B001") && only(LED).getLast().equals(LED + "=LOW"), "B001 printed");
        gpio.timeline.clear();

        press(2000, 27); // refused
        await(() -> only(LED).size() == 8, "lit for the press, dark, then three blinks");
        assertEquals(List.of("HIGH", "LOW", "HIGH", "LOW", "HIGH", "LOW", "HIGH", "LOW"),
                only(LED).stream().map(s -> s.substring(s.indexOf('=') + 1)).toList(), gpio.timeline.toString());

        gpio.timeline.clear();
        printer.simulator().orElseThrow().setPaperEnd(true);
        press(4000, 17);
        await(() -> gpio.timeline.contains("fault A001") && only(LED).getLast().equals(LED + "=LOW"), "the failed job ends");
        assertEquals(List.of(LED + "=HIGH", "printing A001", "fault A001", LED + "=LOW"), only(LED, "printing", "fault"));
    }

    private List<String> only(int bcm, String... markers) {
        return gpio.timeline.stream().filter(s -> s.startsWith(bcm + "=")
                || java.util.Arrays.stream(markers).anyMatch(m -> s.startsWith(m + " "))).toList();
    }

    private static boolean alternates(List<String> states) {
        for (int i = 0; i < states.size(); i++) {
            if (!states.get(i).endsWith(i % 2 == 0 ? "HIGH" : "LOW")) {
                return false;
            }
        }
        return true;
    }

    private void await(BooleanSupplier done, String what) throws InterruptedException {
        try {
            TestStores.await(done, Duration.ofSeconds(30), what);
        } catch (AssertionError e) {
            throw new AssertionError(e.getMessage() + "; outputs and print jobs: " + gpio.timeline, e);
        }
    }
}
