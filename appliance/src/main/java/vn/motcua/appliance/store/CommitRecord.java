package vn.motcua.appliance.store;

import java.util.List;

import vn.motcua.appliance.domain.Counter;
import vn.motcua.appliance.domain.DayState;
import vn.motcua.appliance.domain.Ticket;
import vn.motcua.appliance.devices.KeypadCursor;

/**
 * One journalled commit: exactly the rows it wrote, so recovery can write them again.
 *
 * @param day      the day's numbering after the command, or null for an event that changes no queue state
 * @param services services whose numbering row changed
 * @param lastSeq  seq of the last event in {@code events}
 * @param keypads  the keypad press the command came from, or every board's last one in a base record; null in
 *                 records written before keypad cursors existed
 * @param bookings the district's bookings as stored, in a base record only (null in a command's record and in
 *                 records written before bookings existed): a database rebuilt from the journal alone still knows
 *                 which bookings were checked in, so none is checked in twice
 */
record CommitRecord(DayState day, List<String> services, List<Ticket> tickets, List<Counter> counters,
                    List<OutboxEvent> events, long lastSeq, List<KeypadCursor> keypads, List<BookingRow> bookings) {

    /** A command's record: no bookings (its check-in or no-show is among its events). */
    CommitRecord(DayState day, List<String> services, List<Ticket> tickets, List<Counter> counters,
                 List<OutboxEvent> events, long lastSeq, List<KeypadCursor> keypads) {
        this(day, services, tickets, counters, events, lastSeq, keypads, null);
    }
}
