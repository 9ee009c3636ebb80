package vn.motcua.appliance.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;

import org.junit.jupiter.api.Test;

import vn.motcua.appliance.domain.OpeningHours;

/**
 * {@code [calendar] closed_days}, {@code [kiosk] status_timeout_seconds} and {@code [voice] languages}: the shipped
 * example's values are read, the defaults hold when a section is missing, and a bad value is one line naming its key.
 */
class OfficeCalendarConfigTest {
    private static final Path EXAMPLE = Path.of("src/main/dist/appliance.conf");

    @Test
    void theExampleClosesTetAndTheHolidaysAndSpeaksBothLanguages() throws Exception {
        ApplianceConfig c = ConfigLoader.load(EXAMPLE);
        var closed = c.office().closedDays();
        for (String d : List.of("2027-01-01", "2027-02-05", "2027-02-08", "2027-02-10", "2027-04-30", "2027-05-01", "2027-09-02")) {
            assertTrue(closed.closed(LocalDate.parse(d)), d + " is closed");
        }
        assertFalse(closed.closed(LocalDate.parse("2027-02-11")), "a range ends on its last day");
        assertFalse(closed.closed(LocalDate.parse("2027-02-04")));
        assertEquals(Duration.ofSeconds(20), c.kiosk().statusTimeout());
        assertTrue(c.voice().english());
    }

    /** Counter 10 is staffed in the mornings ([counters.hours]); counter 1 has no hours of its own. */
    @Test
    void aCounterMayHaveHoursOfItsOwn() throws Exception {
        ApplianceConfig c = ConfigLoader.load(EXAMPLE);
        var ten = c.office().counter(10).orElseThrow().hours();
        assertEquals(OpeningHours.Availability.OPEN, ten.at(LocalDateTime.parse("2027-03-01T09:00")));
        assertEquals(OpeningHours.Availability.CLOSED_FOR_THE_DAY, ten.at(LocalDateTime.parse("2027-03-01T14:00")));
        assertEquals(OpeningHours.always(), c.office().counter(1).orElseThrow().hours());
        ConfigException e = assertThrows(ConfigException.class, () -> ConfigLoader.parse(Files.readString(EXAMPLE)
                .replace("closes       = \"11:30\"", "closes       = \"11h30\""), "test.conf"));
        assertEquals(List.of("counters[9].hours.closes = '11h30': expected a local time HH:MM (24:00 = the end of the day), e.g. 17:00"),
                e.problems());
    }

    @Test
    void withoutTheSectionsNothingIsClosedTheStatusStays20sAndTheCallIsBilingual() throws Exception {
        String toml = Files.readString(EXAMPLE);
        toml = toml.substring(0, toml.indexOf("[calendar]")) + toml.substring(toml.indexOf("[[services]]"));
        toml = toml.replace("[kiosk]\nstatus_timeout_seconds = 20\n", "").replace("[voice]\nlanguages = \"vi,en\"\nrepeat    = 1\nguidance_on_buttons = false\n", "");
        ApplianceConfig c = ConfigLoader.parse(toml, "test.conf");
        assertTrue(c.office().closedDays().days().isEmpty());
        assertEquals(Duration.ofSeconds(20), c.kiosk().statusTimeout());
        assertTrue(c.voice().english());
        assertEquals(1, c.voice().repeat(), "each call played once unless the office says otherwise");
        assertFalse(c.voice().guidanceOnButtons(), "a button's ticket is shown on the kiosk, spoken only if the office says so");
    }

    /** {@code [voice] repeat}: the display plays each call that many times; 1 to 5, a bad value one line naming it. */
    @Test
    void theCallIsRepeatedAsConfiguredFromOneToFiveTimes() throws Exception {
        String toml = Files.readString(EXAMPLE);
        assertEquals(1, ConfigLoader.parse(toml, "test.conf").voice().repeat());
        assertEquals(3, ConfigLoader.parse(toml.replace("repeat    = 1", "repeat    = 3"), "test.conf").voice().repeat());
        for (String bad : List.of("0", "6", "-1")) {
            ConfigException e = assertThrows(ConfigException.class,
                    () -> ConfigLoader.parse(toml.replace("repeat    = 1", "repeat    = " + bad), "test.conf"));
            assertEquals(List.of("voice.repeat = '" + bad + "': expected a whole number from 1 to 5"), e.problems());
        }
        ConfigException e = assertThrows(ConfigException.class,
                () -> ConfigLoader.parse(toml.replace("repeat    = 1", "repeat    = \"twice\""), "test.conf"));
        assertEquals(1, e.problems().size(), e.problems().toString());
        assertTrue(e.problems().get(0).startsWith("voice.repeat = 'twice'"), e.problems().toString());
    }

    @Test
    void vietnameseOnlyIsOneWordAway() throws Exception {
        String toml = Files.readString(EXAMPLE).replace("languages = \"vi,en\"", "languages = \"vi\"");
        assertFalse(ConfigLoader.parse(toml, "test.conf").voice().english());
    }

    @Test
    void eachBadValueIsOneLineNamingItsKey() throws Exception {
        String toml = Files.readString(EXAMPLE)
                .replace("\"2027-04-16\",", "\"2027-02-30\",")
                .replace("\"2027-09-01..2027-09-02\",", "\"2027-09-02..2027-09-01\",")
                .replace("status_timeout_seconds = 20", "status_timeout_seconds = 0")
                .replace("languages = \"vi,en\"", "languages = \"en\"");
        ConfigException e = assertThrows(ConfigException.class, () -> ConfigLoader.parse(toml, "test.conf"));
        String range = "a date 2027-01-01 or a range 2027-02-05..2027-02-11 (first day not after the last, at most 31 days)";
        assertEquals(List.of(
                "kiosk.status_timeout_seconds = '0': expected a whole number from 5 to 600",
                "voice.languages = 'en': expected \"vi\" (Vietnamese only) or \"vi,en\" (Vietnamese, then English)",
                "calendar.closed_days[2] = '2027-02-30': expected " + range,
                "calendar.closed_days[4] = '2027-09-02..2027-09-01': expected " + range), e.problems());
    }
}
