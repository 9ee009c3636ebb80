package vn.motcua.appliance.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.LocalTime;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import vn.motcua.appliance.domain.OpeningHours;
import vn.motcua.appliance.domain.QueueRules;

class ConfigLoaderTest {
    private static final Path EXAMPLE = Path.of("src/main/dist/appliance.conf");
    private static final Path DEMO = Path.of("src/main/dist/demo.conf");

    @Test
    void theShippedExampleDescribesARealisticOffice() throws Exception {
        ApplianceConfig c = ConfigLoader.load(EXAMPLE);
        assertEquals(6, c.office().services().size());
        assertEquals(10, c.office().counters().size());
        assertEquals("hcm-q1-benthanh-01", c.identity().deviceId());
        assertEquals("Hộ tịch", c.office().service("ho-tich").orElseThrow().nameVi());
        assertEquals(LocalTime.of(4, 0), c.office().rules().dayStartsAt());
        assertEquals(Duration.ofMinutes(15), c.office().rules().noShowRecallWindow());
        assertTrue(c.web().bind().isLoopbackAddress(), "loopback until staff logins exist");
        assertTrue(c.store().durableCommits());
    }

    @Test
    void theDemoConfigLoads() throws Exception {
        assertEquals(Path.of("./data"), ConfigLoader.load(DEMO).identity().dataDir());
    }

    /** "Open around the clock" must hold in the day's last minute too: 23:59 as closing time refused tickets then. */
    @Test
    void theDemoOfficeTakesTicketsAroundTheClockWithClosingTime2400() throws Exception {
        ApplianceConfig c = ConfigLoader.load(DEMO);
        for (String code : new String[] {"ho-tich", "chung-thuc"}) { // the default hours and a service's own
            OpeningHours h = c.office().service(code).orElseThrow().hours();
            for (String t : new String[] {"2026-11-22T00:00", "2026-11-22T12:00", "2026-11-22T23:59:30", "2026-11-22T23:59:59.999"}) {
                assertEquals(OpeningHours.Availability.OPEN, h.at(LocalDateTime.parse(t)), code + " at " + t);
            }
        }
        String bad = Files.readString(EXAMPLE).replaceFirst("opens        = \"07:30\"", "opens        = \"24:00\"")
                .replaceFirst("closes       = \"17:00\"", "closes       = \"24:30\"");
        ConfigException e = assertThrows(ConfigException.class, () -> ConfigLoader.parse(bad, "test.conf"));
        assertTrue(e.problems().contains("hours.opens = '24:00': expected a local time HH:MM, e.g. 07:30"), e.getMessage());
        assertTrue(e.problems().stream().anyMatch(p -> p.startsWith("hours.closes = '24:30'")), e.getMessage());
    }

    /** Issue 15: a call nobody started is a no-show by default; an office that never presses start says so. */
    @Test
    void theRuleForAnUnstartedCallIsNoShowUnlessTheOfficeSaysServed() throws Exception {
        assertEquals(QueueRules.UnstartedCall.NO_SHOW, ConfigLoader.load(EXAMPLE).office().rules().unstartedCallOnNext());
        String example = Files.readString(EXAMPLE);
        String served = example.replace("unstarted_call_on_next = \"no_show\"", "unstarted_call_on_next = \"served\"");
        assertEquals(QueueRules.UnstartedCall.SERVED, ConfigLoader.parse(served, "test.conf").office().rules().unstartedCallOnNext());
        String unset = example.replace("unstarted_call_on_next = \"no_show\"\n", "");
        assertEquals(QueueRules.UnstartedCall.NO_SHOW, ConfigLoader.parse(unset, "test.conf").office().rules().unstartedCallOnNext());
        String bad = example.replace("unstarted_call_on_next = \"no_show\"", "unstarted_call_on_next = \"finished\"");
        ConfigException e = assertThrows(ConfigException.class, () -> ConfigLoader.parse(bad, "test.conf"));
        assertTrue(e.problems().contains("queue.unstarted_call_on_next = 'finished': expected \"no_show\" or \"served\""),
                e.getMessage());
    }

    /** Issue 19: the booked lane's grace and whether early arrivals wait, with their defaults and their problems. */
    @Test
    void theBookingRuleIsReadFromTheQueueSectionAndCheckedLikeEveryKey() throws Exception {
        assertEquals(vn.motcua.appliance.domain.BookingRules.defaults(), ConfigLoader.load(DEMO).office().rules().bookings());
        String example = Files.readString(EXAMPLE);
        String set = example.replace("booking_grace               = \"10m\"", "booking_grace               = \"5m\"")
                .replace("booking_early_arrivals_wait = true", "booking_early_arrivals_wait = false");
        assertEquals(new vn.motcua.appliance.domain.BookingRules(Duration.ofMinutes(5), false),
                ConfigLoader.parse(set, "test.conf").office().rules().bookings());
        String unset = example.replaceAll("(?m)^booking_.*\n", "");
        assertEquals(vn.motcua.appliance.domain.BookingRules.defaults(), ConfigLoader.parse(unset, "test.conf").office().rules().bookings());
        String bad = example.replace("booking_grace               = \"10m\"", "booking_grace               = \"3h\"")
                .replace("booking_early_arrivals_wait = true", "booking_early_arrivals_wait = \"yes\"");
        ConfigException e = assertThrows(ConfigException.class, () -> ConfigLoader.parse(bad, "test.conf"));
        assertTrue(e.problems().contains("queue.booking_grace = '3h': expected a duration from 0s to 2h"), e.getMessage());
        assertTrue(e.problems().stream().anyMatch(p -> p.startsWith("queue.booking_early_arrivals_wait = 'yes'")), e.getMessage());
        String notADuration = example.replace("booking_grace               = \"10m\"", "booking_grace               = \"soon\"");
        ConfigException e2 = assertThrows(ConfigException.class, () -> ConfigLoader.parse(notADuration, "test.conf"));
        assertEquals(List.of("queue.booking_grace = 'soon': expected a duration such as 90s, 15m, 2h or 30d"), e2.problems());
    }

    @Test
    void aBadValueIsNamedWithItsKeyTheValueAndWhatWasExpected() throws Exception {
        String toml = Files.readString(EXAMPLE)
                .replace("day_starts_at          = \"04:00\"", "day_starts_at          = \"25:61\"")
                .replace("prefix       = \"B\"", "prefix       = \"bb\"")
                .replace("no_show_recall_window  = \"15m\"", "no_show_recall_window  = \"soon\"");
        ConfigException e = assertThrows(ConfigException.class, () -> ConfigLoader.parse(toml, "test.conf"));
        assertTrue(e.problems().contains("queue.day_starts_at = '25:61': expected a local time HH:MM, e.g. 07:30"),
                e.getMessage());
        assertTrue(e.problems().contains("services[1].prefix = 'bb': expected one capital letter A-Z"), e.getMessage());
        assertTrue(e.problems().stream().anyMatch(p -> p.startsWith("queue.no_show_recall_window = 'soon'")), e.getMessage());
    }

    @Test
    void anUnknownKeyIsRefusedNotIgnored() throws Exception {
        String toml = Files.readString(EXAMPLE).replace("[web]\n", "[web]\nbind_adress = \"0.0.0.0\"\n");
        ConfigException e = assertThrows(ConfigException.class, () -> ConfigLoader.parse(toml, "test.conf"));
        assertTrue(e.getMessage().contains("web.bind_adress = ") && e.getMessage().contains("unknown key"), e.getMessage());
    }

    @Test
    void idsThatWouldBreakMqttTopicsAreRefused() throws Exception {
        String toml = Files.readString(EXAMPLE).replace("office         = \"benthanh\"", "office         = \"ben/#\"");
        ConfigException e = assertThrows(ConfigException.class, () -> ConfigLoader.parse(toml, "test.conf"));
        assertTrue(e.getMessage().contains("appliance.office = 'ben/#'"), e.getMessage());
    }

    @Test
    void aCounterServingAnUnknownServiceIsRefused() throws Exception {
        String toml = Files.readString(EXAMPLE).replace("services = [\"ldtbxh\"]", "services = [\"ldtbxh\", \"thue\"]");
        ConfigException e = assertThrows(ConfigException.class, () -> ConfigLoader.parse(toml, "test.conf"));
        assertEquals(List.of("counters[6].services = '[ldtbxh, thue]': expected codes of [[services]] entries (ho-tich, dat-dai,"
                + " xay-dung, kinh-doanh, ldtbxh, chung-thuc)"), e.problems());
    }

    @Test
    void brokenTomlMissingFileAndOversizedFileGetClearMessages(@TempDir Path dir) throws Exception {
        ConfigException bad = assertThrows(ConfigException.class, () -> ConfigLoader.parse("[appliance\nx=", "t"));
        assertTrue(bad.getMessage().contains("not valid TOML"), bad.getMessage());
        ConfigException missing = assertThrows(ConfigException.class, () -> ConfigLoader.load(dir.resolve("nope.conf")));
        assertTrue(missing.getMessage().contains("not found"));
        Path big = dir.resolve("big.conf");
        Files.writeString(big, "#".repeat(300_000));
        ConfigException tooBig = assertThrows(ConfigException.class, () -> ConfigLoader.load(big));
        assertTrue(tooBig.getMessage().contains("larger than"));
        ConfigException wrongType = assertThrows(ConfigException.class,
                () -> ConfigLoader.parse(Files.readString(EXAMPLE).replace("port           = 8080", "port = \"eighty\""), "t"));
        assertTrue(wrongType.getMessage().contains("web.port"), wrongType.getMessage());
    }
}
