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
 * person holds up, no thread of our own. A pause shorter than that period cannot be seen, so a
 * {@code gap_ms} below about 40 ms frames no finer here than 40 would; only a look that finds nothing
 * ends a scan by its gap ({@link ScanFramer#offerPolled}). No jSerialComm data or disconnect listener is used: its
 * event thread, closed after an unplug, can crash the JVM in native code (jSerialComm 2.11.4,
 * upstream issue #628, {@code pthread_cancel} on an ended thread from {@code closePort}; seen here as an
 * abort in CI). An unplug shows as a failed read, or as the device node gone.
 */
public final class SerialCodeReader extends CodeReaderBase {
    private final int baud;
    private static final byte[] NOTHING = new byte[0];
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

    /**
     * Takes what the port has under this object's lock, then hands it to the pipeline outside it, so scan
     * listeners (the store, the screens) never run under the reader's lock. Only the ticker calls this, never
     * twice at once, so the bytes reach the pipeline in order.
     */
    @Override
    void poll() {
        byte[] got = takeWaiting();
        if (got.length > 0) {
            pipeline.polledBytes(got, 0, got.length);
        }
    }

    private synchronized byte[] takeWaiting() {
        SerialPort p = port;
        if (p == null) {
            return NOTHING;
        }
        try {
            int n = p.bytesAvailable();
            if (n < 0 || (n == 0 && path.startsWith("/") && !Files.exists(Path.of(path)))) {
                disconnected(p, "disconnected");
                return NOTHING;
            }
            int have = 0;
            while (n > 0 && have < buf.length) {
                int r = p.readBytes(buf, Math.min(n, buf.length - have), have);
                if (r < 0) {
                    disconnected(p, "disconnected");
                    return java.util.Arrays.copyOf(buf, have);
                }
                if (r == 0) {
                    break;
                }
                have += r;
                n = p.bytesAvailable();
            }
            return java.util.Arrays.copyOf(buf, have);
        } catch (RuntimeException e) { // whatever the library throws, the port is treated as gone and reopened
            disconnected(p, "read failed (" + e.getClass().getSimpleName() + ")");
            return NOTHING;
        }
    }

    private void disconnected(SerialPort p, String why) {
        port = null;
        try {
            p.closePort();
        } finally {
            link.report(false, path + " " + why);
        }
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
