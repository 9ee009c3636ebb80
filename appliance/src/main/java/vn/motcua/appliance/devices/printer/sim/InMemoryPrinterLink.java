package vn.motcua.appliance.devices.printer.sim;

import java.time.Duration;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import vn.motcua.appliance.devices.printer.PrinterLink;

/**
 * A two-way link straight into a {@link SimulatedPrinter}, for the demo on a machine with only a JDK
 * (no socat, no tty): the same {@code EscPosPrinter} bytes go into the same parser. No thread:
 * writes are parsed in the caller, answers wait in a queue for {@link #read(Duration)}.
 */
public final class InMemoryPrinterLink implements PrinterLink {
    private final SimulatedPrinter printer;
    private final LinkedBlockingQueue<Byte> answers = new LinkedBlockingQueue<>(1024);
    private volatile boolean open;
    private volatile boolean unplugged;

    public InMemoryPrinterLink(SimulatedPrinter printer) {
        this.printer = printer;
        printer.answerTo(bytes -> {
            for (byte b : bytes) {
                answers.offer(b);
            }
        });
    }

    /** Simulates pulling the cable: opens and writes fail until plugged back. */
    public void setUnplugged(boolean v) {
        unplugged = v;
        if (v) {
            open = false;
        }
    }

    @Override public void open() throws java.io.IOException {
        if (unplugged) {
            throw new java.io.IOException("simulated printer unplugged");
        }
        open = true;
    }

    @Override public boolean isOpen() { return open; }

    @Override public void write(byte[] data) throws java.io.IOException {
        if (!open) {
            throw new java.io.IOException("simulated printer link closed");
        }
        printer.accept(data, 0, data.length);
    }

    @Override public int read(Duration timeout) throws java.io.IOException {
        try {
            Byte b = answers.poll(timeout.toNanos(), TimeUnit.NANOSECONDS);
            return b == null ? -1 : b & 0xFF;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new java.io.IOException("interrupted");
        }
    }

    @Override public void discardInput() { answers.clear(); }
    @Override public boolean bidirectional() { return true; }
    @Override public String describe() { return "in-memory simulated printer"; }
    @Override public void close() { open = false; }
}
