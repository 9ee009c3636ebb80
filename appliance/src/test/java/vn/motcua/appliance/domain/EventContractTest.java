package vn.motcua.appliance.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

import vn.motcua.appliance.domain.QueueEvent.CounterChanged;
import vn.motcua.appliance.domain.QueueEvent.DayStarted;
import vn.motcua.appliance.domain.QueueEvent.ServiceRated;
import vn.motcua.appliance.domain.QueueEvent.ServiceStarted;
import vn.motcua.appliance.domain.QueueEvent.TicketCalled;
import vn.motcua.appliance.domain.QueueEvent.TicketExpired;
import vn.motcua.appliance.domain.QueueEvent.TicketFinished;
import vn.motcua.appliance.domain.QueueEvent.TicketIssued;
import vn.motcua.appliance.domain.QueueEvent.TicketNoShow;
import vn.motcua.appliance.domain.QueueEvent.TicketParked;
import vn.motcua.appliance.domain.QueueEvent.TicketRecalled;
import vn.motcua.appliance.domain.QueueEvent.TicketTransferred;

/** Event wire names are a contract with the district server; refusal texts are what residents read. */
class EventContractTest {
    private static final Instant T = Instant.parse("2026-11-23T02:00:00Z");

    @Test
    void everyEventHasItsFixedWireName() {
        List<QueueEvent> all = List.of(
                new TicketIssued(T, "d/A001", "A001", "hotich", "NORMAL", 0, 0, null),
                new TicketCalled(T, "d/A001", "A001", "hotich", 1, "queue", 0),
                new TicketRecalled(T, "d/A001", "A001", 1, 1),
                new TicketNoShow(T, "d/A001", "A001", 1, TicketNoShow.SKIPPED),
                new ServiceStarted(T, "d/A001", "A001", 1),
                new TicketFinished(T, "d/A001", "A001", "hotich", 1, "s", 0, 0),
                new TicketTransferred(T, "d/A001", "A001", 1, "hotich", "datdai", 0),
                new TicketParked(T, "d/A001", "A001", 1),
                new TicketExpired(T, "d/A001", "A001", "WAITING", "day_ended"),
                new CounterChanged(T, 1, "OPEN", "s"),
                new ServiceRated(T, "d/A001", "A001", 1, "s", 1),
                new DayStarted(T, LocalDate.of(2026, 11, 23), LocalDate.of(2026, 11, 22)),
                new QueueEvent.BookingCheckedIn(T, "BK-0900", "d/A001", "A001", "hotich", T, T.plusSeconds(900),
                        QueueEvent.BookingCheckedIn.ON_TIME),
                new QueueEvent.BookingNoShow(T, "BK-0915", "hotich", LocalDate.of(2026, 11, 23), T, T.plusSeconds(900)));
        assertEquals(List.of("ticket.issued", "ticket.called", "ticket.recalled", "ticket.no_show",
                "ticket.service_started", "ticket.finished", "ticket.transferred", "ticket.parked", "ticket.expired",
                "counter.changed", "ticket.rated", "queue.day_started", "booking.checked_in", "booking.no_show"),
                all.stream().map(QueueEvent::type).toList());
        all.forEach(e -> assertEquals(T, e.at()));
        assertEquals(QueueEvent.class.getPermittedSubclasses().length, all.size(), "a new event needs a wire name here");
    }

    @Test
    void aRefusalCarriesItsReasonAndNoStackTrace() { // its texts: web.ErrorCatalogueTest
        QueueRefusedException x = new QueueRefusedException(Refusal.SERVICE_FULL, "datdai cap 3");
        assertEquals(Refusal.SERVICE_FULL, x.reason());
        assertEquals("SERVICE_FULL: datdai cap 3", x.getMessage());
        assertEquals(0, x.getStackTrace().length, "refusals are expected, not bugs: no stack trace is captured");
    }

    @Test
    void everyPriorityHasBothNamesAndOnlyNormalIsNoPriority() {
        Arrays.stream(Priority.values()).forEach(p -> {
            assertFalse(p.nameVi().isBlank());
            assertFalse(p.nameEn().isBlank());
            assertEquals(p != Priority.NORMAL, p.isPriority());
        });
    }
}
