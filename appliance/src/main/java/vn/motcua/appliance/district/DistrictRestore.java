package vn.motcua.appliance.district;

import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.motcua.appliance.config.ApplianceConfig;
import vn.motcua.appliance.config.ConfigException;
import vn.motcua.appliance.domain.QueueEngine;
import vn.motcua.appliance.domain.QueueRebuild;
import vn.motcua.appliance.service.Health;
import vn.motcua.appliance.store.OutboxEvent;
import vn.motcua.appliance.store.HistoryWanted;
import vn.motcua.appliance.store.QueueStore;
import vn.motcua.appliance.store.StoreException;
import vn.motcua.appliance.store.StoreRestore;
import vn.motcua.appliance.uplink.BadMessageException;
import vn.motcua.appliance.uplink.RestoreClient;
import vn.motcua.appliance.uplink.RestoreWire;
import vn.motcua.appliance.uplink.Sanitize;
import vn.motcua.appliance.uplink.UplinkConfig;

/**
 * At start-up, before the queue is built from the store and before any command is accepted: when the store holds
 * less than this device is known to have issued ({@link StoreRestore}), asks the district for the device's own
 * events and writes the queue they describe into the store, so waiting residents are waiting again and numbering
 * continues above every number issued.
 *
 * <p>All or nothing: the district not answering within {@code [store] restore_timeout} (per page), an answer that
 * fails its checks, or events that do not rebuild leave the store as it was; the appliance then starts on what it
 * holds (numbering above its watermarks, if it has them) and {@code /healthz} stays red under {@code restore} until
 * a technician restarts it with the district reachable. No retry in the background: once residents take new
 * tickets, a late restore could no longer be merged without renumbering them.
 */
public final class DistrictRestore {
    private static final Logger log = LoggerFactory.getLogger(DistrictRestore.class);
    /** A day of a busy office is a few thousand events; this bounds memory against a district that never stops. */
    static final int MAX_EVENTS = 200_000;

    /** Told before each request; under systemd it becomes the status line and more start-up time. */
    public interface Progress {
        void asking(String status, Duration mayTake);
    }

    private DistrictRestore() {}

    /** Restores if needed, registers the outcome under {@code restore} on the health page; never throws for the district. */
    public static void atStartup(ApplianceConfig config, QueueStore store, Clock clock, Health health, Progress progress)
            throws ConfigException {
        java.nio.file.Path dataDir = config.identity().dataDir();
        Optional<StoreRestore.Request> from = StoreRestore.needed(store, store.watermarks(),
                config.store().restoreFromDistrict(), HistoryWanted.isMarked(dataDir));
        if (from.isEmpty()) {
            return;
        }
        Optional<UplinkConfig> uplink = DistrictLink.settings(config);
        if (uplink.isEmpty()) {
            if (config.store().restoreFromDistrict()) {
                fail(health, "restore_from_district is set but there is no [uplink] to ask");
            } else {
                log.info("The store holds less than this device issued ({}); no district link is configured to restore"
                        + " from: numbering continues above the watermarks", from.get().mode());
            }
            return;
        }
        LocalDate today = QueueEngine.fresh(config.office(), clock).day(); // the business day, as the engine counts it
        store.knowServices(config.office().servicesByCode().keySet());
        log.info("Restoring this device's events from the district from seq {} ({}; timeout {} s per answer)...",
                from.get().fromSeq(), from.get().mode(), config.store().restoreTimeout().toSeconds());
        try {
            String summary = restore(uplink.get(), config.identity().deviceId(), store, from.get(),
                    config.store().restoreTimeout(), today, progress);
            HistoryWanted.clear(dataDir);
            log.info("Restored from the district: {}", summary);
            health.register("restore", () -> new Health.Status(true, "restored", summary));
        } catch (RestoreClient.Unanswered e) {
            fail(health, e.getMessage());
        } catch (BadMessageException | RestoredHistory.Refused e) {
            fail(health, "the district's answer was refused: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            fail(health, "interrupted");
        } catch (java.io.IOException e) {
            fail(health, "restored, but the history mark could not be removed: " + e.getMessage());
        } catch (RuntimeException e) {
            // the store refused the write (StoreException), or a bug: either way nothing was restored
            fail(health, "restore failed: " + e);
        }
    }

    private static String restore(UplinkConfig uplink, String device, QueueStore store, StoreRestore.Request request,
                                  Duration timeout, LocalDate today, Progress progress)
            throws RestoreClient.Unanswered, RestoredHistory.Refused, InterruptedException {
        // the connect and each page may take the timeout; systemd's start limit must not run out meanwhile
        Duration step = timeout.plusSeconds(30);
        progress.asking("restoring today's queue from the district", step);
        // A day rebuilt from nothing (or its history) needs no earlier day: the district may skip to its last day start.
        boolean fromDayStart = request.fromDayStart();
        List<OutboxEvent> history = new ArrayList<>();
        try (RestoreClient client = RestoreClient.connect(uplink, timeout)) {
            RestoreWire.Page page = page(client, device, request.fromSeq(), true, fromDayStart);
            history.addAll(page.events());
            while (!page.complete()) {
                if (history.size() > MAX_EVENTS) {
                    throw new RestoredHistory.Refused("more than " + MAX_EVENTS + " events");
                }
                progress.asking("restoring from the district: " + history.size() + " events so far", step);
                page = page(client, device, page.last() + 1, false, false);
                history.addAll(page.events());
            }
        }
        return apply(store, request, history, today);
    }

    /**
     * Rebuilds the queue from {@code history} (this device's events from the request's seq or its last day start,
     * checked gapless) and what the store holds, and writes it with the events and a {@code store.restored} event: a
     * store with no day starts from nothing; one holding a day (incomplete, or only its live queue) joins it with the
     * queue the events describe up to the seq it holds ({@link RestoredHistory#underneath}), and takes the events
     * after that on top.
     *
     * @return what was restored, for the log and the health page
     */
    static String apply(QueueStore store, StoreRestore.Request request, List<OutboxEvent> history, LocalDate today)
            throws RestoredHistory.Refused {
        QueueRebuild start;
        List<OutboxEvent> onTop = history;
        RestoredHistory.Underneath underneath = null;
        try {
            switch (request.mode()) {
                case WHOLE_DAY -> start = QueueRebuild.empty();
                case HELD_DAY -> {
                    long heldTo = store.replayOutcome().replayedTo();
                    List<OutboxEvent> below = history.stream().filter(e -> e.seq() <= heldTo).toList();
                    onTop = history.stream().filter(e -> e.seq() > heldTo).toList();
                    // gapless from the day start (the pages are checked so) up to the seq held: the day as it was
                    boolean pastIsExact = !below.isEmpty() && below.getLast().seq() == heldTo;
                    boolean heldMayLackLive = store.incomplete() || store.replayOutcome().liveGap();
                    underneath = RestoredHistory.underneath(store.loadSnapshot(today),
                            RestoredHistory.rebuild(QueueRebuild.empty(), below, today).queue(), pastIsExact,
                            heldMayLackLive);
                    start = QueueRebuild.from(underneath.queue());
                }
                default -> throw new IllegalStateException(request.mode().toString());
            }
        } catch (SQLException e) {
            throw new StoreException("could not read the stored queue to restore onto", e);
        }
        RestoredHistory.Rebuilt rebuilt = RestoredHistory.rebuild(start, onTop, today);
        Long first = history.isEmpty() ? null : history.getFirst().seq();
        Long last = history.isEmpty() ? null : history.getLast().seq();
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("source", "district");
        payload.put("askedFromSeq", request.fromSeq());
        payload.put("mode", request.mode().name().toLowerCase(java.util.Locale.ROOT));
        if (underneath != null) {
            payload.put("historyTickets", underneath.added());
            payload.put("historyUnresolved", underneath.unresolved());
        }
        payload.put("fromSeq", first);
        payload.put("toSeq", last);
        payload.put("events", history.size());
        payload.put("queueEvents", rebuilt.queueEvents());
        payload.put("day", rebuilt.queue().day().day().toString());
        payload.put("tickets", rebuilt.queue().tickets().size());
        payload.put("waiting", rebuilt.waiting());
        payload.put("finished", rebuilt.finished());
        payload.put("counters", rebuilt.queue().counters().size());
        OutboxEvent event = store.restore(rebuilt.queue(), history, new QueueStore.Appended("store.restored", payload));
        return history.size() + " events" + (history.isEmpty() ? "" : " (seq " + first + ".." + last + ")")
                + ", day " + rebuilt.queue().day().day() + ": " + rebuilt.queue().tickets().size() + " tickets, "
                + rebuilt.waiting() + " waiting, " + rebuilt.finished() + " finished; numbering goes on from seq "
                + (event.seq() + 1);
    }

    private static RestoreWire.Page page(RestoreClient client, String device, long fromSeq, boolean firstPage,
                                         boolean fromDayStart) throws RestoreClient.Unanswered, InterruptedException {
        byte[] answer = client.ask(RestoreWire.request(fromSeq, RestoreWire.PAGE_EVENTS, fromDayStart));
        return RestoreWire.parsePage(answer, device, fromSeq, firstPage && fromDayStart, RestoreWire.PAGE_EVENTS);
    }

    private static void fail(Health health, String reason) {
        String safe = Sanitize.forLog(reason, 300);
        log.error("Restore from the district FAILED: {}. The queue starts from what this device holds; a technician"
                + " must check it (restart with the district reachable to try again before any new ticket)", safe);
        health.register("restore", () -> Health.Status.fault("failed", "restore from the district failed: " + safe
                + "; started from what this device holds"));
    }
}
