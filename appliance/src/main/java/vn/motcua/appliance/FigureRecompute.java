package vn.motcua.appliance;

import java.io.PrintStream;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

import com.fasterxml.jackson.core.JsonProcessingException;

import vn.motcua.appliance.config.ApplianceConfig;
import vn.motcua.appliance.config.ConfigException;
import vn.motcua.appliance.config.ConfigLoader;
import vn.motcua.appliance.domain.QueueEvent;
import vn.motcua.appliance.domain.QueueEventTypes;
import vn.motcua.appliance.domain.Ticket;
import vn.motcua.appliance.history.Cell;
import vn.motcua.appliance.history.CellDifference;
import vn.motcua.appliance.history.DayCube;
import vn.motcua.appliance.history.EventDays;
import vn.motcua.appliance.service.Health;
import vn.motcua.appliance.store.EventJson;
import vn.motcua.appliance.store.OutboxEvent;
import vn.motcua.appliance.store.QueueStore;

/**
 * {@code --recompute-figures FILE [--from DAY] [--to DAY] [--write]}: a technician's check of the office's history
 * (issue 18). With the appliance stopped, each rolled day of the range whose raw queue events are still in the outbox
 * is folded back into tickets and bookings ({@link EventDays}) and cut into cells ({@link DayCube}, as the roll does), then
 * compared with the stored cells, one line a day; {@code --write} replaces the stored ones that differ or are missing.
 * The store is opened exactly as the appliance opens it, so a journal not yet in H2 is replayed first.
 *
 * <p>Exit status: 0 every day the same (or written), 1 days differ and were not written, 2 bad arguments or config,
 * 3 the store cannot be opened (the appliance running) or read.
 */
final class FigureRecompute {
    static final LocalDate EARLIEST = LocalDate.of(1970, 1, 1);
    static final LocalDate LATEST = LocalDate.of(9999, 12, 31);
    private static final int PAGE = 5_000;

    private final PrintStream out;
    private final PrintStream err;

    FigureRecompute(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    /** @return the exit status */
    int run(Path configFile, LocalDate from, LocalDate to, boolean write) {
        if (to.isBefore(from)) {
            err.println("motcua: --to " + to + " is before --from " + from);
            return 2;
        }
        ApplianceConfig config;
        try {
            config = ConfigLoader.load(configFile, new ConfigLoader.Options(false, true));
        } catch (ConfigException e) {
            e.problems().forEach(p -> err.println("motcua: " + e.source() + ": " + p));
            return 2;
        } catch (RuntimeException e) { // a bug in a check: one line, as --check-config says it
            err.println("motcua: " + configFile + ": the config could not be checked (" + e + ")");
            return 2;
        }
        QueueStore store;
        try {
            store = ApplianceStore.open(config, Clock.systemUTC(), Host.bootId(), new Health());
        } catch (SQLException | java.io.IOException | RuntimeException e) {
            err.println("motcua: " + (locked(e) ? "the database is in use: stop the appliance first"
                    + " (systemctl stop motcua-appliance)" : "the store could not be opened: " + firstLine(e)));
            return 3;
        }
        try {
            return compare(store, config, from, to, write);
        } catch (RuntimeException e) { // a store that fails to read, an event that is not JSON: nothing more written
            err.println("motcua: the recompute stopped: " + firstLine(e));
            return 3;
        } finally {
            try {
                store.close();
            } catch (SQLException e) {
                err.println("motcua: closing the store failed: " + firstLine(e));
            }
        }
    }

    private int compare(QueueStore store, ApplianceConfig config, LocalDate from, LocalDate to, boolean write) {
        EventDays days = fold(store);
        Duration alertWait = config.manager().alertWait();
        DayCube cube = new DayCube(config.office(), alertWait);
        TreeSet<LocalDate> all = new TreeSet<>(store.daysWithFigures(from, to));
        days.wholeDays().keySet().stream().filter(d -> !d.isBefore(from) && !d.isAfter(to)).forEach(all::add);
        days.unreadable().keySet().stream().filter(d -> !d.isBefore(from) && !d.isAfter(to)).forEach(all::add);
        boolean unwritten = false;
        for (LocalDate day : all) {
            List<Ticket> tickets = days.wholeDays().get(day);
            if (tickets == null) {
                String why = Optional.ofNullable(days.unreadable().get(day)).map(r -> "events do not fold (" + r + ")")
                        .orElse("raw events pruned");
                out.println(day + " " + why + ": kept as stored");
                continue;
            }
            List<Cell> stored = store.dayFigures(day, day);
            List<Cell> recomputed = cube.cells(tickets, days.bookings(day));
            String diff = CellDifference.of(stored, recomputed);
            if (diff.isEmpty()) {
                out.println(day + " same");
                continue;
            }
            String state = stored.isEmpty() ? "missing" : "differs: " + diff;
            if (write) {
                store.replaceDayFigures(day, recomputed);
                out.println(day + " " + state + " → written (" + recomputed.size() + " cells)");
            } else {
                out.println(day + " " + state);
                unwritten = true;
            }
        }
        if (all.isEmpty()) {
            out.println("no rolled day with figures or raw events in " + from + ".." + to);
        }
        return unwritten ? 1 : 0;
    }

    /** Every queue event of the outbox, page by page, into the days they make. */
    private static EventDays fold(QueueStore store) {
        List<OutboxEvent> page = store.rangeFrom(1, PAGE);
        EventDays days = new EventDays(!page.isEmpty() && page.getFirst().seq() == 1);
        while (!page.isEmpty()) {
            for (OutboxEvent e : page) {
                Optional<Class<? extends QueueEvent>> type = QueueEventTypes.classOf(e.type());
                if (type.isPresent()) {
                    days.accept(parse(e, type.get()));
                }
            }
            page = store.rangeFrom(page.getLast().seq() + 1, PAGE);
        }
        return days;
    }

    private static QueueEvent parse(OutboxEvent e, Class<? extends QueueEvent> type) {
        try {
            return EventJson.mapper().readValue(e.payloadJson(), type);
        } catch (JsonProcessingException x) {
            throw new IllegalStateException("event " + e.seq() + " (" + e.type() + ") is not readable JSON", x);
        }
    }

    /** H2 refuses a second process on the same files (FILE_LOCK=FS): the appliance holds them. */
    private static boolean locked(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException s && s.getErrorCode() == org.h2.api.ErrorCode.DATABASE_ALREADY_OPEN_1) {
                return true;
            }
        }
        return false;
    }

    private static String firstLine(Throwable e) {
        String m = e.getMessage();
        return m == null ? e.toString() : m.lines().findFirst().orElse(m);
    }
}
