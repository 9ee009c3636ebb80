package vn.motcua.appliance.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;

/**
 * One ticket of one business day. Immutable: the engine replaces it on every change.
 *
 * @param id            unique across days: {@code 2026-11-22/A023}
 * @param ordinal       order of issue within the day; a transferred ticket keeps it, so it goes ahead of later ones
 * @param counter       the counter serving or last serving it, 0 if none
 * @param targetCounter set when transferred to one counter: only that counter calls it; 0 otherwise
 * @param residentKey   keyed hash linking a resident's tickets, never the raw ID number; null if unknown
 * @param skippedAt     when it last became a no-show; kept through a recall and a transfer, so "skipped at least
 *                      once today" (the figures' no-show) survives them; null if never skipped
 * @param servedBy      staff id signed in at the counter when it was finished, null if none
 * @param rating        1 (very satisfied) .. 4 (not satisfied), 0 if not rated
 * @param parks         how many times it was parked today (the office history's "parked" counts tickets parked at
 *                      least once, which the final status alone cannot say)
 */
public record Ticket(String id, LocalDate day, String number, int numeric, String service, Priority priority,
                     long ordinal, TicketStatus status, Instant issuedAt, int counter, int targetCounter,
                     Instant calledAt, Instant startedAt, Instant finishedAt, Instant skippedAt,
                     int recalls, int transfers, String residentKey, String servedBy, int rating, int parks) {

    public Ticket {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(day, "day");
        Objects.requireNonNull(number, "number");
        Objects.requireNonNull(service, "service");
        Objects.requireNonNull(priority, "priority");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(issuedAt, "issuedAt");
    }

    static Ticket issued(LocalDate day, String number, int numeric, String service, Priority priority, long ordinal,
                         Instant at, String residentKey) {
        return new Ticket(day + "/" + number, day, number, numeric, service, priority, ordinal, TicketStatus.WAITING,
                at, 0, 0, null, null, null, null, 0, 0, residentKey, null, 0, 0);
    }

    Ticket called(int atCounter, Instant at) {
        return new Ticket(id, day, number, numeric, service, priority, ordinal, TicketStatus.CALLED, issuedAt, atCounter,
                0, at, null, finishedAt, skippedAt, recalls, transfers, residentKey, servedBy, rating, parks);
    }

    Ticket recalled() {
        return new Ticket(id, day, number, numeric, service, priority, ordinal, status, issuedAt, counter, targetCounter,
                calledAt, startedAt, finishedAt, skippedAt, recalls + 1, transfers, residentKey, servedBy, rating, parks);
    }

    Ticket withStatus(TicketStatus next, Instant at) {
        return new Ticket(id, day, number, numeric, service, priority, ordinal, next, issuedAt, counter, targetCounter,
                calledAt, next == TicketStatus.SERVING ? at : startedAt, next == TicketStatus.FINISHED ? at : finishedAt,
                next == TicketStatus.NO_SHOW ? at : skippedAt, recalls, transfers, residentKey, servedBy, rating,
                next == TicketStatus.PARKED ? parks + 1 : parks);
    }

    Ticket finished(Instant at, String staffId) {
        Instant started = startedAt != null ? startedAt : calledAt;
        return new Ticket(id, day, number, numeric, service, priority, ordinal, TicketStatus.FINISHED, issuedAt, counter,
                targetCounter, calledAt, started, at, skippedAt, recalls, transfers, residentKey, staffId, rating, parks);
    }

    Ticket transferred(String toService, int toCounter) {
        return new Ticket(id, day, number, numeric, toService, priority, ordinal, TicketStatus.WAITING, issuedAt, counter,
                toCounter, null, null, null, skippedAt, recalls, transfers + 1, residentKey, servedBy, rating, parks);
    }

    Ticket rated(int score) {
        return new Ticket(id, day, number, numeric, service, priority, ordinal, status, issuedAt, counter, targetCounter,
                calledAt, startedAt, finishedAt, skippedAt, recalls, transfers, residentKey, servedBy, score, parks);
    }

    public boolean isWaiting() {
        return status == TicketStatus.WAITING;
    }
}
