package vn.motcua.bus.modbus;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.locks.LockSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.motcua.bus.BoardStatus;
import vn.motcua.bus.CounterBus;
import vn.motcua.bus.CounterBusListener;
import vn.motcua.bus.transport.BusTransport;
import vn.motcua.bus.transport.PortSupervisor;
import vn.motcua.bus.transport.ReplyDeadline;

/**
 * A {@link CounterBus} over off-the-shelf Modbus RTU LED number displays, so an office can keep
 * boards it already owns. They show numbers only: {@code show(unit, "A023", ...)} writes 23 to
 * the number register; the counter number and blink are not supported by such displays and are
 * ignored. They have no keypad: keys come from the staff page (no {@code onKey} calls here).
 * One I/O thread writes changed values first and rewrites every value periodically, because a
 * display that lost power comes back blank without telling anyone. The thread and the port's
 * supervision (reopen after an unplug, backoff up to 1 s) are a {@link PortSupervisor}'s.
 */
public final class ModbusDisplayBus implements CounterBus {
    private static final Logger log = LoggerFactory.getLogger(ModbusDisplayBus.class);

    private static final class Unit {
        final int id;
        volatile int wanted = -1;   // -1: nothing asked yet
        int written = -1;
        Instant lastWrite = Instant.EPOCH;
        int failures;
        volatile BoardStatus status;

        Unit(int id, Instant now) {
            this.id = id;
            this.status = new BoardStatus(BoardStatus.State.UNKNOWN, "not written yet", now, 0);
        }
    }

    private final ModbusDisplayConfig config;
    private final BusTransport transport;
    private final Clock clock;
    private final Map<Integer, Unit> units = new LinkedHashMap<>();
    private final CopyOnWriteArrayList<CounterBusListener> listeners = new CopyOnWriteArrayList<>();
    private final byte[] buf = new byte[16];
    private final PortSupervisor supervisor;

    public ModbusDisplayBus(ModbusDisplayConfig config, BusTransport transport, Clock clock) {
        this.config = config;
        this.transport = transport;
        this.clock = clock;
        config.units().forEach(u -> units.put(u, new Unit(u, clock.instant())));
        supervisor = new PortSupervisor("modbus displays", config.portName(), transport, clock, Duration.ofSeconds(1));
    }

    @Override
    public void start() {
        supervisor.start("modbus-display-io", new PortSupervisor.Bus() {
            @Override
            public void portOpened(Instant now) {
                // nothing to resume: every wanted value is written again by the loop
            }

            @Override
            public void portDown(String reason, Instant now) {
                units.values().forEach(u -> setStatus(u, BoardStatus.State.OFFLINE, reason));
            }

            @Override
            public void work() throws IOException {
                writeDue();
            }
        });
    }

    @Override
    public void show(int address, String ticketNumber, int counterNumber, boolean blink) {
        String digits = ticketNumber.replaceAll("[^0-9]", "");
        if (digits.isEmpty() || digits.length() > 4 || ticketNumber.length() > 4) {
            throw new IllegalArgumentException("a Modbus number display needs a ticket with 1..4 digits, got '"
                    + ticketNumber + "'");
        }
        unit(address).wanted = Integer.parseInt(digits);
        supervisor.wake();
    }

    @Override
    public void clear(int address) {
        unit(address).wanted = config.blankValue();
        supervisor.wake();
    }

    @Override
    public void addListener(CounterBusListener listener) {
        listeners.add(listener);
    }

    @Override
    public Map<Integer, BoardStatus> boards() {
        Map<Integer, BoardStatus> m = new LinkedHashMap<>();
        units.forEach((id, u) -> m.put(id, u.status));
        return Collections.unmodifiableMap(m);
    }

    @Override
    public void close() {
        supervisor.close();
    }

    private Unit unit(int address) {
        Unit u = units.get(address);
        if (u == null) {
            throw new IllegalArgumentException("modbus displays: unit " + address + " is not configured");
        }
        return u;
    }

    /** One turn on the open port: a changed value first, else the one most due for its periodic rewrite. */
    private void writeDue() throws IOException {
        Instant now = clock.instant();
        Unit due = null;
        for (Unit u : units.values()) {
            boolean changed = u.wanted >= 0 && u.wanted != u.written;
            boolean refresh = u.wanted >= 0 && !now.isBefore(u.lastWrite.plus(config.refreshEvery()));
            if (changed || (refresh && due == null)) {
                due = u;
                if (changed) {
                    break;
                }
            }
        }
        if (due == null) {
            LockSupport.parkNanos(20_000_000L);
            return;
        }
        write(due, now);
    }

    private void write(Unit u, Instant now) throws IOException {
        int value = u.wanted;
        byte[] request = ModbusRtu.writeSingleRegister(u.id, config.numberRegister(), value);
        transport.write(request);
        u.lastWrite = now;
        ModbusRtu.Answer answer = await(request);
        switch (answer.kind()) {
            case OK -> {
                u.written = value;
                u.failures = 0;
                setStatus(u, BoardStatus.State.ONLINE, "answering");
            }
            case EXCEPTION -> {
                u.written = value; // the display refuses this value; retrying it changes nothing
                setStatus(u, BoardStatus.State.OFFLINE, "modbus " + ModbusRtu.exceptionName(answer.exceptionCode()));
            }
            default -> {
                u.written = -1;
                if (++u.failures >= config.offlineAfter()) {
                    setStatus(u, BoardStatus.State.OFFLINE, answer.kind() == ModbusRtu.Answer.Kind.INCOMPLETE
                            ? "no-reply" : answer.kind() == ModbusRtu.Answer.Kind.BAD_CRC ? "bad-crc" : "bad-reply");
                }
            }
        }
    }

    private ModbusRtu.Answer await(byte[] request) throws IOException {
        ReplyDeadline deadline = new ReplyDeadline(config.replyTimeout().toNanos()); // with its last look
        int n = 0;
        ModbusRtu.Answer answer = new ModbusRtu.Answer(ModbusRtu.Answer.Kind.INCOMPLETE, 0);
        while (n < buf.length) {
            long wait = deadline.nextWaitNanos();
            if (wait < 0) {
                break;
            }
            byte[] chunk = new byte[buf.length - n];
            int got = transport.read(chunk, wait);
            System.arraycopy(chunk, 0, buf, n, Math.max(got, 0));
            n += Math.max(got, 0);
            answer = ModbusRtu.answer(request, buf, n);
            if (answer.kind() != ModbusRtu.Answer.Kind.INCOMPLETE) {
                return answer;
            }
        }
        return answer;
    }

    private void setStatus(Unit u, BoardStatus.State state, String reason) {
        if (u.status.state() == state && u.status.reason().equals(reason)) {
            return;
        }
        u.status = new BoardStatus(state, reason, clock.instant(), 0);
        for (CounterBusListener l : listeners) {
            try {
                l.onBoardStatus(u.id, u.status);
            } catch (RuntimeException e) {
                log.error("modbus displays: listener failed on a status of unit {}", u.id, e);
            }
        }
    }
}
