package vn.motcua.appliance.devices.printer.sim;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.function.Consumer;
import javax.imageio.ImageIO;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A thermal printer in software, for tests and the demo: parses the ESC/POS stream, answers DLE EOT
 * from a status a test can set (paper out, cover open, near end, or silent), and on each cut renders
 * the ticket to an image (kept in memory, and written as PNG if an output folder is set). Like a real
 * printer it prints nothing while paper is out or the cover is open, but still answers status.
 */
public final class SimulatedPrinter implements EscPosSink {
    private static final Logger log = LoggerFactory.getLogger(SimulatedPrinter.class);
    /**
     * Ticket images kept for {@code /sim/printer/last.png} and tests. Each is a grey page of about 0.7 MB: 64 of them
     * were 44 MB of the demo's heap, more than the whole appliance's live data (BENCHMARKS.md, "Memory").
     */
    private static final int KEEP = 8;

    private final EscPosStreamParser parser = new EscPosStreamParser(this);
    private final PageBuilder page;
    private final Deque<BufferedImage> tickets = new ArrayDeque<>();
    private final Path outputDir;
    private volatile Consumer<byte[]> answers = b -> { };
    private volatile boolean paperEnd;
    private volatile boolean paperNearEnd;
    private volatile boolean coverOpen;
    private volatile boolean silent;
    private volatile long firstByteNanos;
    private volatile long initNanos;
    private long discarded;
    private long unknown;
    private final Clock today;

    /** @param widthDots 384 (58 mm) or 576 (80 mm); @param outputDir where PNGs go, or null */
    public SimulatedPrinter(int widthDots, Path outputDir) {
        this(widthDots, outputDir, Clock.systemDefaultZone());
    }

    /** @param today gives the day a ticket's PNG is named by when its QR code carries none (its zone matters) */
    public SimulatedPrinter(int widthDots, Path outputDir, Clock today) {
        this.page = new PageBuilder(widthDots);
        this.outputDir = outputDir;
        this.today = today;
    }

    /** Where status answers go (the tty, or an in-memory link). */
    public void answerTo(Consumer<byte[]> sink) {
        this.answers = sink;
    }

    /** Bytes from the host, any split. */
    public synchronized void accept(byte[] data, int off, int n) {
        if (n > 0 && firstByteNanos == 0) {
            firstByteNanos = System.nanoTime();
        }
        parser.feed(data, off, n);
    }

    /** Reads the host's bytes until end of stream, answering on {@code out}: the pty side of the simulator. */
    public void serve(InputStream in, OutputStream out) throws IOException {
        answerTo(b -> {
            try {
                out.write(b);
                out.flush();
            } catch (IOException e) {
                log.debug("simulated printer: answer not delivered: {}", e.getMessage());
            }
        });
        byte[] buf = new byte[8192];
        for (int n; (n = in.read(buf)) >= 0; ) {
            accept(buf, 0, n);
        }
    }

    public void setPaperEnd(boolean v) { paperEnd = v; }
    public void setPaperNearEnd(boolean v) { paperNearEnd = v; }
    public void setCoverOpen(boolean v) { coverOpen = v; }
    /** A printer that never answers status (cable with no return line, or powered off). */
    public void setSilent(boolean v) { silent = v; }

    /** Tickets cut so far, oldest first (the last {@value #KEEP}). */
    public synchronized List<BufferedImage> tickets() {
        return new ArrayList<>(tickets);
    }

    public synchronized long discardedWhileOffline() { return discarded; }
    public synchronized long unknownBytes() { return unknown; }

    /** System.nanoTime() of the first byte received since the last {@link #resetFirstByte()}; 0 if none. */
    public long firstByteNanos() { return firstByteNanos; }
    /** System.nanoTime() when the first ESC @ (start of a ticket) was parsed since the last reset; 0 if none. */
    public long initNanos() { return initNanos; }
    public void resetFirstByte() { firstByteNanos = 0; initNanos = 0; }

    private boolean offline() {
        return paperEnd || coverOpen;
    }

    @Override public void initialize() {
        if (initNanos == 0) {
            initNanos = System.nanoTime();
        }
    }

    @Override public void textLine(String line) {
        if (offline()) { discarded++; return; }
        page.text(line);
    }

    @Override public void raster(int widthBytes, int height, byte[] data) {
        if (offline()) { discarded++; return; }
        page.raster(widthBytes, height, data);
    }

    @Override public void qr(String data, int moduleDots) {
        if (offline()) { discarded++; return; }
        page.qr(data, moduleDots);
    }

    @Override public void feedLines(int n) {
        if (!offline()) page.feed(n);
    }

    @Override public void cut(boolean full) {
        if (offline()) { discarded++; return; }
        BufferedImage img = page.finish();
        if (img == null) {
            return;
        }
        tickets.addLast(img);
        if (tickets.size() > KEEP) {
            tickets.removeFirst();
        }
        if (outputDir != null) {
            try {
                Files.createDirectories(outputDir);
                ImageIO.write(img, "png", TicketImageName.next(outputDir, img, LocalDate.now(today)).toFile());
            } catch (IOException e) {
                log.warn("simulated printer: cannot write PNG to {}: {}", outputDir, e.getMessage());
            }
        }
    }

    @Override public void statusRequest(int n) {
        if (silent || n < 1 || n > 4) {
            return;
        }
        int b = 0x12;
        switch (n) {
            case 1 -> b |= offline() ? 0x08 : 0;
            case 2 -> b |= (coverOpen ? 0x04 : 0) | (paperEnd ? 0x20 : 0);
            case 4 -> b |= (paperNearEnd ? 0x0C : 0) | (paperEnd ? 0x60 : 0);
            default -> { }
        }
        answers.accept(new byte[] {(byte) b});
    }

    @Override public void unknown(int b) {
        unknown++;
    }
}
