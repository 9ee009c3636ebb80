package vn.motcua.appliance.devices;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.motcua.appliance.Appliance;
import vn.motcua.appliance.TestStores;
import vn.motcua.appliance.config.ConfigLoader;
import vn.motcua.appliance.devices.buttons.SimulatedButtonPanel;
import vn.motcua.appliance.devices.reader.ResidentKeyFile;
import vn.motcua.appliance.devices.reader.ResidentKeyer;
import vn.motcua.appliance.service.Health;
import vn.motcua.bus.pty.SocatPty;

/**
 * An office without a touch kiosk: the real serial reader on a socat pty beside the service buttons. A card read
 * just before a button press links that ticket and gives an elderly resident priority, once; the reader's cable
 * pulled and put back is a fault on /healthz and a device.fault / device.recovered pair in the outbox.
 */
class ReaderBesideButtonsTest {
    /** Born 1950: over the default priority age. */
    static final String ID = "079150001234";
    static final String CCCD = ID + "|025123456|Trần Văn Bảy|15081950|Nam|12 Lê Lợi, Quận 1, TP. Hồ Chí Minh|01072021";

    @TempDir
    Path dir;

    @Test
    void aCardReadBeforeAButtonLinksThatTicketWithItsPriorityAndAPulledCableIsAFault() throws Exception {
        Path data = Files.createDirectories(dir.resolve("data"));
        try (SocatPty pty = new SocatPty(Files.createDirectories(dir.resolve("pty")))) {
            String toml = TestStores.demoToml(data)
                    + "\n[devices.reader]\nmode = \"serial\"\nport = \"" + pty.host + "\"\nbaud = 9600\n"
                    + "\n[devices.buttons]\nmode = \"simulated\"\n[[devices.buttons.map]]\nservice = \"ho-tich\"\nbcm = 17\n";
            try (Appliance a = new Appliance(ConfigLoader.parse(toml, "test"), Clock.systemUTC())) {
                a.start();
                // "ok", not "unknown" (not started yet)
                await(() -> reader(a).ok() && reader(a).state().startsWith("ok"), "the reader is open");
                SimulatedButtonPanel buttons = (SimulatedButtonPanel) a.devices().buttons().orElseThrow();

                try (OutputStream reader = Files.newOutputStream(pty.device, StandardOpenOption.WRITE)) {
                    reader.write((CCCD + "\r").getBytes(StandardCharsets.UTF_8));
                }
                await(() -> a.queue().residentCards().forButton().isPresent(), "the card is read");
                buttons.press("ho-tich");
                await(() -> rows(a).contains("A001"), "the first button ticket");
                buttons.press("ho-tich");
                await(() -> rows(a).contains("A002"), "the second button ticket");

                String key = new ResidentKeyer(ResidentKeyFile.loadOrCreate(data.resolve("resident.key"))).keyOf(ID);
                String a001 = line(rows(a), "A001");
                String a002 = line(rows(a), "A002");
                assertTrue(a001.contains("|" + key + "|") && a001.contains("ELDERLY"), "linked, with priority: " + a001);
                assertFalse(a002.contains(key) || a002.contains("ELDERLY"), "the card is used up: " + a002);

                pty.unplug();
                await(() -> !reader(a).ok(), "the pulled reader cable on /healthz");
                assertEquals("disconnected", reader(a).state());
                pty.plugIn();
                await(() -> reader(a).ok(), "the reader back on /healthz");
                String outbox = TestStores.rows(a.store(), List.of("outbox"));
                assertEquals(1, count(outbox, "device.fault", "\"device\":\"reader\""), outbox);
                assertEquals(1, count(outbox, "device.recovered", "\"device\":\"reader\""), outbox);
                assertFalse(outbox.contains(ID), "no raw ID number in the outbox");
            }
        }
    }

    private static Health.Status reader(Appliance a) {
        return a.health().snapshot().get("reader");
    }

    private static String rows(Appliance a) {
        return TestStores.rows(a.store(), List.of("ticket"));
    }

    private static String line(String rows, String number) {
        return rows.lines().filter(l -> l.contains(number)).findFirst().orElseThrow();
    }

    private static long count(String rows, String type, String also) {
        return rows.lines().filter(l -> l.contains(type) && l.contains(also)).count();
    }

    private static void await(BooleanSupplier done, String what) throws InterruptedException {
        TestStores.await(done, Duration.ofSeconds(20), what);
    }
}
