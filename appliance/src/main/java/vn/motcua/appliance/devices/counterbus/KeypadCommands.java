package vn.motcua.appliance.devices.counterbus;

import java.time.Instant;
import java.util.Comparator;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Function;

import vn.motcua.appliance.domain.CommandResult;
import vn.motcua.appliance.domain.Counter;
import vn.motcua.appliance.domain.CounterStatus;
import vn.motcua.appliance.domain.QueueEngine;
import vn.motcua.appliance.domain.QueueRefusedException;
import vn.motcua.appliance.domain.Refusal;
import vn.motcua.appliance.domain.Ticket;
import vn.motcua.appliance.domain.TicketStatus;
import vn.motcua.bus.KeyEvent;

/**
 * What each key of a counter's keypad does to the queue (hardware-docs/counter-board.md, "What each key does").
 * A keypad cannot type a ticket number, so the two call-back keys pick the ticket themselves, from this counter's
 * own: CALL_PARKED the ticket it parked first, RECALL_NO_SHOW the ticket it skipped last (the engine still checks
 * the recall window). Another parked or skipped ticket is called from the staff page.
 */
final class KeypadCommands {
    private KeypadCommands() {
    }

    static CommandResult apply(QueueEngine e, int counter, KeyEvent event) {
        return switch (event.key()) {
            case CALL_NEXT -> e.callNext(counter);
            case RECALL -> e.recall(counter);
            case SKIP -> e.skip(counter);
            case TRANSFER -> e.transferToCounter(counter, event.transferTarget());
            case START -> e.startService(counter);
            case DONE -> e.finish(counter);
            case PAUSE -> togglePause(e, counter);
            case PARK -> e.park(counter);
            case CALL_PARKED -> callBack(e, counter, firstParked(e, counter), e::callParked);
            case RECALL_NO_SHOW -> callBack(e, counter, lastSkipped(e, counter), e::recallNoShow);
            case RATE_1 -> e.rate(counter, 1);
            case RATE_2 -> e.rate(counter, 2);
            case RATE_3 -> e.rate(counter, 3);
            case RATE_4 -> e.rate(counter, 4);
        };
    }

    /** One key opens a closed counter, pauses an open one, resumes a paused one. */
    private static CommandResult togglePause(QueueEngine e, int counter) {
        Counter c = counterOf(e, counter);
        return c.status() == CounterStatus.OPEN ? e.pauseCounter(counter) : e.openCounter(counter, c.staffId());
    }

    /**
     * Calls back the picked ticket. With none to pick, a free open counter is told "nobody" (the board flashes
     * {@code ----}, as for call-next); a closed, paused or busy one gets the engine's own refusal, which checks the
     * counter before the ticket.
     */
    private static CommandResult callBack(QueueEngine e, int counter, Optional<String> number,
                                          BiFunction<Integer, String, CommandResult> call) {
        Counter c = counterOf(e, counter);
        if (number.isEmpty() && c.status() == CounterStatus.OPEN && c.currentTicket() == null) {
            throw new QueueRefusedException(Refusal.NOBODY_WAITING, "nothing to call back at counter " + counter);
        }
        return call.apply(counter, number.orElse(null));
    }

    private static Counter counterOf(QueueEngine e, int counter) {
        return e.counters().stream().filter(x -> x.number() == counter).findFirst().orElseThrow();
    }

    /**
     * The ticket this counter parked longest ago. A counter holds one ticket at a time, so among the tickets it
     * parked the one called earliest was parked earliest; parking a called-back ticket again sends it to the end,
     * so pressing PARK then CALL_PARKED walks through the counter's parked tickets.
     */
    static Optional<String> firstParked(QueueEngine e, int counter) {
        return pick(e, counter, TicketStatus.PARKED, Ticket::calledAt, false);
    }

    /** The ticket this counter skipped last: the resident who just missed the call is the one who comes running. */
    static Optional<String> lastSkipped(QueueEngine e, int counter) {
        return pick(e, counter, TicketStatus.NO_SHOW, Ticket::skippedAt, true);
    }

    private static Optional<String> pick(QueueEngine e, int counter, TicketStatus status, Function<Ticket, Instant> when,
                               boolean latest) {
        Comparator<Ticket> order = Comparator.comparing(when, Comparator.nullsFirst(Comparator.naturalOrder()));
        return e.activeTickets().stream() // parked and skipped tickets are active ones
                .filter(t -> t.status() == status && t.counter() == counter)
                .max(latest ? order : order.reversed())
                .map(Ticket::number);
    }
}
