package vn.motcua.appliance.devices.reader;

import com.fazecast.jSerialComm.SerialPort;
import com.fazecast.jSerialComm.SerialPortDataListener;
import com.fazecast.jSerialComm.SerialPortEvent;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;

/**
 * A reader in USB-serial mode (CDC-ACM, {@code /dev/ttyACM0}), via jSerialComm. The mode to use for
 * CCCD cards: the reader sends the QR's UTF-8 bytes as they are, Vietnamese letters included. Bytes
 * arrive on jSerialComm's event thread; the injected scheduler ends gap-framed scans and reopens the
 * port after an unplug ({@link CodeReaderBase}).
 */
public final class SerialCodeReader extends CodeReaderBase {
    private final int baud;
    private volatile SerialPort port;

    /**
     * @param reopenEvery how often to retry opening after an unplug (e.g. 2 s)
     * @param gapCheck    how often to end scans whose inter-character gap passed (e.g. 20 ms)
     */
    public SerialCodeReader(String path, int baud, ScanPipeline pipeline, ScheduledExecutorService scheduler, Clock clock,
                            Duration reopenEvery, Duration gapCheck) {
        super("serial", path, pipeline, scheduler, clock, reopenEvery, gapCheck);
        this.baud = baud;
    }

    @Override
    boolean isOpen() {
        SerialPort p = port;
        return p != null && p.isOpen();
    }

    @Override
    synchronized void openDevice() {
        SerialPort np = SerialPort.getCommPort(path);
        np.setComPortParameters(baud, 8, SerialPort.ONE_STOP_BIT, SerialPort.NO_PARITY);
        if (!np.openPort()) {
            link.report(false, "cannot open " + path);
            return;
        }
        np.addDataListener(new SerialPortDataListener() {
            @Override
            public int getListeningEvents() {
                return SerialPort.LISTENING_EVENT_DATA_AVAILABLE | SerialPort.LISTENING_EVENT_PORT_DISCONNECTED;
            }

            @Override
            public void serialEvent(SerialPortEvent e) {
                if (e.getEventType() == SerialPort.LISTENING_EVENT_PORT_DISCONNECTED) {
                    disconnected(np);
                    return;
                }
                int n = np.bytesAvailable();
                if (n <= 0) {
                    return;
                }
                byte[] buf = new byte[Math.min(n, 8192)];
                int got = np.readBytes(buf, buf.length);
                if (got > 0) {
                    pipeline.bytes(buf, 0, got);
                } else if (got < 0) {
                    disconnected(np);
                }
            }
        });
        port = np;
        link.report(true, "reading " + path);
    }

    /**
     * Called on jSerialComm's event thread: the port is released from the scheduler instead, because
     * removing a data listener from inside its own callback waits for that very thread.
     */
    private void disconnected(SerialPort p) {
        synchronized (this) {
            if (port != p) {
                return;
            }
            port = null;
        }
        link.report(false, path + " disconnected");
        scheduler.execute(() -> {
            p.removeDataListener();
            p.closePort();
        });
    }

    @Override
    void release() {
        SerialPort p = port;
        port = null;
        if (p != null) {
            p.removeDataListener();
            p.closePort();
        }
    }
}
