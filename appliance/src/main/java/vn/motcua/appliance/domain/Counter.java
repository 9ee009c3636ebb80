package vn.motcua.appliance.domain;

import java.time.Instant;
import java.util.Objects;

/**
 * The live state of one counter.
 *
 * @param currentTicket      id of the ticket called or being served here, null if none
 * @param staffId            clerk signed in, null if none
 * @param lastFinishedTicket id of the last ticket finished here (the one a rating applies to), null if none
 */
public record Counter(int number, CounterStatus status, String currentTicket, String staffId,
                      String lastFinishedTicket, Instant lastFinishedAt) {

    public Counter {
        Objects.requireNonNull(status, "status");
    }

    static Counter closed(int number) {
        return new Counter(number, CounterStatus.CLOSED, null, null, null, null);
    }

    Counter withStatus(CounterStatus next, String staff) {
        return new Counter(number, next, currentTicket, staff, lastFinishedTicket, lastFinishedAt);
    }

    Counter serving(String ticketId) {
        return new Counter(number, status, ticketId, staffId, lastFinishedTicket, lastFinishedAt);
    }

    Counter finished(String ticketId, Instant at) {
        return new Counter(number, status, null, staffId, ticketId, at);
    }

    Counter ratingUsed() {
        return new Counter(number, status, currentTicket, staffId, null, null);
    }
}
