package vn.motcua.appliance.history;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import vn.motcua.appliance.domain.QueueEvent;
import vn.motcua.appliance.domain.QueueEvent.DayStarted;
import vn.motcua.appliance.domain.QueueEvent.TicketCalled;
import vn.motcua.appliance.domain.QueueEvent.TicketExpired;
import vn.motcua.appliance.domain.QueueEvent.TicketIssued;
import vn.motcua.appliance.domain.TicketStatus;

/** How the technician's recompute cuts the outbox's events into whole days. */
class EventDaysTest {
    private static final LocalDate MON = LocalDate.parse("2026-11-02");
    private static final Instant AT = Instant.parse("2026-11-02T02:00:00Z");

    private static TicketIssued issued(LocalDate day, String number) {
        return new TicketIssued(AT, day + "/" + number, number, "ho-tich", "NORMAL", 0, 0, null);
    }

    private static void feed(EventDays days, QueueEvent... events) {
        for (QueueEvent e : events) {
            days.accept(e);
        }
    }

    @Test
    void aDayIsWholeFromItsStartToTheNextDaysStartWithTheRollsExpiries() {
        EventDays days = new EventDays(true);
        feed(days, issued(MON, "A001"), issued(MON, "A002"),
                new TicketCalled(AT, MON + "/A001", "A001", "ho-tich", 1, "queue", 60),
                new TicketExpired(AT, MON + "/A002", "A002", "WAITING", "day_ended"),
                new TicketExpired(AT, MON + "/A001", "A001", "CALLED", "day_ended"),
                new DayStarted(AT, MON.plusDays(1), MON),
                issued(MON.plusDays(1), "A001"));
        assertEquals(Set.of(MON), days.wholeDays().keySet(), "the day still running is left out");
        assertEquals(List.of(TicketStatus.EXPIRED, TicketStatus.EXPIRED),
                days.wholeDays().get(MON).stream().map(t -> t.status()).toList());
        assertTrue(days.pruned().isEmpty());
    }

    @Test
    void aDayWhoseStartWasPrunedIsNamedAndTheNextOneIsWhole() {
        EventDays days = new EventDays(false);
        feed(days, new TicketCalled(AT, MON + "/A007", "A007", "ho-tich", 1, "queue", 60),
                new DayStarted(AT, MON.plusDays(1), MON),
                issued(MON.plusDays(1), "A001"),
                new DayStarted(AT, MON.plusDays(2), MON.plusDays(1)));
        assertEquals(Set.of(MON), days.pruned());
        assertEquals(Set.of(MON.plusDays(1)), days.wholeDays().keySet());
        assertEquals(1, days.wholeDays().get(MON.plusDays(1)).size());
    }

    @Test
    void aDayWhoseEventsCannotFollowIsUnreadableAndTheOthersGoOn() {
        EventDays days = new EventDays(true);
        feed(days, issued(MON, "A001"),
                new TicketCalled(AT, MON + "/A099", "A099", "ho-tich", 1, "queue", 60), // never issued
                new DayStarted(AT, MON.plusDays(1), MON),
                issued(MON.plusDays(1), "A001"),
                new DayStarted(AT, MON.plusDays(2), MON.plusDays(1)));
        assertEquals(Set.of(MON), days.unreadable().keySet());
        assertTrue(days.unreadable().get(MON).contains("A099"), days.unreadable().toString());
        assertEquals(Set.of(MON.plusDays(1)), days.wholeDays().keySet());
    }
}
