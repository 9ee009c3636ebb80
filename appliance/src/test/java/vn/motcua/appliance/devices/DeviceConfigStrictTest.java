package vn.motcua.appliance.devices;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.toml.TomlMapper;

import vn.motcua.appliance.config.ApplianceConfig;
import vn.motcua.appliance.config.ConfigException;
import vn.motcua.appliance.config.ConfigLoader;
import vn.motcua.appliance.devices.buttons.ButtonSetup;
import vn.motcua.appliance.devices.counterbus.CounterBusSettings;
import vn.motcua.appliance.devices.printer.PrinterSettings;
import vn.motcua.appliance.devices.reader.ReaderSetup;

/**
 * The {@code [devices.*]} sections are read as strictly as the rest of the file: a misspelt key or text where a
 * number or true/false belongs stops the appliance with the key and the value shown (sanitised, truncated),
 * instead of the device silently running on a default. And every shipped config passes these checks.
 */
class DeviceConfigStrictTest {
    static final Set<String> SERVICES = Set.of("ho-tich", "dat-dai");

    static JsonNode devices(String toml) throws Exception {
        return new TomlMapper().readTree(toml).path("devices");
    }

    /** Every problem the four device sections raise, as the appliance reports them at start. */
    static List<String> problems(String toml) throws Exception {
        JsonNode d = devices(toml);
        ApplianceConfig office = ConfigLoader.load(Path.of("src/main/dist/demo.conf"));
        List<String> out = new java.util.ArrayList<>();
        for (Runnable r : List.<Runnable>of(() -> PrinterSettings.from(d, false), () -> ReaderSetup.from(d),
                () -> ButtonSetup.from(d, SERVICES), () -> CounterBusSettings.from(d, office.office(), false))) {
            try {
                r.run();
            } catch (IllegalArgumentException e) {
                out.addAll(e.getMessage().lines().toList());
            }
        }
        return out;
    }

    @Test
    void aMisspeltKeyInEachSectionIsAnErrorNamingTheKeyAndItsValue() throws Exception {
        List<String> p = problems("""
                [devices.printer]
                mode = "serial"
                bauds = 19200
                [devices.reader]
                mode = "serial"
                gap = 80
                [devices.buttons]
                mode = "simulated"
                busy_lde = 24
                [[devices.buttons.map]]
                service = "ho-tich"
                pin = 17
                [devices.counter_bus]
                mode = "simulated"
                reply_timeout = "20ms"
                [[devices.counter_bus.boards]]
                address = 1
                counter = 1
                adress = 2
                """);
        assertTrue(p.stream().anyMatch(s -> s.startsWith("devices.printer.bauds = '19200': unknown key (expected one of baud,")), p.toString());
        assertTrue(p.stream().anyMatch(s -> s.startsWith("devices.reader.gap = '80': unknown key")), p.toString());
        assertTrue(p.stream().anyMatch(s -> s.startsWith("devices.buttons.busy_lde = '24': unknown key")), p.toString());
        assertTrue(p.stream().anyMatch(s -> s.startsWith("devices.buttons.map[0].pin = '17': unknown key (expected one of bcm, service)")), p.toString());
        assertTrue(p.stream().anyMatch(s -> s.startsWith("devices.counter_bus.reply_timeout = '20ms': unknown key")), p.toString());
        assertTrue(p.stream().anyMatch(s -> s.startsWith("devices.counter_bus.boards[0].adress = '2': unknown key")), p.toString());
    }

    @Test
    void textWhereANumberBelongsIsAnErrorNotTheDefault() throws Exception {
        List<String> p = problems("""
                [devices.printer]
                mode = "serial"
                baud = "fast"
                job_timeout_ms = "15000"
                status_poll_s = 2.5
                [devices.reader]
                mode = "serial"
                max_length = "lots"
                duplicate_window_s = "5s"
                priority_age = "sixty"
                [devices.buttons]
                mode = "simulated"
                debounce_ms = "30ms"
                buzzer = "GPIO25"
                [[devices.buttons.map]]
                service = "ho-tich"
                bcm = "17"
                [devices.counter_bus]
                mode = "simulated"
                baud = "115200 8N1"
                reply_timeout_ms = "20"
                """);
        for (String expected : List.of(
                "devices.printer.baud = 'fast': expected a whole number from 1200 to 921600 (without quotes)",
                "devices.printer.job_timeout_ms = '15000': expected a whole number from 1000 to 120000 (without quotes)",
                "devices.printer.status_poll_s = '2.5': expected a whole number from 1 to 3600",
                "devices.reader.max_length = 'lots': expected a whole number from 16 to 4096 (without quotes)",
                "devices.reader.duplicate_window_s = '5s': expected a whole number from 0 to 600 (without quotes)",
                "devices.reader.priority_age = 'sixty': expected a whole number from 50 to 100 (without quotes)",
                "devices.buttons.debounce_ms = '30ms': expected a whole number from 1 to 500 (without quotes)",
                "devices.buttons.buzzer = 'GPIO25': expected a whole number from 2 to 27 (without quotes)",
                "devices.buttons.map[0].bcm = '17': expected a whole number from 2 to 27 (without quotes)",
                "devices.counter_bus.baud = '115200 8N1': expected a whole number from 1200 to 3000000 (without quotes)",
                "devices.counter_bus.reply_timeout_ms = '20': expected a whole number from 1 to 1000 (without quotes)")) {
            assertTrue(p.contains(expected), expected + " in " + p);
        }
    }

    @Test
    void textWhereTrueOrFalseBelongsIsAnError() throws Exception {
        List<String> p = problems("""
                [devices.printer]
                rts_cts = "yes"
                simulated_images = "no"
                [devices.reader]
                grab = 1
                [devices.counter_bus]
                mode = "simulated"
                kernel_rs485 = "true"
                """);
        assertTrue(p.contains("devices.printer.rts_cts = 'yes': expected true or false"), p.toString());
        assertTrue(p.contains("devices.printer.simulated_images = 'no': expected true or false"), p.toString());
        assertTrue(p.contains("devices.reader.grab = '1': expected true or false"), p.toString());
        assertTrue(p.contains("devices.counter_bus.kernel_rs485 = 'true': expected true or false"), p.toString());
    }

    @Test
    void aShownValueHasNoControlCharactersAndIsCutShort() throws Exception {
        String junk = "\\u001b[2J" + "x".repeat(500);
        List<String> p = problems("[devices.printer]\nport = 7\nmode = \"" + junk + "\"\n");
        String mode = p.stream().filter(s -> s.startsWith("devices.printer.mode = ")).findFirst().orElseThrow();
        assertFalse(mode.chars().anyMatch(Character::isISOControl), mode);
        assertTrue(mode.length() < 160 && mode.contains("…"), mode);
        assertTrue(p.contains("devices.printer.port = '7': expected text in quotes"), p.toString());
    }

    @Test
    void aMisspeltDeviceSectionIsRefusedWhenTheFileLoads() throws Exception {
        String toml = Files.readString(Path.of("src/main/dist/demo.conf")) + "\n[devices.printr]\nmode = \"serial\"\n";
        ConfigException e = assertThrows(ConfigException.class, () -> ConfigLoader.parse(toml, "test.conf"));
        assertEquals(List.of("devices.printr = '{\"mode\":\"serial\"}': expected one of the sections counter_bus, printer, "
                + "reader, buttons; did you mean [devices.printer]?"), e.problems());
    }

    @ParameterizedTest
    @ValueSource(strings = {"src/main/dist/appliance.conf", "src/main/dist/demo.conf", "../provisioning/src/deb/etc/appliance.conf",
            "../provisioning/src/test/resources/render/appliance.conf"})
    void everyShippedConfigPassesTheDeviceChecks(String file) throws Exception {
        boolean demo = file.endsWith("demo.conf");
        // the golden rendering names a ticket layout on the device, not on this machine
        ApplianceConfig c = ConfigLoader.load(Path.of(file), new ConfigLoader.Options(demo, !file.contains("/render/")));
        PrinterSettings printer = c.devices().printer();
        ReaderSetup reader = c.devices().reader();
        ButtonSetup buttons = c.devices().buttons();
        CounterBusSettings bus = c.devices().counterBus();
        if (file.contains("/render/")) { // provisioning's golden rendering: every optional device came through
            assertEquals(ButtonSetup.Mode.GPIO, buttons.mode());
            assertEquals(List.of("ho-tich", "dat-dai"), buttons.config().buttons().stream()
                    .map(vn.motcua.appliance.devices.buttons.ButtonConfig.ButtonPin::serviceCode).toList());
            assertEquals(24, buttons.config().busyLed().getAsInt());
            assertEquals(ReaderSetup.Mode.EVDEV, reader.mode());
            assertTrue(reader.device().startsWith("/dev/input/by-id/"), reader.device());
            assertEquals(Path.of("/etc/motcua/ticket-template.properties"), printer.template().orElseThrow());
            assertTrue(printer.rtsCts());
            assertEquals(java.util.Map.of(1, 1, 5, 2), bus.counterByAddress());
        }
    }

    /** The example file is where a technician looks up a key: every key the code reads is written there. */
    @Test
    void theExampleConfigDocumentsEveryKeyTheCodeReads() throws Exception {
        String example = Files.readString(Path.of("src/main/dist/appliance.conf"));
        java.util.Map<String, Set<String>> sections = java.util.Map.of(
                "devices.printer", PrinterSettings.KEYS, "devices.reader", ReaderSetup.KEYS,
                "devices.buttons", union(ButtonSetup.KEYS, ButtonSetup.MAP_KEYS),
                "devices.counter_bus", union(CounterBusSettings.KEYS, CounterBusSettings.BOARD_KEYS),
                "uplink", vn.motcua.appliance.uplink.UplinkSettings.KEYS);
        List<String> missing = new java.util.ArrayList<>();
        sections.forEach((section, keys) -> {
            String block = block(example, section);
            for (String key : keys) {
                if (!key.equals("map") && !key.equals("boards")
                        && !java.util.regex.Pattern.compile("(?m)^#?\\s*" + key + "\\s*=").matcher(block).find()) {
                    missing.add(section + "." + key);
                }
            }
        });
        assertEquals(List.of(), missing, "keys read by the code but not in src/main/dist/appliance.conf");
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        Set<String> u = new java.util.HashSet<>(a);
        u.addAll(b);
        return u;
    }

    /** From the section's header to the next uncommented header. */
    private static String block(String file, String section) {
        int start = file.indexOf("\n[" + section + "]\n");
        assertTrue(start >= 0, "no [" + section + "] in the example");
        java.util.regex.Matcher next = java.util.regex.Pattern.compile("(?m)^\\[").matcher(file);
        int end = next.find(start + 2) ? next.start() : file.length();
        return file.substring(start, end);
    }
}
