package vn.motcua.bus.modbus;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.LockSupport;
import vn.motcua.bus.codec.Crc16;
import vn.motcua.bus.sim.SimulatedAdapter;

/**
 * Modbus RTU number displays on an in-memory wire, for tests and the demo: each answers
 * "write single register" with the echo, stores the value, and can be powered off (silent, and
 * blank when it comes back) or made to refuse a register (exception 02). {@link #unplug()} /
 * {@link #plugIn()} act like pulling the USB adapter (the displays keep their numbers).
 */
public final class SimulatedModbusDisplays extends SimulatedAdapter {
    private final Map<Integer, Integer> shown = new ConcurrentHashMap<>();
    private final Map<Integer, Boolean> powered = new ConcurrentHashMap<>();
    private final int numberRegister;
    private final Deque<byte[]> replies = new ArrayDeque<>();

    public SimulatedModbusDisplays(Iterable<Integer> units, int numberRegister) {
        this.numberRegister = numberRegister;
        units.forEach(u -> powered.put(u, true));
    }

    /** The value a display shows, empty when blank (never written, or lost power). */
    public Optional<Integer> shown(int unit) {
        return Optional.ofNullable(shown.get(unit));
    }

    public void power(int unit, boolean on) {
        powered.put(unit, on);
        if (!on) {
            shown.remove(unit);
        }
    }

    @Override
    public synchronized void write(byte[] f) throws IOException {
        check();
        int unit = f[0] & 0xFF;
        int crc = Crc16.of(f, 0, f.length - 2);
        boolean valid = f.length == 8 && (f[6] & 0xFF) == (crc & 0xFF) && (f[7] & 0xFF) == crc >>> 8;
        if (!valid || !powered.getOrDefault(unit, false) || f[1] != ModbusRtu.WRITE_SINGLE_REGISTER) {
            return; // RTU slaves stay silent on bad frames and other units' frames
        }
        int register = (f[2] & 0xFF) << 8 | (f[3] & 0xFF);
        if (register != numberRegister) {
            byte[] ex = {(byte) unit, (byte) 0x86, 0x02, 0, 0};
            int c = Crc16.of(ex, 0, 3);
            ex[3] = (byte) c;
            ex[4] = (byte) (c >>> 8);
            replies.add(ex);
            return;
        }
        shown.put(unit, (f[4] & 0xFF) << 8 | (f[5] & 0xFF));
        replies.add(f.clone());
    }

    @Override
    public synchronized int read(byte[] buf, long timeoutNanos) throws IOException {
        byte[] r = replies.poll();
        if (r == null) {
            LockSupport.parkNanos(Math.min(timeoutNanos, 2_000_000L));
            return 0;
        }
        System.arraycopy(r, 0, buf, 0, Math.min(r.length, buf.length));
        return Math.min(r.length, buf.length);
    }
}
