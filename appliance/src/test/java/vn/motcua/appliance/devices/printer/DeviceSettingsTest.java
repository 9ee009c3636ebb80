package vn.motcua.appliance.devices.printer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.dataformat.toml.TomlMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.motcua.appliance.devices.buttons.ButtonSetup;
import vn.motcua.appliance.devices.reader.ReaderSetup;
import vn.motcua.appliance.devices.reader.ResidentKeyFile;

/** The [devices.printer], [devices.reader] and [devices.buttons] sections as a technician writes them in TOML. */
class DeviceSettingsTest {
    @TempDir Path dir;

    static JsonNode devices(String toml) throws Exception {
        return new TomlMapper().readTree(toml).path("devices");
    }

    @Test
    void aFullConfigReads() throws Exception {
        JsonNode d = devices("""
                [devices.printer]
                mode = "serial"
                port = "/dev/ttyACM0"
                baud = 115200
                template = "/etc/motcua/ticket.properties"
                [devices.reader]
                mode = "evdev"
                device = "/dev/input/by-id/usb-scanner-event-kbd"
                [devices.buttons]
                mode = "gpio"
                gpiochip = "gpiochip4"
                busy_led = 24
                [[devices.buttons.map]]
                service = "ho-tich"
                bcm = 17
                [[devices.buttons.map]]
                service = "dat-dai"
                bcm = 27
                """);
        var p = PrinterSettings.from(d, false);
        assertEquals(PrinterSettings.Mode.SERIAL, p.mode());
        assertEquals(115200, p.baud());
        assertEquals(Path.of("/etc/motcua/ticket.properties"), p.template().orElseThrow());
        var r = ReaderSetup.from(d);
        assertEquals(ReaderSetup.Mode.EVDEV, r.mode());
        assertTrue(r.grab());
        var b = ButtonSetup.from(d, Set.of("ho-tich", "dat-dai"));
        assertEquals(2, b.config().buttons().size());
        assertEquals(24, b.config().busyLed().getAsInt());
        assertEquals("gpiochip4", b.gpioChip());
    }

    @Test
    void absentSectionsMeanOffOrSimulatedInTheDemo() {
        JsonNode none = MissingNode.getInstance();
        assertEquals(PrinterSettings.Mode.OFF, PrinterSettings.from(none, false).mode());
        assertEquals(PrinterSettings.Mode.SIMULATED, PrinterSettings.from(none, true).mode());
        assertEquals(ReaderSetup.Mode.OFF, ReaderSetup.from(none).mode());
        assertEquals(ButtonSetup.Mode.OFF, ButtonSetup.from(none, Set.of()).mode());
    }

    @Test
    void everyMistakeIsListedWithItsKey() throws Exception {
        var e = assertThrows(IllegalArgumentException.class, () -> PrinterSettings.from(devices("""
                [devices.printer]
                mode = "laser"
                baud = 7
                job_timeout_ms = 1
                """), false));
        assertTrue(e.getMessage().contains("devices.printer.mode") && e.getMessage().contains("devices.printer.baud")
                && e.getMessage().contains("devices.printer.job_timeout_ms"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> ReaderSetup.from(devices("""
                [devices.reader]
                mode = "evdev"
                dossier_pattern = "(("
                max_length = 5
                """)));
        assertTrue(e.getMessage().contains("devices.reader.device") && e.getMessage().contains("devices.reader.dossier_pattern")
                && e.getMessage().contains("devices.reader.max_length"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> ButtonSetup.from(devices("""
                [devices.buttons]
                mode = "gpio"
                gpiochip = "/dev/gpiochip0"
                [[devices.buttons.map]]
                service = "nope"
                bcm = 17
                """), Set.of("ho-tich")));
        assertTrue(e.getMessage().contains("devices.buttons.map[0].service")
                && e.getMessage().contains("devices.buttons.gpiochip = '/dev/gpiochip0': expected gpiochipN"), e.getMessage());
    }

    @Test
    void theResidentKeyIsMadeOnceReadableByTheApplianceAloneAndKept() throws Exception {
        Path f = dir.resolve("data/resident.key");
        byte[] k1 = ResidentKeyFile.loadOrCreate(f);
        assertEquals(32, k1.length);
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(f)));
        assertArrayEquals(k1, ResidentKeyFile.loadOrCreate(f));
        Files.write(f, new byte[8]);
        assertThrows(java.io.IOException.class, () -> ResidentKeyFile.loadOrCreate(f));
    }
}
