package vn.motcua.appliance.devices.printer;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.motcua.linux.LinuxFd;

/**
 * A USB printer through the kernel's usblp driver ({@code /dev/usb/lp0}).
 *
 * <p>Two-way when the printer is: usblp answers {@code read()} only for a bidirectional printer
 * (USB printer protocol 2) and fails it with EINVAL for a one-way one. Each {@link #open()} asks
 * (DLE EOT 1, a real-time query that prints nothing) and waits {@code probeTimeout}: an answer makes
 * the link two-way, so paper out and cover open are read back as on a serial printer; EINVAL (or a
 * device opened write-only) makes it one-way for good, with the status "unknown", never "ok". A
 * printer that stays silent (still starting up, say) is taken as one-way for now and asked again by
 * {@link #recheck()} at most once a minute. A regular file (a capture) is written, never asked.
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
    private static final Duration RECHECK_EVERY = Duration.ofMinutes(1);
    private static final int SLICE_MS = 50;
    private static final int MAX_WRITE = 64 * 1024;

    private enum Kind { TWO_WAY, ONE_WAY, SILENT }

    private final Path path;
    private final Duration probeTimeout;
    private final Duration writeTimeout;
    private final long recheckEveryNanos;
    private final byte[] in = new byte[64];
    private int inPos;
    private int inLen;
    /** Guarded by this: the open descriptor or -1, how many calls are using it, how many closes so far. */
    private int fd = -1;
    private int users;
    private long closes;
    private volatile boolean closeWanted;
    private volatile Kind kind = Kind.ONE_WAY;
    private long probedAt;

    public UsblpPrinterLink(Path path) {
        this(path, DEFAULT_PROBE, DEFAULT_WRITE_TIMEOUT);
    }

    /**
     * @param probeTimeout how long {@link #open()} waits for the printer to answer its status query
     * @param writeTimeout how long the printer may refuse bytes before a write fails
     */
    public UsblpPrinterLink(Path path, Duration probeTimeout, Duration writeTimeout) {
        this(path, probeTimeout, writeTimeout, RECHECK_EVERY);
    }

    /** @param recheckEvery how often a printer that was silent is asked again (tests shorten it) */
    UsblpPrinterLink(Path path, Duration probeTimeout, Duration writeTimeout, Duration recheckEvery) {
        this.path = path;
        this.probeTimeout = probeTimeout;
        this.writeTimeout = writeTimeout;
        this.recheckEveryNanos = recheckEvery.toNanos();
    }

    @Override
    public void open() throws IOException {
        long generation;
        synchronized (this) {
            closeLocked();
            awaitNoUsers();
            generation = closes;
        }
        boolean file = Files.isRegularFile(path);
        int flags = LinuxFd.O_NONBLOCK | LinuxFd.O_NOCTTY;
        int opened;
        boolean readable = !file;
        if (file) {
            opened = LinuxFd.open(path.toString(), flags | LinuxFd.O_WRONLY);
        } else {
            try {
                opened = LinuxFd.open(path.toString(), flags | LinuxFd.O_RDWR);
            } catch (IOException e) { // e.g. write permission only: print, status unknown
                opened = LinuxFd.open(path.toString(), flags | LinuxFd.O_WRONLY);
                readable = false;
            }
        }
        synchronized (this) {
            if (closes != generation) { // closed while opening (shutdown, the job watchdog): stay closed
                LinuxFd.close(opened);
                throw new IOException(path + " was closed while it opened");
            }
            fd = opened;
            closeWanted = false;
            inPos = inLen = 0;
            kind = readable ? Kind.SILENT : Kind.ONE_WAY;
        }
        if (readable) {
            try {
                probe();
            } catch (IOException e) { // the query could not even be sent: not open, whatever the device is
                close();
                throw e;
            }
        }
    }

    /** Sends DLE EOT 1 and waits for any answer byte; decides what kind of printer this is. */
    private void probe() throws IOException {
        probedAt = System.nanoTime();
        write(EscPos.statusRequest(1), probeTimeout);
        try {
            kind = readByte(probeTimeout) >= 0 ? Kind.TWO_WAY : Kind.SILENT;
        } catch (LinuxFd.ErrnoException e) {
            if (e.errno() != LinuxFd.EINVAL) {
                throw e;
            }
            kind = Kind.ONE_WAY; // usblp: not a bidirectional printer
        }
        if (kind != Kind.TWO_WAY) {
            log.info("printer {}: {}: status cannot be read (one-way printer)", path,
                    kind == Kind.ONE_WAY ? "the device cannot be read" : "no answer to a status query within "
                            + probeTimeout.toMillis() + " ms");
        }
    }

    /** A printer that was silent at open is asked again, at most once a minute (by default). */
    @Override
    public void recheck() throws IOException {
        if (kind == Kind.SILENT && isOpen() && System.nanoTime() - probedAt >= recheckEveryNanos) {
            probe();
            if (kind == Kind.TWO_WAY) {
                log.info("printer {}: answers status queries now (two-way)", path);
            }
        }
    }

    @Override
    public synchronized boolean isOpen() {
        return fd >= 0 && !closeWanted;
    }

    @Override
    public void write(byte[] data) throws IOException {
        write(data, writeTimeout);
    }

    private void write(byte[] data, Duration timeout) throws IOException {
        int f = acquire();
        try {
            int off = 0;
            long deadline = System.nanoTime() + timeout.toNanos();
            while (off < data.length) {
                if (closeWanted) {
                    throw new IOException(path + " closed after " + off + " of " + data.length + " bytes");
                }
                int n = LinuxFd.write(f, data, off, Math.min(MAX_WRITE, data.length - off));
                if (n > 0) {
                    off += n;
                    deadline = System.nanoTime() + timeout.toNanos(); // the printer is taking bytes
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
        return kind == Kind.TWO_WAY ? readByte(timeout) : -1;
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
                if (System.nanoTime() >= deadline) {
                    return -1;
                }
                if (n == 0) { // a zero-length USB packet, or a device that always reads empty: not an answer
                    sleepSlice(deadline);
                } else {
                    waitFor(f, LinuxFd.POLLIN);
                }
            }
        } finally {
            release();
        }
    }

    private void sleepSlice(long deadline) throws IOException {
        try {
            Thread.sleep(Math.max(1, Math.min(SLICE_MS, (deadline - System.nanoTime()) / 1_000_000)));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while reading " + path, e);
        }
        if (closeWanted) {
            throw new IOException(path + " closed");
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
        if (closeWanted && users == 0 && fd >= 0) {
            LinuxFd.close(fd);
            fd = -1;
        }
        notifyAll();
    }

    /** Waits (in slices: a call sees the close within one) until no call uses the old descriptor. */
    private void awaitNoUsers() throws IOException {
        while (users > 0) {
            try {
                wait(SLICE_MS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while opening " + path, e);
            }
        }
    }

    @Override
    public void discardInput() throws IOException {
        inPos = inLen = 0;
        if (kind != Kind.TWO_WAY) {
            return;
        }
        while (readByte(Duration.ZERO) >= 0) {
            inPos = inLen = 0; // stale answers, dropped unread
        }
    }

    @Override
    public boolean bidirectional() {
        return kind == Kind.TWO_WAY;
    }

    @Override
    public String describe() {
        return "usblp " + path;
    }

    @Override
    public synchronized void close() {
        closeLocked();
    }

    private void closeLocked() {
        closes++;
        kind = Kind.ONE_WAY;
        if (fd < 0) {
            return;
        }
        closeWanted = true;
        if (users == 0) {
            LinuxFd.close(fd);
            fd = -1;
        }
    }
}
