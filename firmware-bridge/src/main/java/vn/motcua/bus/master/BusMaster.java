package vn.motcua.bus.master;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.motcua.bus.BoardEventId;
import vn.motcua.bus.BoardStatus;
import vn.motcua.bus.BusConfig;
import vn.motcua.bus.CounterBus;
import vn.motcua.bus.CounterBusListener;
import vn.motcua.bus.codec.Frame;
import vn.motcua.bus.codec.FrameCodec;
import vn.motcua.bus.codec.Messages;
import vn.motcua.bus.codec.SevenSegment;
import vn.motcua.bus.transport.BusTransport;
import vn.motcua.bus.transport.PortSupervisor;

/**
 * The bus master: one dedicated I/O thread runs the half-duplex poll loop (the bus is one
 * conversation at a time, so one thread is the natural owner). The thread and the port's
 * supervision (reopen after an unplug, capped exponential backoff with jitter up to 5 s) are a
 * {@link PortSupervisor}'s; this class is the poll loop's work on the open port.
 */
public final class BusMaster implements CounterBus {
    private static final Logger log = LoggerFactory.getLogger(BusMaster.class);

    private final BusConfig config;
    private final BusTransport transport;
    private final Clock clock;
    private final Map<Integer, BoardLink> links = new LinkedHashMap<>();
    private final List<BoardLink> order;
    private final ListenerSet listeners = new ListenerSet();
    private final ReplyReader reader;
    private final AtomicLong exchanges = new AtomicLong();
    private final AtomicLong retries = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();
    private final AtomicLong duplicates = new AtomicLong();
    private final AtomicLong invalidKeys = new AtomicLong();
    private final AtomicLong keys = new AtomicLong();
    private final AtomicLong bytesOut = new AtomicLong();
    private final PortSupervisor supervisor;
    private int seq;
    private int cursor;

    public BusMaster(BusConfig config, BusTransport transport, Clock clock) {
        this.config = config;
        this.transport = transport;
        this.clock = clock;
        this.reader = new ReplyReader(transport);
        for (int a : config.addresses()) {
            links.put(a, new BoardLink(a, clock.instant()));
        }
        this.order = List.copyOf(links.values());
        this.supervisor = new PortSupervisor("counter bus", config.portName(), transport, clock, Duration.ofSeconds(5));
    }

    @Override
    public synchronized void start() {
        supervisor.start("counter-bus-io", new PortSupervisor.Bus() {
            @Override
            public void portOpened(Instant now) {
                order.forEach(l -> l.nextProbe = now);
            }

            @Override
            public void portDown(String reason, Instant now) {
                setAllDown(reason, now);
            }

            @Override
            public void work() throws IOException {
                poll();
            }
        });
    }

    @Override
    public void show(int address, String ticketNumber, int counterNumber, boolean blink) {
        if (counterNumber < 0 || counterNumber > 99) {
            throw new IllegalArgumentException("counter number must be 0..99, was " + counterNumber);
        }
        link(address).want(new DisplayState(SevenSegment.pad(ticketNumber), counterNumber, blink));
        supervisor.wake();
    }

    @Override
    public void clear(int address) {
        link(address).want(DisplayState.BLANK);
        supervisor.wake();
    }

    /**
     * Before {@link #start()}: a press is acked to its board only after {@link #handled} reports it committed,
     * not as soon as it is delivered, so an appliance that stops in between gets it again from the board (and
     * {@link #resumeAfter} keeps that from doubling it). Without this a press delivered just before a stop is
     * acked and lost.
     */
    @Override
    public synchronized void ackWhenHandled() {
        if (supervisor.started()) {
            throw new IllegalStateException("ackWhenHandled must come before start()");
        }
        links.values().forEach(BoardLink::ackWhenHandled);
    }

    @Override
    public void handled(int address, BoardEventId id) {
        link(address).handled(id);
        supervisor.wake();
    }

    /**
     * Tells the bus, before {@link #start()}, the last board event id the appliance had stored
     * for a board, so a press it handled just before it stopped is not delivered again.
     */
    @Override
    public synchronized void resumeAfter(int address, BoardEventId lastHandled) {
        if (supervisor.started()) {
            throw new IllegalStateException("resumeAfter must come before start()");
        }
        link(address).resumeAfter(lastHandled);
    }

    @Override
    public void addListener(CounterBusListener listener) {
        listeners.add(listener);
    }

    @Override
    public Map<Integer, BoardStatus> boards() {
        Map<Integer, BoardStatus> m = new LinkedHashMap<>();
        links.forEach((a, l) -> m.put(a, l.status()));
        return Collections.unmodifiableMap(m);
    }

    public BusStats stats() {
        return new BusStats(exchanges.get(), retries.get(), failed.get(), reader.badFrames(), reader.noiseBytes(),
                reader.staleFrames(), duplicates.get(), invalidKeys.get(), keys.get(), supervisor.opens(), bytesOut.get());
    }

    @Override
    public void close() {
        supervisor.close();
    }

    private BoardLink link(int address) {
        BoardLink l = links.get(address);
        if (l == null) {
            throw new IllegalArgumentException("counter bus: board address " + address + " is not configured");
        }
        return l;
    }

    /** One turn of the poll loop on the open port. */
    private void poll() throws IOException {
        BoardLink next = next(clock.instant());
        if (next == null) {
            LockSupport.parkNanos(5_000_000L); // everything offline and not yet due
        } else {
            exchange(next);
        }
    }

    private void setAllDown(String reason, Instant now) {
        for (BoardLink l : order) {
            BoardStatus s = l.portDown(reason, now);
            if (s != null) {
                fireStatus(l.address, s);
            }
        }
    }

    /** A board whose display is stale goes first; otherwise round robin, offline ones when due. */
    private BoardLink next(Instant now) {
        int n = order.size();
        for (int i = 0; i < n; i++) {
            BoardLink l = order.get((cursor + i) % n);
            if (!l.offline() && l.pending() != null) {
                return l;
            }
        }
        for (int i = 0; i < n; i++) {
            BoardLink l = order.get(cursor);
            cursor = (cursor + 1) % n;
            if (!l.offline() || !now.isBefore(l.nextProbe)) {
                return l;
            }
        }
        return null;
    }

    private void exchange(BoardLink link) throws IOException {
        BoardLink.Pending pending = link.pending();
        DisplayState display = pending == null ? null : pending.display();
        long version = pending == null ? 0 : pending.version();
        int attempts = link.offline() ? 1 : 1 + config.retries();
        String failure = "no-reply";
        for (int attempt = 0; attempt < attempts; attempt++) {
            if (attempt > 0) {
                retries.incrementAndGet();
            }
            seq = (seq + 1) & 0xFF;
            byte[] bytes = FrameCodec.encode(request(link, display));
            transport.write(bytes);
            bytesOut.addAndGet(bytes.length);
            ReplyReader.Result r = reader.await(link.address, seq, config.replyTimeout().toNanos());
            if (r.reply() != null) {
                exchanges.incrementAndGet();
                delivered(link, r, display, version);
                return;
            }
            failure = r.failure();
            log.debug("counter board {}: attempt {} of {} failed: {}", link.address, attempt + 1, attempts, failure);
        }
        failed.incrementAndGet();
        Instant now = clock.instant();
        BoardStatus s = link.failed(failure, config.offlineAfter(), now);
        if (link.offline()) {
            link.nextProbe = now.plus(config.offlineProbe());
        }
        if (s != null) {
            log.info("counter board {} offline: {}", link.address, s.reason());
            fireStatus(link.address, s);
        }
    }

    private Frame request(BoardLink link, DisplayState d) {
        Messages.Ack ack = link.ack();
        if (d == null) {
            return Messages.poll(link.address, seq, ack);
        }
        return d.blank() ? Messages.clear(link.address, seq, ack)
                : Messages.show(link.address, seq, ack, d.text(), d.counter(), d.blink());
    }

    private void delivered(BoardLink link, ReplyReader.Result r, DisplayState sent, long version) {
        BoardLink.Outcome o = link.accept(r.reply(), clock.instant());
        if (sent != null) {
            if (r.reply().rejected()) {
                log.error("counter board {} refused display {} (firmware older than this master?)", link.address, sent);
            }
            link.displayConfirmed(version);
        } else if (r.reply().rejected() && link.firstPollRejection()) {
            // Would repeat on every poll: say it once per board, the status page shows the rest.
            log.error("counter board {} refused a POLL: protocol mismatch (firmware version?)", link.address);
        }
        duplicates.addAndGet(o.duplicates());
        invalidKeys.addAndGet(o.invalid());
        o.statusChanges().forEach(s -> fireStatus(link.address, s));
        for (BoardLink.Delivered d : o.keys()) {
            keys.incrementAndGet();
            listeners.key(link.address, d.key(), d.id());
        }
    }

    private void fireStatus(int address, BoardStatus s) {
        listeners.status(address, s);
    }
}
