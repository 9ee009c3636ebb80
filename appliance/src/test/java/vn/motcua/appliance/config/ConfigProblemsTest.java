package vn.motcua.appliance.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Each section of the example config with a bad value: the loader names the key, shows the value and what was
 * expected, and reports every problem of the file together (issue 16: the device and uplink sections used to be
 * read only at start, after the store was opened, and only the first problem was named).
 */
class ConfigProblemsTest {
    static final String EXAMPLE = read("src/main/dist/appliance.conf");
    /** The same without its config_version line: as a file from before config_version existed. */
    static final String EXAMPLE_V1 = EXAMPLE.replace("\nconfig_version = 2\n", "\n");

    static String read(String file) {
        try {
            return Files.readString(Path.of(file));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** The example with one line of a section replaced (the first line starting with {@code key =} after it). */
    static String with(String section, String key, String value) {
        int at = EXAMPLE.indexOf("\n" + section + "\n");
        assertTrue(at >= 0, section);
        Matcher m = Pattern.compile("(?m)^" + Pattern.quote(key) + "\\s*=.*$").matcher(EXAMPLE);
        if (m.find(at)) {
            return EXAMPLE.substring(0, m.start()) + key + " = " + value + EXAMPLE.substring(m.end());
        }
        int end = at + section.length() + 2;
        return EXAMPLE.substring(0, end) + key + " = " + value + "\n" + EXAMPLE.substring(end);
    }

    static List<String> problems(String toml) {
        return assertThrows(ConfigException.class, () -> ConfigLoader.parse(toml, "test.conf")).problems();
    }

    @Test
    void theExampleItselfLoads() throws Exception {
        ApplianceConfig c = ConfigLoader.parse(EXAMPLE, "example");
        assertTrue(c.uplink().isEmpty(), "the example's uplink is switched off");
        assertEquals(vn.motcua.appliance.devices.printer.PrinterSettings.Mode.SERIAL, c.devices().printer().mode());
        assertEquals(false, c.voice().guidanceOnButtons(), "the kiosk speaks a button's ticket only if the office says so");
        assertEquals(true, ConfigLoader.parse(with("[voice]", "guidance_on_buttons", "true"), "test.conf").voice().guidanceOnButtons());
    }

    @ParameterizedTest(name = "[{0}] {1} = {2}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
            "[appliance]|device_id|'HCM Q1'|appliance.device_id = 'HCM Q1': expected 1-64 of a-z",
            "[appliance]|wall_clock|'ntp'|appliance.wall_clock = 'ntp': expected \"timesync\"",
            "[queue]|zone|'Asia/Hanoi'|queue.zone = 'Asia/Hanoi': expected a time zone id",
            "[queue]|estimate_sample|'twenty'|queue.estimate_sample = 'twenty': expected a whole number",
            "[queue]|estimate_sample|2.5|queue.estimate_sample = '2.5': expected a whole number",
            "[hours]|opens|'7h30'|hours.opens = '7h30': expected a local time HH:MM",
            "[[services]]|prefix|'AB'|services[0].prefix = 'AB': expected one capital letter",
            "[[services]]|first_number|false|services[0].first_number = 'false': expected a whole number",
            "[store]|durable_commits|2|store.durable_commits = '2': expected true or false",
            "[appliance]|office_name_vi|5|appliance.office_name_vi = '5': expected text in quotes",
            "[[services]]|daily_cap|true|services[0].daily_cap = 'true': expected a whole number",
            "[[counters]]|services|'ho-tich'|counters[0].services = 'ho-tich': expected a list",
            "[web]|port|70000|web.port = '70000': expected a whole number from 0 to 65535",
            "[web.lan]|bind|'everywhere'|web.lan.bind = 'everywhere': expected an IP address",
            "[web.lan]|enabled|'yes'|web.lan.enabled = 'yes': expected true or false",
            "[kiosk]|status_timeout_seconds|1|kiosk.status_timeout_seconds = '1': expected a whole number from 5 to 600",
            "[voice]|languages|'en'|voice.languages = 'en': expected \"vi\"",
            "[voice]|guidance_on_buttons|'yes'|voice.guidance_on_buttons = 'yes': expected true or false",
            "[manager]|alert_waiting|0|manager.alert_waiting = '0': expected a whole number from 1 to 9999",
            "[manager]|alert_wait|'half an hour'|manager.alert_wait = 'half an hour': expected a duration",
            "[store]|outbox_retention|'forever'|store.outbox_retention = 'forever': expected a duration",
            "[store]|durable_commits|'no'|store.durable_commits = 'no': expected true or false",
            "[uplink]|bogus_key|1|uplink.bogus_key = '1': unknown key (expected one of backlog_rate,",
            "[uplink]|keep_alive|'soon'|uplink.keep_alive = 'soon': expected a duration",
            "[uplink]|backlog_rate|-3|uplink.backlog_rate = '-3': expected a whole number from 0",
            "[devices.counter_bus]|mode|'rs232'|devices.counter_bus.mode = 'rs232': expected rs485, modbus, simulated or off",
            "[devices.counter_bus]|baud|'fast'|devices.counter_bus.baud = 'fast': expected a whole number",
            "[devices.printer]|mode|'usbprinter'|devices.printer.mode = 'usbprinter': expected serial, usblp, simulated or off",
            "[devices.printer]|baud|'19200 8N1'|devices.printer.baud = '19200 8N1': expected a whole number",
            "[devices.reader]|mode|'hid'|devices.reader.mode = 'hid': expected serial, evdev, simulated or off",
            "[devices.reader]|dossier_pattern|'(['|devices.reader.dossier_pattern: not a valid regular expression",
            "[devices.buttons]|mode|'on'|devices.buttons.mode = 'on': expected gpio, simulated or off",
            "[devices.buttons]|debounce_ms|0|devices.buttons.debounce_ms = '0': expected a whole number from 1 to 500",
    })
    void aBadValueInEachSectionIsNamedWithItsValueAndWhatWasExpected(String section, String key, String value, String expected) {
        List<String> p = problems(with(section, key, value.replace('\'', '"')));
        assertTrue(p.stream().anyMatch(s -> s.startsWith(expected.replace("\\\"", "\""))), expected + " in " + p);
        assertEquals(1, p.size(), "one problem, one line: " + p);
    }

    @Test
    void aBadCalendarDayIsNamedByItsIndex() {
        assertEquals(List.of("calendar.closed_days[1] = '2027-02-05..2027-13-10': expected a date 2027-01-01 or a range"
                + " 2027-02-05..2027-02-11 (first day not after the last, at most 31 days)"),
                problems(EXAMPLE.replace("\"2027-02-05..2027-02-10\"", "\"2027-02-05..2027-13-10\"")));
    }

    @Test
    void problemsInManySectionsAreReportedTogether() {
        String toml = with("[queue]", "zone", "\"Asia/Hanoi\"");
        toml = toml.replace("mode = \"serial\"              # serial, usblp", "mode = \"usbprinter\"  # serial, usblp");
        toml = toml.replace("[uplink]\n", "[uplink]\nbogus_key = 1\n");
        toml = toml.replace("[manager]\nalert_waiting = 20", "[manager]\nalert_waiting = \"many\"");
        toml = toml.replace("[web]\n", "[web]\nmax_body_byte = 100\n");
        List<String> p = problems(toml);
        assertEquals(java.util.Set.of("queue.zone", "devices.printer.mode", "uplink.bogus_key", "manager.alert_waiting",
                "web.max_body_byte"), p.stream().map(s -> s.substring(0, s.indexOf(" = "))).collect(java.util.stream.Collectors.toSet()),
                p.toString());
        assertEquals(5, p.size(), p.toString());
        assertTrue(p.stream().anyMatch(s -> s.startsWith("web.max_body_byte = '100': unknown key") && s.endsWith("did you mean max_body_bytes?")), p.toString());
    }

    @Test
    void aSecretWrittenIntoTheFileByMistakeIsNeverEchoed() {
        List<String> p = problems(EXAMPLE.replace("[uplink]\n", "[uplink]\npassword = \"hunter2-secret\"\n")
                .replace("[web]\n", "[web]\napi_token = 12345\n"));
        assertTrue(p.contains("uplink.password = (hidden): unknown key (expected one of backlog_rate, backlog_window, broker, "
                + "ca_file, client_keystore, connect_timeout, enabled, heartbeat, keep_alive, live_window, lookup_timeout, "
                + "max_pending_events, min_free_mib, reconnect_initial, reconnect_max, secrets_file, username)"), p.toString());
        assertTrue(p.stream().anyMatch(s -> s.startsWith("web.api_token = (hidden): unknown key")), p.toString());
        assertFalse(p.toString().contains("hunter2") || p.toString().contains("12345"), p.toString());
    }

    @Test
    void anUplinkSwitchedOffIsStillChecked() {
        List<String> p = problems(EXAMPLE.replace("heartbeat          = \"60s\"", "heartbeat          = \"often\""));
        assertEquals(List.of("uplink.heartbeat = 'often': expected a duration like 500ms, 30s, 5m"), p);
    }

    @Test
    void aFileWithoutConfigVersionIsVersion1AndItsRenamedKeyIsMigrated() throws Exception {
        assertFalse(EXAMPLE_V1.contains("config_version"), "the example is checked here as a version-1 file too");
        String v1 = EXAMPLE_V1.replace("enabled            = false", "enabled            = true")
                .replace("lookup_timeout     = \"5s\"", "lookup_timeout     = \"5s\"\nmin_free_mb = 300");
        ApplianceConfig c = ConfigLoader.parse(v1, "old.conf");
        assertEquals(300L << 20, c.uplink().orElseThrow().minFreeBytes(), "min_free_mb of version 1 read as min_free_mib");
        List<String> p = problems("config_version = 2\n" + v1);
        assertEquals(1, p.size(), p.toString());
        assertTrue(p.getFirst().startsWith("uplink.min_free_mb = '300': unknown key") && p.getFirst().endsWith("did you mean min_free_mib?"), p.toString());
        assertEquals(List.of("uplink.min_free_mb = '300': expected only uplink.min_free_mib (the new name of this key since"
                + " config_version 2); remove one of the two"), problems(v1.replace("min_free_mb = 300", "min_free_mb = 300\nmin_free_mib = 200")));
    }

    @Test
    void aVersionNewerThanThisApplianceIsOneClearProblem() {
        assertEquals(List.of("config_version = '3': expected at most 2: the file was written for a newer motcua appliance;"
                + " install that version, or write this file for version 2"), problems("config_version = 3\n" + EXAMPLE_V1
                + "\n[future]\nx = 1\n"));
        assertEquals(List.of("config_version = 'two': expected a whole number from 1 to 2 (without quotes), at the top of"
                + " the file"), problems("config_version = \"two\"\n" + EXAMPLE_V1));
    }

    @Test
    void theShippedFilesAreTheCurrentVersion() throws Exception {
        for (String f : List.of("src/main/dist/appliance.conf", "src/main/dist/demo.conf", "../provisioning/src/deb/etc/appliance.conf",
                "../provisioning/ansible/roles/motcua/templates/appliance.conf.j2")) {
            assertTrue(read(f).contains("\nconfig_version = " + ConfigMigration.CURRENT + "\n"), f);
        }
    }
}
