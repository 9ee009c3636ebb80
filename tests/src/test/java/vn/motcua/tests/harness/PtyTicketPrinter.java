package vn.motcua.tests.harness;

import java.awt.image.BufferedImage;
import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import vn.motcua.appliance.devices.printer.sim.EscPosSink;
import vn.motcua.appliance.devices.printer.sim.EscPosStreamParser;
import vn.motcua.appliance.devices.printer.sim.SimulatedPrinter;
import vn.motcua.bus.pty.SocatPty;

/**
 * A ticket printer on the far end of a serial cable, for an appliance process: a socat pty pair, the appliance's
 * printer in {@code mode = "serial"} on the host end ({@link #serial}: its real adapter, jSerialComm and
 * {@code EscPosPrinter}, as on a Pi), and the simulated printer in this test's JVM on the device end, answering the
 * status queries and drawing each ticket. As the bytes reach it here, outside the appliance, it notes when each
 * ticket began: the {@code System.nanoTime()} at which its first command ({@code ESC @}, which only a ticket sends;
 * the status polls are {@code DLE EOT}) was read off the line. Nothing is added to the appliance for the measure.
 */
public final class PtyTicketPrinter implements AutoCloseable {
    private final SocatPty pty;
    private final SimulatedPrinter paper = new SimulatedPrinter(576, null);
    private final List<Long> ticketStarts = new CopyOnWriteArrayList<>();
    private final java.util.concurrent.atomic.AtomicInteger cuts = new java.util.concurrent.atomic.AtomicInteger();

    public PtyTicketPrinter(Path dir) throws IOException, InterruptedException {
        pty = new SocatPty(Files.createDirectories(dir));
        EscPosStreamParser parser = new EscPosStreamParser(new Noting(paper));
        CountDownLatch open = new CountDownLatch(1);
        Thread.ofPlatform().daemon().name("pty-printer-" + dir.getFileName()).start(() -> {
            try (InputStream in = new FileInputStream(pty.device.toFile());
                 OutputStream out = new FileOutputStream(pty.device.toFile())) {
                paper.answerTo(b -> {
                    try {
                        out.write(b);
                        out.flush();
                    } catch (IOException gone) {
                        // the pty closed at the end of the test
                    }
                });
                open.countDown();
                byte[] buf = new byte[8192];
                for (int n; (n = in.read(buf)) >= 0; ) {
                    synchronized (paper) { // one parse at a time, as SimulatedPrinter.accept does
                        parser.feed(buf, 0, n);
                    }
                }
            } catch (IOException gone) {
                // the pty is gone at the end of the test: the printer stops
            }
        });
        if (!open.await(30, TimeUnit.SECONDS)) {
            throw new IllegalStateException("the simulated printer could not open its end of the pty");
        }
    }

    /**
     * The config with its {@code [devices.printer]} on this pty (the demo's simulated printer replaced). The status
     * answers come from this test's JVM, which a loaded 2-core machine may keep off the CPU for longer than a real
     * printer's few ms: the longest status wait the config allows (5 s), so a late answer is not taken for a printer
     * gone offline and a ticket given up.
     */
    public String serial(String toml) {
        String simulated = "[devices.printer]\nmode = \"simulated\"";
        if (!toml.contains(simulated)) {
            throw new IllegalArgumentException("no simulated printer section to replace");
        }
        return toml.replace(simulated, "[devices.printer]\nmode = \"serial\"\nport = \"" + pty.host + "\"\nbaud = 115200\nstatus_timeout_ms = 5000\njob_timeout_ms = 60000");
    }

    /** {@code System.nanoTime()} of each ticket's first command ({@code ESC @}) read here, in order. */
    public List<Long> ticketStarts() {
        return List.copyOf(ticketStarts);
    }

    /** How many tickets were cut so far: each one whole on paper. */
    public int ticketsCut() {
        return cuts.get();
    }

    /** Bytes that were no ESC/POS command the simulated printer knows: 0 unless the line garbled the stream. */
    public long unknownBytes() {
        return paper.unknownBytes();
    }

    /** The tickets cut so far (the last 8), as drawn from the bytes. */
    public List<BufferedImage> tickets() {
        return paper.tickets();
    }

    @Override
    public void close() {
        pty.close();
    }

    /** The simulated printer's sink, noting when each ticket starts. */
    private final class Noting implements EscPosSink {
        private final EscPosSink paper;

        Noting(EscPosSink paper) {
            this.paper = paper;
        }

        @Override public void initialize() {
            ticketStarts.add(System.nanoTime());
            paper.initialize();
        }

        @Override public void textLine(String line) { paper.textLine(line); }
        @Override public void raster(int widthBytes, int height, byte[] data) { paper.raster(widthBytes, height, data); }
        @Override public void qr(String data, int moduleDots) { paper.qr(data, moduleDots); }
        @Override public void feedLines(int n) { paper.feedLines(n); }
        @Override public void cut(boolean full) {
            paper.cut(full);
            cuts.incrementAndGet();
        }
        @Override public void statusRequest(int n) { paper.statusRequest(n); }
        @Override public void unknown(int b) { paper.unknown(b); }
    }
}
