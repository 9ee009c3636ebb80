package vn.motcua.appliance.domain;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import vn.motcua.appliance.domain.QueueEvent.CounterChanged;
import vn.motcua.appliance.domain.QueueEvent.DayStarted;
import vn.motcua.appliance.domain.QueueEvent.TicketExpired;

/**
 * What ends tickets without a clerk: a new business day (numbering restarts, unfinished tickets expire, counters
 * close), a no-show whose recall window passed, and the district closing the queue early; and what ends a booking
 * nobody checked in ({@link BookingCheckIns#expire}).
 */
final class DayRoll {
    private final QueueState state;
    private final Clock clock;
    private final BusinessCalendar calendar;
    private final Duration noShowRecallWindow;
    private final UntrustedClock untrusted;
    private final WaitEstimates estimates;
    private final BookingCheckIns bookings;

    DayRoll(QueueState state, Clock clock, OfficeLayout layout, UntrustedClock untrusted, WaitEstimates estimates,
            BookingCheckIns bookings) {
        this.bookings = bookings;
        this.state = state;
        this.clock = clock;
        this.calendar = new BusinessCalendar(layout.rules());
        this.noShowRecallWindow = layout.rules().noShowRecallWindow();
        this.untrusted = untrusted;
        this.estimates = estimates;
    }

    /**
     * Applies what time alone changes. A clock set backwards never moves the day back (only a later day rolls);
     * the roll waits while {@link UntrustedClock#holdsDayRoll} says a resident may have come in under a wrong clock.
     */
    CommandResult tick() {
        Instant now = clock.instant();
        state.begin();
        LocalDate today = calendar.dayOf(now);
        if (today.isAfter(state.day()) && !dayRollHeld()) {
            startDay(today, now);
        }
        for (Ticket t : List.copyOf(state.activeTickets())) {
            if (t.status() == TicketStatus.NO_SHOW && Duration.between(t.skippedAt(), now).compareTo(noShowRecallWindow) > 0) {
                expire(t, now, "no_show_window_passed");
            }
        }
        bookings.expire(now);
        return state.end(null);
    }

    boolean dayRollHeld() {
        return untrusted.holdsDayRoll(state.activeTickets());
    }

    /**
     * Every ticket still waiting, parked or skipped expires; tickets already at a counter are left for their
     * clerks to finish. Numbering goes on, so no number is ever issued twice in a day.
     */
    CommandResult closeQueue(String reason) {
        Instant now = clock.instant();
        state.begin();
        for (Ticket t : List.copyOf(state.activeTickets())) {
            if (t.status() == TicketStatus.WAITING || t.status() == TicketStatus.PARKED
                    || t.status() == TicketStatus.NO_SHOW) {
                expire(t, now, "queue_closed: " + reason);
            }
        }
        return state.end(null);
    }

    private void startDay(LocalDate today, Instant now) {
        for (Ticket t : List.copyOf(state.activeTickets())) {
            if (!t.status().isTerminal()) {
                expire(t, now, "day_ended");
            }
        }
        for (Counter c : List.copyOf(state.counters())) {
            Counter closed = Counter.closed(c.number());
            if (!closed.equals(c)) {
                // a counter closed yesterday may still hold its last finished ticket (what a rating applies to): cleared,
                // but only a change of status is an event
                state.putCounter(closed);
                if (c.status() != CounterStatus.CLOSED) {
                    state.event(new CounterChanged(now, c.number(), CounterStatus.CLOSED.name(), null));
                }
            }
        }
        state.event(new DayStarted(now, today, state.day()));
        state.startDay(today);
        untrusted.forgetDay();
        estimates.forgetDay();
    }

    private void expire(Ticket t, Instant now, String reason) {
        state.put(t.withStatus(TicketStatus.EXPIRED, now));
        state.event(new TicketExpired(now, t.id(), t.number(), t.status().name(), reason));
    }
}
