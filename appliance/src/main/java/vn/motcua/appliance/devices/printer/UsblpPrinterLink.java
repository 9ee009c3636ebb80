package vn.motcua.appliance.devices.printer;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.motcua.appliance.devices.LinuxFd;

/**
 * A USB printer through the kernel's usblp driver ({@code /dev/usb/lp0}).
 *
 * <p>Two-way when the printer is: usblp answers {@code read()} only for a bidirectional printer
 * (USB printer protocol 2) and fails it (EINVAL) for a one-way one. Each {@link #open()} asks
 * (DLE EOT 1, a real-time query that prints nothing) and waits {@code probeTimeout} for the answer:
 * an answer makes the link two-way, so paper out and cover open are read back as on a serial
 * printer; a failed read, end of file or silence makes it one-way, with the status "unknown",
 * never "ok".
 *
 * <p>The device is opened non-blocking and every wait is a {@code poll()} with a timeout (through
 * {@link LinuxFd}: Java's file API has no read or write timeout, and usblp none of its own), so no
 * thread of ours ever blocks on the printer: a write the printer does not take within
 * {@code writeTimeout} fails the job. Waits run in short slices, so a {@link #close()} from another
 * thread (the job watchdog) is seen within one; the descriptor is closed only when no call is using
 * it, so its number can never be reused under a running write.
 */
public final class UsblpPrinterLink implements PrinterLink {
    private static final Logger log = LoggerFactory.getLogger(UsblpPrinterLink.class);
    private static final Duration DEFAULT_PROBE = Duration.ofMillis(500);
    private static final Duration DEFAULT_WRITE_TIMEOUT = Duration.ofSeconds(10);
    private static final int SLICE_MS = 50;

    private final Path path;
    private final Duration probeTimeout;
    private final Duration writeTimeout;
    private final byte[] in = new byte[64];
    private int inPos;
    private int inLen;
    /** Guarded by this: the open descriptor or -1, how many calls are using it, and a close waiting for them. */
    private int fd = -1;
    private int users;
    private volatile boolean closeWanted;
    private volatile boolean twoWay;

    public UsblpPrinterLink(Path path) {
        this(path, DEFAULT_PROBE, DEFAULT_WRITE_TIMEOUT);
    }

    /**
     * @param probeTimeout how long {@link #open()} waits for the printer to answer its status query
     * @param writeTimeout how long the printer may refuse bytes before a write fails
     */
    public UsblpPrinterLink(Path path, Duration probeTimeout, Duration writeTimeout) {
        this.path = path;
        this.probeTimeout = probeTimeout;
        this.writeTimeout = writeTimeout;
    }

    @Override
    public void open() throws IOException {
        close();
        int flags = LinuxFd.O_NONBLOCK | LinuxFd.O_NOCTTY;
        int opened;
        boolean readable = true;
        try {
            opened = LinuxFd.open(path.toString(), flags | LinuxFd.O_RDWR);
        } catch (IOException e) { // e.g. write permission only: print, status unknown
            opened = LinuxFd.open(path.toString(), flags | LinuxFd.O_WRONLY);
            readable = false;
        }
        synchronized (this) {
            while (users > 0) { // a call on the old descriptor is leaving (it sees the close within a slice)
                try {
                    wait(SLICE_MS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    LinuxFd.close(opened);
                    throw new IOException("interrupted while opening " + path, e);
                }
            }
            fd = opened;
            closeWanted = false;
            inPos = inLen = 0;
        }
        twoWay = readable && answersStatus();
        if (!twoWay) {
            log.info("printer {}: no answer to a status query within {} ms: status cannot be read (one-way printer)",
                    path, probeTimeout.toMillis());
        }
    }

    /** Sends DLE EOT 1 and waits for any answer byte. */
    private boolean answersStatus() throws IOException {
        write(EscPos.statusRequest(1));
        try {
            return readByte(probeTimeout) >= 0;
        } catch (IOException e) { // EINVAL from a one-way usblp printer, or end of file: never an answer
            return false;
        }
    }

    @Override
    public synchronized boolean isOpen() {
        return fd >= 0 && !closeWanted;
    }

    @Override
    public void write(byte[] data) throws IOException {
        int f = acquire();
        try {
            int off = 0;
            long deadline = System.nanoTime() + writeTimeout.toNanos();
            while (off < data.length) {
                int n = LinuxFd.write(f, data, off, data.length - off);
                if (n > 0) {
                    off += n;
                    deadline = System.nanoTime() + writeTimeout.toNanos(); // the printer is taking bytes
                    continue;
                }
                if (System.nanoTime() >= deadline) {
                    throw new IOException("write to " + path + " timed out after " + off + " of " + data.length + " bytes");
                }
                waitFor(f, LinuxFd.POLLOUT);
            }
        } finally {
            release();
        }
    }

    @Override
    public int read(Duration timeout) throws IOException {
        return twoWay ? readByte(timeout) : -1;
    }

    private int readByte(Duration timeout) throws IOException {
        if (inPos < inLen) {
            return in[inPos++] & 0xFF;
        }
        int f = acquire();
        try {
            long deadline = System.nanoTime() + timeout.toNanos();
            while (true) {
                int n = LinuxFd.read(f, in, 0, in.length);
                if (n > 0) {
                    inPos = 1;
                    inLen = n;
                    return in[0] & 0xFF;
                }
                if (n == 0) {
                    throw new IOException(path + ": end of file");
                }
                if (System.nanoTime() >= deadline) {
                    return -1;
                }
                waitFor(f, LinuxFd.POLLIN);
            }
        } finally {
            release();
        }
    }

    /** One poll slice; throws if the link was closed meanwhile. */
    private void waitFor(int f, short events) throws IOException {
        if (closeWanted) {
            throw new IOException(path + " closed");
        }
        LinuxFd.poll(f, events, SLICE_MS);
        if (closeWanted) {
            throw new IOException(path + " closed");
        }
    }

    private synchronized int acquire() throws IOException {
        if (fd < 0 || closeWanted) {
            throw new IOException(path + " is not open");
        }
        users++;
        return fd;
    }

    private synchronized void release() {
        users--;
        if (closeWanted && users == 0) {
            closeNow();
        }
        notifyAll();
    }

    @Override
    public void discardInput() throws IOException {
        inPos = inLen = 0;
        if (!twoWay) {
            return;
        }
        while (readByte(Duration.ZERO) >= 0) {
            inPos = inLen = 0; // stale answers, dropped unread
        }
    }

    @Override
    public boolean bidirectional() {
        return twoWay;
    }

    @Override
    public String describe() {
        return "usblp " + path;
    }

    @Override
    public synchronized void close() {
        twoWay = false;
        if (fd < 0) {
            return;
        }
        closeWanted = true;
        if (users == 0) {
            closeNow();
        }
    }

    private void closeNow() {
        LinuxFd.close(fd);
        fd = -1;
    }
}
