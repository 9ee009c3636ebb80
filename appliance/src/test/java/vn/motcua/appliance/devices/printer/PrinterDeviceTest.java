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

/** The demo's printer: configured "simulated", no tty, no socat; tickets land as PNGs in the data folder. */
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
            assertTrue(Files.exists(data.resolve("tickets/ticket-0001.png")));
            device.simulator().orElseThrow().setPaperEnd(true);
            var out = device.printer().print(Tickets.slip("D002", false)).get(30, TimeUnit.SECONDS);
            assertFalse(out.printed());
            assertEquals(PrinterStatus.Health.FAULT, device.printer().status().health());
            device.close();
        } finally {
            scheduler.shutdownNow();
        }
    }
}
