package vn.motcua.appliance.devices.printer;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;

/**
 * A USB printer through the kernel's usblp driver ({@code /dev/usb/lp0}), written as a file.
 * One-way: usblp offers no read timeout Java can use, so status is reported "unknown", never "ok".
 * Configure the printer as a USB-serial (CDC-ACM) device and use {@link SerialPrinterLink} to get
 * paper-out reports. A write that blocks (printer stalled) is cut off by {@link EscPosPrinter}'s
 * watchdog, which closes the channel: FileChannel is interruptible, so the blocked write fails.
 */
public final class UsblpPrinterLink implements PrinterLink {
    private final Path path;
    private volatile FileChannel channel;

    public UsblpPrinterLink(Path path) {
        this.path = path;
    }

    @Override
    public void open() throws IOException {
        close();
        channel = FileChannel.open(path, StandardOpenOption.WRITE);
    }

    @Override
    public boolean isOpen() {
        FileChannel c = channel;
        return c != null && c.isOpen();
    }

    @Override
    public void write(byte[] data) throws IOException {
        FileChannel c = channel;
        if (c == null) {
            throw new IOException(path + " is not open");
        }
        ByteBuffer buf = ByteBuffer.wrap(data);
        while (buf.hasRemaining()) {
            if (c.write(buf) < 0) {
                throw new IOException("write to " + path + " failed");
            }
        }
    }

    @Override
    public int read(Duration timeout) {
        return -1;
    }

    @Override
    public void discardInput() {
        // one-way: nothing to discard
    }

    @Override
    public boolean bidirectional() {
        return false;
    }

    @Override
    public String describe() {
        return "usblp " + path;
    }

    @Override
    public void close() {
        FileChannel c = channel;
        channel = null;
        if (c != null) {
            try {
                c.close();
            } catch (IOException ignored) {
                // closing a dead device: nothing more to do
            }
        }
    }
}
