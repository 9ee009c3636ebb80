package vn.motcua.appliance.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalTime;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** A bad office definition is refused at start with a message naming what is wrong. */
class LayoutValidationTest {
    private static final OpeningHours ALWAYS = OpeningHours.always();

    @Test
    void serviceDefinitionsAreChecked() {
        refused("service code 'Hộ tịch' must be", () -> new ServiceDef("Hộ tịch", "v", "e", 'A', 1, 999, 0, ALWAYS));
        refused("ticket prefix of service a must be one letter A-Z, was 'a'", () -> new ServiceDef("a", "v", "e", 'a', 1, 9, 0, ALWAYS));
        refused("1 <= first <= last <= 9999, was 0..9", () -> new ServiceDef("a", "v", "e", 'A', 0, 9, 0, ALWAYS));
        refused("was 1..10000", () -> new ServiceDef("a", "v", "e", 'A', 1, 10000, 0, ALWAYS));
        refused("was 9..8", () -> new ServiceDef("a", "v", "e", 'A', 9, 8, 0, ALWAYS));
        refused("daily cap of service a must be >= 0, was -1", () -> new ServiceDef("a", "v", "e", 'A', 1, 9, -1, ALWAYS));
        assertEquals("A005", new ServiceDef("a", "v", "e", 'A', 5, 5, 0, ALWAYS).format(5), "a one-number range is valid");
    }

    @Test
    void counterDefinitionsAreChecked() {
        refused("counter number must be 1..99 (the board shows two digits), was 0", () -> new CounterDef(0, "x", List.of("a")));
        refused("was 100", () -> new CounterDef(100, "x", List.of("a")));
        refused("counter 3 serves no service", () -> new CounterDef(3, "x", List.of()));
    }

    @Test
    void theLayoutIsCrossChecked() {
        ServiceDef a = new ServiceDef("a", "v", "e", 'A', 1, 9, 0, ALWAYS);
        ServiceDef b = new ServiceDef("b", "v", "e", 'B', 1, 9, 0, ALWAYS);
        QueueRules rules = QueueRules.defaults();
        refused("the office has no service", () -> new OfficeLayout(List.of(), List.of(), rules));
        refused("service code 'a' is defined twice", () -> new OfficeLayout(List.of(a, a), List.of(), rules));
        refused("ticket prefix 'A' is used by two services",
                () -> new OfficeLayout(List.of(a, new ServiceDef("c", "v", "e", 'A', 1, 9, 0, ALWAYS)), List.of(), rules));
        refused("counter 1 is defined twice", () -> new OfficeLayout(List.of(a, b),
                List.of(new CounterDef(1, "x", List.of("a")), new CounterDef(1, "y", List.of("b"))), rules));
        refused("counter 2 serves unknown service 'z'",
                () -> new OfficeLayout(List.of(a), List.of(new CounterDef(2, "x", List.of("a", "z"))), rules));
    }

    @Test
    void hoursAndRulesAreChecked() {
        Set<DayOfWeek> days = Set.of(DayOfWeek.MONDAY);
        refused("opening time 17:00 must be before closing time 07:30",
                () -> new OpeningHours(days, LocalTime.of(17, 0), LocalTime.of(7, 30), LocalTime.NOON, LocalTime.NOON));
        refused("lunch break end 11:00 is before its start 12:00",
                () -> new OpeningHours(days, LocalTime.of(7, 0), LocalTime.of(17, 0), LocalTime.NOON, LocalTime.of(11, 0)));
        refused("estimate sample must be 1..1000, was 0", () -> new QueueRules(QueueRules.VIETNAM, LocalTime.of(4, 0),
                Duration.ofMinutes(1), Duration.ofMinutes(1), Duration.ofMinutes(1), 0, Set.of()));
        refused("queue durations must be positive", () -> new QueueRules(QueueRules.VIETNAM, LocalTime.of(4, 0),
                Duration.ofMinutes(-1), Duration.ofMinutes(1), Duration.ofMinutes(1), 5, Set.of()));
        refused("queue durations must be positive", () -> new QueueRules(QueueRules.VIETNAM, LocalTime.of(4, 0),
                Duration.ofMinutes(1), Duration.ofMinutes(1), Duration.ZERO, 5, Set.of()));
    }

    @Test
    void aBreakWhoseStartEqualsItsEndIsNoBreak() {
        OpeningHours h = OpeningHours.always();
        assertEquals(OpeningHours.Availability.OPEN, h.at(Office.MONDAY.atTime(12, 0)));
        assertEquals(OpeningHours.Availability.OPEN, h.at(Office.MONDAY.atTime(0, 0)));
    }

    @Test
    void theDefaultRulesAreTheVietnameseOffice() {
        QueueRules d = QueueRules.defaults();
        assertEquals("Asia/Ho_Chi_Minh", d.zone().getId());
        assertEquals(LocalTime.of(4, 0), d.dayStartsAt());
        assertTrue(d.priorities().contains(Priority.ELDERLY));
        assertFalse(d.priorities().contains(Priority.NORMAL));
    }

    private static void refused(String messagePart, Executable make) {
        IllegalArgumentException x = assertThrows(IllegalArgumentException.class, make);
        assertTrue(x.getMessage().contains(messagePart), () -> "message '" + x.getMessage() + "' lacks '" + messagePart + "'");
    }
}
