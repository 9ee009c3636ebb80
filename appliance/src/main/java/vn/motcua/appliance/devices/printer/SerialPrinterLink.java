package vn.motcua.appliance.devices.printer;

import com.fazecast.jSerialComm.SerialPort;
import java.io.IOException;
import java.time.Duration;

/**
 * A printer on a serial line or a USB CDC-ACM tty ({@code /dev/ttyUSB0}, {@code /dev/ttyACM0}), via
 * jSerialComm. Two-way, so real-time status works. Also used by the tests against a socat pty.
 */
public final class SerialPrinterLink implements PrinterLink {
    private final String path;
    private final int baud;
    private final boolean rtsCts;
    private final Duration writeTimeout;
    private SerialPort port;

    /**
     * @param path         tty path
     * @param baud         e.g. 9600, 19200, 115200 (printer DIP switches)
     * @param rtsCts       hardware flow control: needed on real printers so a full buffer does not lose bytes
     * @param writeTimeout how long one write may block before the job is called failed
     */
    public SerialPrinterLink(String path, int baud, boolean rtsCts, Duration writeTimeout) {
        this.path = path;
        this.baud = baud;
        this.rtsCts = rtsCts;
        this.writeTimeout = writeTimeout;
    }

    @Override
    public void open() throws IOException {
        close();
        SerialPort p = SerialPort.getCommPort(path);
        p.setComPortParameters(baud, 8, SerialPort.ONE_STOP_BIT, SerialPort.NO_PARITY);
        p.setFlowControl(rtsCts ? SerialPort.FLOW_CONTROL_RTS_ENABLED | SerialPort.FLOW_CONTROL_CTS_ENABLED
                : SerialPort.FLOW_CONTROL_DISABLED);
        if (!p.openPort()) {
            throw new IOException("cannot open " + path + " (error " + p.getLastErrorCode() + ")");
        }
        port = p;
    }

    @Override
    public boolean isOpen() {
        return port != null && port.isOpen();
    }

    @Override
    public void write(byte[] data) throws IOException {
        SerialPort p = requireOpen();
        p.setComPortTimeouts(SerialPort.TIMEOUT_WRITE_BLOCKING | SerialPort.TIMEOUT_READ_SEMI_BLOCKING,
                1, (int) writeTimeout.toMillis());
        int off = 0;
        while (off < data.length) {
            int n = p.writeBytes(data, data.length - off, off);
            if (n <= 0) {
                throw new IOException("write to " + path + " failed or timed out after " + off + " of " + data.length + " bytes");
            }
            off += n;
        }
    }

    @Override
    public int read(Duration timeout) throws IOException {
        SerialPort p = requireOpen();
        p.setComPortTimeouts(SerialPort.TIMEOUT_READ_SEMI_BLOCKING | SerialPort.TIMEOUT_WRITE_BLOCKING,
                (int) Math.max(1, timeout.toMillis()), (int) writeTimeout.toMillis());
        byte[] one = new byte[1];
        int n = p.readBytes(one, 1);
        if (n < 0) {
            throw new IOException("read from " + path + " failed (error " + p.getLastErrorCode() + ")");
        }
        return n == 0 ? -1 : one[0] & 0xFF;
    }

    @Override
    public void discardInput() throws IOException {
        SerialPort p = requireOpen();
        int avail = p.bytesAvailable();
        if (avail > 0) {
            p.readBytes(new byte[avail], avail);
        }
    }

    @Override
    public boolean bidirectional() {
        return true;
    }

    @Override
    public String describe() {
        return "serial " + path + "@" + baud;
    }

    @Override
    public void close() {
        if (port != null) {
            port.closePort();
            port = null;
        }
    }

    private SerialPort requireOpen() throws IOException {
        if (port == null || !port.isOpen()) {
            throw new IOException(path + " is not open");
        }
        return port;
    }
}
