package vn.motcua.appliance.devices.printer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.dataformat.toml.TomlMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.motcua.appliance.devices.resident.PrinterDevice;

/**
 * The demo's printer: configured "simulated", no tty, no socat; tickets land as PNGs in the data folder, named by day
 * and number, and a restart never overwrites one.
 */
class PrinterDeviceTest {
    @TempDir Path data;

    @Test
    void theSimulatedPrinterPrintsPngsIntoTheDataFolderAndCanRunOutOfPaper() throws Exception {
        var scheduler = Executors.newScheduledThreadPool(2);
        try {
            var settings = PrinterSettings.from(new TomlMapper().readTree("[devices.printer]\nmode = \"simulated\"\n").path("devices"), false);
            PrinterDevice device = PrinterDevice.open(settings, data, scheduler, scheduler, Clock.systemUTC()).orElseThrow();
            device.start();
            assertTrue(device.printer().print(Tickets.slip("D001", false)).get(30, TimeUnit.SECONDS).printed());
            // named by the day and number its QR carries (the test slips carry A023's)
            Path first = data.resolve("tickets/ticket-2026-11-22-A023.png");
            assertTrue(Files.exists(first));
            long firstSize = Files.size(first);
            device.close();

            // the demo restarted: the same ticket printed again lands beside the first, never over it
            device = PrinterDevice.open(settings, data, scheduler, scheduler, Clock.systemUTC()).orElseThrow();
            device.start();
            assertTrue(device.printer().print(Tickets.slip("D001", true)).get(30, TimeUnit.SECONDS).printed());
            assertTrue(Files.exists(data.resolve("tickets/ticket-2026-11-22-A023-2.png")));
            assertEquals(firstSize, Files.size(first), "the first ticket's image is untouched");
            device.simulator().orElseThrow().setPaperEnd(true);
            var out = device.printer().print(Tickets.slip("D002", false)).get(30, TimeUnit.SECONDS);
            assertFalse(out.printed());
            assertEquals(PrinterStatus.Health.FAULT, device.printer().status().health());
            device.close();
        } finally {
            scheduler.shutdownNow();
        }
    }

    @Test
    void withoutImagesTheSimulatedPrinterPrintsIntoMemoryOnly() throws Exception {
        var scheduler = Executors.newScheduledThreadPool(2);
        try {
            var settings = PrinterSettings.from(new TomlMapper().readTree(
                    "[devices.printer]\nmode = \"simulated\"\nsimulated_images = false\n").path("devices"), false);
            PrinterDevice device = PrinterDevice.open(settings, data, scheduler, scheduler, Clock.systemUTC()).orElseThrow();
            device.start();
            assertTrue(device.printer().print(Tickets.slip("D001", false)).get(30, TimeUnit.SECONDS).printed());
            assertEquals(1, device.simulator().orElseThrow().tickets().size(), "the ticket is drawn in memory");
            assertFalse(Files.exists(data.resolve("tickets")), "and no PNG is written");
            device.close();
        } finally {
            scheduler.shutdownNow();
        }
    }
}
