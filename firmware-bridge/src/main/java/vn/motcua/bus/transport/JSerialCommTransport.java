package vn.motcua.bus.transport;

import com.fazecast.jSerialComm.SerialPort;
import com.fazecast.jSerialComm.SerialPortInvalidPortException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.locks.LockSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.motcua.bus.BusConfig;

/**
 * The real serial port, through jSerialComm, used in blocking calls from the master's I/O thread
 * only. No data or disconnect listener is registered: jSerialComm reports a vanished adapter
 * repeatedly and a port cannot be reopened from inside its own listener, so instead a failed
 * read or write throws, the master closes the port, and its loop reopens it later.
 */
public final class JSerialCommTransport implements BusTransport {
    private static final Logger log = LoggerFactory.getLogger(JSerialCommTransport.class);
    /**
     * How often a waiting read looks for bytes. jSerialComm's own read timeouts map to termios
     * VTIME, in tenths of a second, far too coarse for a 20 ms reply timeout; so the port is
     * non-blocking and the wait is a FIONREAD check every 200 us (2 byte times at 115200),
     * which costs a few thousand cheap syscalls a second instead of a spinning core.
     */
    private static final long CHECK_EVERY_NANOS = 200_000L;

    private final String portName;
    private final int baud;
    private final int parity;
    private final BusConfig.Direction direction;
    private SerialPort port;

    /** The counter bus: 8N1 at the configured baud. */
    public JSerialCommTransport(BusConfig config) {
        this(config.portName(), config.baud(), false, config.direction());
    }

    /** Any 8-bit bus, e.g. Modbus RTU displays at 8E1 ({@code evenParity}) or 8N1. */
    public JSerialCommTransport(String portName, int baud, boolean evenParity, BusConfig.Direction direction) {
        this.portName = portName;
        this.baud = baud;
        this.parity = evenParity ? SerialPort.EVEN_PARITY : SerialPort.NO_PARITY;
        this.direction = direction;
    }

    @Override
    public Optional<String> open() {
        close();
        String name = portName;
        if (name.startsWith("/") && !Files.exists(Path.of(name))) {
            return Optional.of("no device " + name + " (adapter unplugged?)");
        }
        SerialPort p;
        try {
            p = SerialPort.getCommPort(name);
        } catch (SerialPortInvalidPortException e) {
            return Optional.of("invalid port " + name + ": " + e.getMessage());
        }
        p.setComPortParameters(baud, 8, SerialPort.ONE_STOP_BIT, parity);
        p.setFlowControl(SerialPort.FLOW_CONTROL_DISABLED);
        p.setComPortTimeouts(SerialPort.TIMEOUT_NONBLOCKING | SerialPort.TIMEOUT_WRITE_BLOCKING, 0, 100);
        boolean kernelRs485 = direction == BusConfig.Direction.KERNEL_RS485;
        if (kernelRs485) {
            p.setRs485ModeParameters(true, true, 0, 0);
        }
        if (!p.openPort()) {
            return Optional.of("cannot open " + name + " (error " + p.getLastErrorCode() + ")");
        }
        if (kernelRs485) {
            // setRs485ModeParameters returns true even where the driver ignores it: ask the kernel.
            Rs485Check.Result r = Rs485Check.read(name);
            if (!r.enabled()) {
                p.closePort();
                log.warn("counter bus: kernel RS-485 mode requested on {} but not active: {}", name, r.detail());
                return Optional.of("rs485-mode-not-active: " + r.detail());
            }
        }
        p.flushIOBuffers();
        port = p;
        return Optional.empty();
    }

    @Override
    public boolean isOpen() {
        return port != null;
    }

    @Override
    public void write(byte[] frame) throws IOException {
        SerialPort p = requireOpen();
        int n = p.writeBytes(frame, frame.length);
        if (n != frame.length) {
            throw new IOException("write failed (" + n + " of " + frame.length + " bytes, error "
                    + p.getLastErrorCode() + ")");
        }
    }

    @Override
    public int read(byte[] buf, long timeoutNanos) throws IOException {
        SerialPort p = requireOpen();
        long deadline = System.nanoTime() + timeoutNanos;
        while (true) {
            int available = p.bytesAvailable();
            if (available < 0) {
                throw new IOException("port gone (error " + p.getLastErrorCode() + ")");
            }
            if (available > 0) {
                int n = p.readBytes(buf, Math.min(available, buf.length));
                if (n < 0) {
                    throw new IOException("read failed (error " + p.getLastErrorCode() + ")");
                }
                return n;
            }
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return 0;
            }
            LockSupport.parkNanos(Math.min(left, CHECK_EVERY_NANOS));
        }
    }

    @Override
    public void close() {
        SerialPort p = port;
        port = null;
        if (p != null) {
            p.closePort();
        }
    }

    private SerialPort requireOpen() throws IOException {
        if (port == null) {
            throw new IOException("port not open");
        }
        return port;
    }
}
