package vn.motcua.appliance.devices.counterbus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import com.fasterxml.jackson.dataformat.toml.TomlMapper;
import vn.motcua.appliance.config.ApplianceConfig;
import vn.motcua.appliance.config.ConfigLoader;
import vn.motcua.appliance.domain.OfficeLayout;
import vn.motcua.bus.modbus.ModbusDisplayConfig;

/**
 * {@code mode = "modbus"} in {@code [devices.counter_bus]}: every setting reaches the adapter's
 * {@link ModbusDisplayConfig}, and every bad value is a problem naming its key, all of them reported together.
 */
class ModbusCounterBusSettingsTest {
    static final Path DEMO = Path.of("src/main/dist/demo.conf");

    private static CounterBusSettings read(OfficeLayout office, String section) throws Exception {
        return CounterBusSettings.from(new TomlMapper().readTree(section).path("devices"), office, false);
    }

    private static OfficeLayout demoOffice() throws Exception {
        return ConfigLoader.load(DEMO).office();
    }

    private static List<String> problems(OfficeLayout office, String section) {
        return assertThrows(IllegalArgumentException.class, () -> read(office, section)).getMessage().lines().toList();
    }

    @Test
    void everyModbusSettingReachesTheAdapter() throws Exception {
        CounterBusSettings s = read(demoOffice(), """
                [devices.counter_bus]
                mode = "modbus"
                port = "/dev/motcua-displays"
                baud = 19200
                parity = "even"
                number_register = 40
                blank_value = 0
                reply_timeout_ms = 250
                refresh_s = 10
                [[devices.counter_bus.boards]]
                address = 101
                counter = 1
                [[devices.counter_bus.boards]]
                address = 102
                counter = 2
                """);
        assertEquals(CounterBusSettings.Mode.MODBUS, s.mode());
        assertNull(s.bus(), "no motcua-board bus in this mode");
        assertEquals(Map.of(101, 1, 102, 2), s.counterByAddress());
        ModbusDisplayConfig m = s.modbus();
        assertEquals(new ModbusDisplayConfig("/dev/motcua-displays", 19200, true, new java.util.TreeSet<>(Set.of(101, 102)),
                40, 0, Duration.ofMillis(250), Duration.ofSeconds(10), 3), m);
    }

    @Test
    void theDefaultsAreTheDisplaysFactorySettingsAndOneDisplayPerCounter() throws Exception {
        OfficeLayout office = demoOffice();
        ModbusDisplayConfig m = read(office, "[devices.counter_bus]\nmode = \"modbus\"\n").modbus();
        assertEquals(ModbusDisplayConfig.defaults("/dev/motcua-bus", m.units()), m);
        assertEquals(office.counters().stream().map(c -> c.number()).toList(), List.copyOf(m.units()),
                "unit id = counter number unless boards are listed");
    }

    @Test
    void everyBadModbusValueIsNamedByItsKeyAllAtOnce() throws Exception {
        List<String> p = problems(demoOffice(), """
                [devices.counter_bus]
                mode = "modbus"
                baud = 230400
                parity = "odd"
                number_register = 70000
                blank_value = -1
                reply_timeout_ms = 5000
                refresh_s = 0
                kernel_rs485 = true
                [[devices.counter_bus.boards]]
                address = 248
                counter = 1
                """);
        assertEquals(List.of(
                "devices.counter_bus.boards[0].address = '248': expected a whole number from 1 to 247",
                "devices.counter_bus.kernel_rs485 = 'true': expected nothing with mode = \"modbus\" (the USB adapter switches direction by itself)",
                "devices.counter_bus.baud = '230400': expected a whole number from 1200 to 115200",
                "devices.counter_bus.boards: expected at least one board",
                "devices.counter_bus.parity = 'odd': expected none or even, as the display's manual says (8N1 or 8E1)",
                "devices.counter_bus.number_register = '70000': expected a whole number from 0 to 65535",
                "devices.counter_bus.blank_value = '-1': expected a whole number from 0 to 65535",
                "devices.counter_bus.reply_timeout_ms = '5000': expected a whole number from 1 to 2000",
                "devices.counter_bus.refresh_s = '0': expected a whole number from 1 to 3600"), p);
    }

    @Test
    void modbusKeysUnderAnotherModeAreRefusedNotIgnored() throws Exception {
        List<String> p = problems(demoOffice(), """
                [devices.counter_bus]
                mode = "rs485"
                parity = "even"
                blank_value = 0
                """);
        assertEquals(List.of(
                "devices.counter_bus.blank_value = '0': expected nothing here unless mode = \"modbus\" (remove it, or set the mode)",
                "devices.counter_bus.parity = 'even': expected nothing here unless mode = \"modbus\" (remove it, or set the mode)"), p);
    }

    @Test
    void aServiceNumberedPast999CannotBeShownOnAModbusDisplay() throws Exception {
        String toml = Files.readString(DEMO).replaceFirst("last_number  = 999", "last_number  = 1500");
        ApplianceConfig c = ConfigLoader.parse(toml, "test");
        List<String> p = problems(c.office(), "[devices.counter_bus]\nmode = \"modbus\"\n");
        assertEquals(List.of("services: last_number 1500 of ho-tich makes numbers like A1500, longer than a Modbus "
                + "number display shows (4 characters); use at most 999"), p);
    }

    @Test
    void theModeIsNamedAmongTheChoicesWhenMisspelt() throws Exception {
        List<String> p = problems(demoOffice(), "[devices.counter_bus]\nmode = \"modbus-rtu\"\n");
        assertEquals(List.of("devices.counter_bus.mode = 'modbus-rtu': expected rs485, modbus, simulated or off"), p);
    }
}
