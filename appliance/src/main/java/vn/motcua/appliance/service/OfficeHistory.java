package vn.motcua.appliance.service;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.function.Consumer;

import vn.motcua.appliance.domain.Ticket;
import vn.motcua.appliance.history.Cell;
import vn.motcua.appliance.history.DayBooking;
import vn.motcua.appliance.history.DayCube;
import vn.motcua.appliance.history.FigureSource;
import vn.motcua.appliance.store.QueueStore;

/**
 * The office's history for the reports: past days from the store's {@code day_figures} (written by each day roll),
 * today from the queue's live tickets and today's booking rows (the manager view's) through the same
 * {@link DayCube}, so today's row agrees with the manager view and with the day's summary once it rolls.
 *
 * <p>Stored days are read {@value #DAYS_PER_READ} at a time: the store's connection is the queue's, and a report
 * over two years (190,000 cells of a busy office) read in one go held it for seconds, so every command waited. In
 * small reads a command waits one read at most (tens of milliseconds), and the cells stream on to the report
 * without a list of them all.
 */
public final class OfficeHistory implements FigureSource {
    static final int DAYS_PER_READ = 7;

    private final QueueStore store;
    private final QueueService queue;
    private final Duration alertWait;

    public OfficeHistory(QueueStore store, QueueService queue, Duration alertWait) {
        this.store = store;
        this.queue = queue;
        this.alertWait = alertWait;
    }

    @Override
    public List<Cell> cells(LocalDate from, LocalDate to) {
        return FigureSource.collect(this, from, to);
    }

    @Override
    public void forEachCell(LocalDate from, LocalDate to, Consumer<Cell> each) {
        record Today(LocalDate day, List<Ticket> tickets, DayCube cube) {}
        // today's tickets are copied only when the range holds today (a previous period never does)
        Today today = queue.read(e -> !e.day().isBefore(from) && !e.day().isAfter(to)
                ? new Today(e.day(), List.copyOf(e.tickets()), new DayCube(e.layout(), alertWait))
                : new Today(e.day(), List.of(), null));
        LocalDate storedTo = to.isBefore(today.day()) ? to : today.day().minusDays(1);
        for (LocalDate d = from; !d.isAfter(storedTo); d = d.plusDays(DAYS_PER_READ)) {
            LocalDate end = d.plusDays(DAYS_PER_READ - 1);
            store.dayFigures(d, end.isAfter(storedTo) ? storedTo : end).forEach(each);
        }
        if (today.cube() != null) {
            List<DayBooking> bookings = store.dayBookings(today.day());
            today.cube().cells(today.tickets(), bookings).forEach(each); // computed off the queue's lock
        }
    }
}
