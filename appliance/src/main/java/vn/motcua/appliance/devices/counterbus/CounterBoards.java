package vn.motcua.appliance.devices.counterbus;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.StringJoiner;
import java.util.concurrent.ScheduledExecutorService;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import vn.motcua.appliance.devices.DeviceEvent;
import vn.motcua.appliance.devices.DeviceEvents;
import vn.motcua.appliance.devices.DeviceStatus;
import vn.motcua.appliance.devices.KeypadCursor;
import vn.motcua.appliance.devices.KeypadCursors;
import vn.motcua.appliance.domain.CommandResult;
import vn.motcua.appliance.domain.Counter;
import vn.motcua.appliance.domain.QueueEvent;
import vn.motcua.appliance.domain.QueueRefusedException;
import vn.motcua.appliance.service.CommittedEvent;
import vn.motcua.appliance.service.QueueListener;
import vn.motcua.appliance.service.QueueService;
import vn.motcua.bus.BoardEventId;
import vn.motcua.bus.BoardStatus;
import vn.motcua.bus.CounterBus;
import vn.motcua.bus.CounterBusListener;
import vn.motcua.bus.KeyEvent;

/**
 * Joins the counter boards to the queue: a keypad press becomes that counter's command, and every call shows
 * on the board over the counter. Presses are handed to the appliance's scheduler thread, so the bus's I/O
 * thread never waits for a durable commit.
 */
public final class CounterBoards implements QueueListener, CounterBusListener {
    /** The boards' part name, on /healthz. */
    public static final String DEVICE = "counter-bus";
    private static final Logger log = LoggerFactory.getLogger(CounterBoards.class);
    private final CounterBus bus;
    private final QueueService queue;
    private final KeypadCursors cursors;
    private final ScheduledExecutorService scheduler;
    private final DeviceEvents deviceEvents;
    private final Map<Integer, Integer> counterByAddress;
    private final Map<Integer, BoardStatus> lastStatus = new HashMap<>();
    private final BoardDisplays displays;

    /** @param cursors the presses already applied (the store, through the queue service) */
    public CounterBoards(CounterBus bus, Map<Integer, Integer> counterByAddress, QueueService queue,
                         KeypadCursors cursors, ScheduledExecutorService scheduler, DeviceEvents deviceEvents) {
        this.bus = bus;
        this.queue = queue;
        this.cursors = cursors;
        this.scheduler = scheduler;
        this.deviceEvents = deviceEvents;
        this.counterByAddress = Map.copyOf(counterByAddress);
        this.displays = new BoardDisplays(bus, counterByAddress, scheduler);
    }

    /** Starts the bus and puts on each board what its counter is serving now, blank if nothing. */
    public void start() {
        bus.addListener(this);
        queue.addListener(this);
        for (KeypadCursor k : cursors.keypadCursors()) {
            if (counterByAddress.containsKey(k.address())) {
                bus.resumeAfter(k.address(), new BoardEventId(k.epoch(), k.seq()));
            }
        }
        bus.ackWhenHandled();
        bus.start();
        deviceEvents.publish(new DeviceEvent.StatusChanged(status()));
        queue.read(e -> {
            for (Counter c : e.counters()) {
                if (c.currentTicket() == null) {
                    displays.clear(c.number()); // a board may still show what was finished while we were down
                } else {
                    e.ticketById(c.currentTicket()).ifPresent(t -> displays.rest(c.number(), t.number()));
                }
            }
            return null;
        });
    }

    // ---- keypad -> queue ----

    /** A press from a bus that numbers no events: applied without exactly-once across restarts. */
    @Override
    public void onKey(int address, KeyEvent event) {
        handOff(address, event, null);
    }

    /**
     * The press is committed with its command and its board event id, which {@link #start()} hands back to the
     * bus, so a press is applied once even when the appliance stops before the board hears its ack; and the
     * board hears its ack only after that commit, so a press is not lost to a stop in between either. A
     * refused press commits nothing; sent again after a restart it is judged again against the same queue.
     */
    @Override
    public void onKey(int address, KeyEvent event, BoardEventId id) {
        handOff(address, event, new KeypadCursor(address, id.epoch(), id.seq()));
    }

    private void handOff(int address, KeyEvent event, KeypadCursor cursor) {
        Integer counter = counterByAddress.get(address);
        if (counter == null) {
            log.warn("Key {} from board {} which no counter is configured for", event.key(), address);
            return;
        }
        scheduler.execute(() -> press(counter, event, cursor));
    }

    private void press(int counter, KeyEvent event, KeypadCursor cursor) {
        try {
            queue.execute(e -> KeypadCommands.apply(e, counter, event), cursor);
            handled(cursor);
        } catch (QueueRefusedException e) {
            log.info("Counter {} pressed {}: refused ({})", counter, event.key(), e.reason());
            displays.refused(counter, e.reason());
            deviceEvents.publish(new DeviceEvent.PressRefused(counter, e.reason().name()));
            handled(cursor);
        } catch (RuntimeException e) { // the service's StoreException: the command changed nothing
            // Not acked: the board keeps the press, and the next run of the appliance gets it again.
            log.error("Counter {} pressed {}: could not be stored", counter, event.key(), e);
        }
    }

    private void handled(KeypadCursor cursor) {
        if (cursor != null) {
            bus.handled(cursor.address(), new BoardEventId(cursor.epoch(), cursor.seq()));
        }
    }

    // ---- queue -> boards ----

    /**
     * A call or recall blinks on its counter's board; a counter that this command left with no ticket (its ticket
     * finished, skipped, parked, transferred away, or released by a pause or a close) goes blank at once, so a
     * board never shows a number that has moved on.
     */
    @Override
    public void onCommitted(CommandResult result, List<CommittedEvent> events) {
        Set<Integer> called = new HashSet<>();
        for (QueueEvent ev : result.events()) {
            switch (ev) {
                case QueueEvent.TicketCalled c -> {
                    displays.call(c.counter(), c.number());
                    called.add(c.counter());
                }
                case QueueEvent.TicketRecalled r -> {
                    displays.call(r.counter(), r.number());
                    called.add(r.counter());
                }
                default -> { }
            }
        }
        for (Counter c : result.changedCounters()) {
            if (c.currentTicket() == null && !called.contains(c.number())) {
                displays.clear(c.number());
            }
        }
    }

    // ---- board health -> events ----

    /** The bus tells each change of a board's state or reason; each OFFLINE is a fault, ONLINE after it a recovery. */
    @Override
    public void onBoardStatus(int address, BoardStatus status) {
        BoardStatus before;
        synchronized (lastStatus) {
            before = lastStatus.put(address, status);
        }
        Integer counter = counterByAddress.get(address);
        if (status.state() == BoardStatus.State.OFFLINE) {
            deviceEvents.publish(new DeviceEvent.BoardOffline(address, counter, status.reason()));
        } else if (status.state() == BoardStatus.State.ONLINE && before != null
                && before.state() == BoardStatus.State.OFFLINE) {
            deviceEvents.publish(new DeviceEvent.BoardOnline(address, counter, status.reason()));
        }
        deviceEvents.publish(new DeviceEvent.StatusChanged(status()));
    }

    /** The boards together, as one device on /healthz: a fault while any board is offline. */
    private DeviceStatus status() {
        Map<Integer, BoardStatus> boards = bus.boards();
        java.time.Instant since = boards.values().stream().map(BoardStatus::since)
                .max(java.util.Comparator.naturalOrder()).orElse(java.time.Instant.EPOCH);
        long offline = boards.values().stream().filter(b -> b.state() == BoardStatus.State.OFFLINE).count();
        String online = (boards.size() - offline) + "/" + boards.size() + " boards online";
        if (offline == 0) {
            return DeviceStatus.ok(DEVICE, online, since);
        }
        StringJoiner detail = new StringJoiner("; ", online + "; ", "");
        boards.forEach((a, b) -> {
            if (b.state() == BoardStatus.State.OFFLINE) {
                detail.add("board " + a + " (counter " + counterByAddress.get(a) + "): " + b.reason());
            }
        });
        return DeviceStatus.fault(DEVICE, DeviceStatus.Reason.BOARD_OFFLINE, detail.toString(), since);
    }

    public void close() {
        bus.close();
    }
}
