package vn.motcua.appliance.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** What must hold after every step of any command sequence. */
final class EngineInvariants {
    private EngineInvariants() {}

    static void check(QueueEngine e, String where) {
        assertEquals(e.tickets().stream().filter(t -> !t.status().isTerminal()).toList(), List.copyOf(e.activeTickets()),
                where + ": the active tickets are the unfinished ones, in issue order");
        List<Ticket> recent = e.recentCalls(Integer.MAX_VALUE);
        assertTrue(recent.size() <= 32 && recent.stream().map(Ticket::id).distinct().count() == recent.size()
                && recent.stream().allMatch(t -> e.ticketById(t.id()).orElseThrow() == t), where + ": recent calls " + recent);
        Set<String> numbers = new HashSet<>();
        Map<String, Integer> currentAt = new HashMap<>();
        for (Counter c : e.counters()) {
            if (c.currentTicket() == null) {
                continue;
            }
            Ticket t = e.tickets().stream().filter(x -> x.id().equals(c.currentTicket())).findFirst().orElse(null);
            assertNotNull(t, where + ": counter " + c.number() + " shows a ticket the engine does not hold");
            assertTrue(t.status() == TicketStatus.CALLED || t.status() == TicketStatus.SERVING,
                    where + ": counter " + c.number() + " holds " + t.number() + " in " + t.status());
            assertEquals(c.number(), t.counter(), where + ": " + t.number() + " is at another counter");
            assertEquals(null, currentAt.put(t.id(), c.number()), where + ": " + t.number() + " is current at two counters");
        }
        for (Ticket t : e.tickets()) {
            assertTrue(numbers.add(t.number()), where + ": number " + t.number() + " appears twice today");
            assertEquals(e.day(), t.day(), where + ": " + t.id() + " is not of the engine's day");
            assertEquals(t.day() + "/" + t.number(), t.id(), where);
            boolean onBoard = t.status() == TicketStatus.CALLED || t.status() == TicketStatus.SERVING;
            assertEquals(onBoard, currentAt.containsKey(t.id()),
                    where + ": " + t.number() + " is " + t.status() + " but current at " + currentAt.get(t.id()));
            if (t.status() == TicketStatus.NO_SHOW) {
                assertNotNull(t.skippedAt(), where);
            }
            if (t.status() == TicketStatus.FINISHED) {
                assertNotNull(t.finishedAt(), where);
            }
            assertTrue(t.ordinal() >= 1 && t.ordinal() <= e.snapshot().day().lastOrdinal(), where);
        }
        DayState d = e.snapshot().day();
        for (ServiceDef s : e.layout().services()) {
            int issued = d.issued().getOrDefault(s.code(), 0);
            assertTrue(s.dailyCap() == 0 || issued <= s.dailyCap(), where + ": cap of " + s.code() + " passed");
            Integer last = d.lastNumber().get(s.code());
            assertTrue(last == null || (last >= s.firstNumber() && last <= s.lastNumber()), where);
            assertEquals(issued, last == null ? 0 : last - s.firstNumber() + 1, where + ": numbers skipped in " + s.code());
        }
        assertEquals(numbers.size(), (int) d.lastOrdinal(), where + ": a ticket issued today is missing");
        assertFalse(e.counters().isEmpty());
    }
}
