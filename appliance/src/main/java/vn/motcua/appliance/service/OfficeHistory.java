package vn.motcua.appliance.service;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import vn.motcua.appliance.domain.Ticket;
import vn.motcua.appliance.history.Cell;
import vn.motcua.appliance.history.DayCube;
import vn.motcua.appliance.history.FigureSource;
import vn.motcua.appliance.store.QueueStore;

/**
 * The office's history for the reports: past days from the store's {@code day_figures} (written by each day roll),
 * today from the queue's live tickets through the same {@link DayCube}, so today's row agrees with the day's summary
 * once it rolls.
 */
public final class OfficeHistory implements FigureSource {
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
        record Today(LocalDate day, List<Ticket> tickets, DayCube cube) {}
        Today today = queue.read(e -> new Today(e.day(), List.copyOf(e.tickets()), new DayCube(e.layout(), alertWait)));
        List<Cell> out = new ArrayList<>();
        if (!from.isAfter(today.day().minusDays(1))) {
            LocalDate storedTo = to.isBefore(today.day()) ? to : today.day().minusDays(1);
            out.addAll(store.dayFigures(from, storedTo));
        }
        if (!today.day().isBefore(from) && !today.day().isAfter(to)) {
            out.addAll(today.cube().cells(today.tickets())); // computed off the queue's lock
        }
        return out;
    }
}
