package vn.motcua.appliance.devices.reader;

import com.fazecast.jSerialComm.SerialPort;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;

/**
 * A reader in USB-serial mode (CDC-ACM, {@code /dev/ttyACM0}), via jSerialComm. The mode to use for
 * CCCD cards: the reader sends the QR's UTF-8 bytes as they are, Vietnamese letters included.
 *
 * <p>The port is non-blocking and read by the pipeline's gap ticker on the injected scheduler
 * ({@link #poll()}, every {@code gapCheck}): at most one 20 ms tick of added latency on a scan a
 * person holds up, no thread of our own. No jSerialComm data or disconnect listener is used: its
 * event thread, closed after an unplug, can crash the JVM in native code (jSerialComm 2.11.4,
 * upstream issue #628, {@code pthread_cancel} on an ended thread from {@code closePort}; seen here as an
 * abort in CI). An unplug shows as a failed read, or as the device node gone.
 */
public final class SerialCodeReader extends CodeReaderBase {
    private final int baud;
    private final byte[] buf = new byte[8192];
    /** Touched only on the scheduler thread, and by {@link #release()} under this object's lock. */
    private SerialPort port;

    /**
     * @param reopenEvery how often to retry opening after an unplug (e.g. 2 s)
     * @param gapCheck    how often to read the port and end scans whose inter-character gap passed (e.g. 20 ms)
     */
    public SerialCodeReader(String path, int baud, ScanPipeline pipeline, ScheduledExecutorService scheduler, Clock clock,
                            Duration reopenEvery, Duration gapCheck) {
        super("serial", path, pipeline, scheduler, clock, reopenEvery, gapCheck);
        this.baud = baud;
    }

    @Override
    synchronized boolean isOpen() {
        return port != null;
    }

    @Override
    synchronized void openDevice() {
        SerialPort np = SerialPort.getCommPort(path);
        np.setComPortParameters(baud, 8, SerialPort.ONE_STOP_BIT, SerialPort.NO_PARITY);
        np.setFlowControl(SerialPort.FLOW_CONTROL_DISABLED);
        np.setComPortTimeouts(SerialPort.TIMEOUT_NONBLOCKING, 0, 0);
        if (!np.openPort()) {
            link.report(false, "cannot open " + path);
            return;
        }
        port = np;
        link.report(true, "reading " + path);
    }

    @Override
    synchronized void poll() {
        SerialPort p = port;
        if (p == null) {
            return;
        }
        int n = p.bytesAvailable();
        if (n < 0 || (n == 0 && path.startsWith("/") && !Files.exists(Path.of(path)))) {
            disconnected(p);
            return;
        }
        while (n > 0) {
            int got = p.readBytes(buf, Math.min(n, buf.length));
            if (got < 0) {
                disconnected(p);
                return;
            }
            if (got == 0) {
                return;
            }
            pipeline.bytes(buf, 0, got);
            n = p.bytesAvailable();
        }
    }

    private void disconnected(SerialPort p) {
        port = null;
        p.closePort();
        link.report(false, path + " disconnected");
    }

    @Override
    synchronized void release() {
        SerialPort p = port;
        port = null;
        if (p != null) {
            p.closePort();
        }
    }
}
