package vn.motcua.appliance.devices.printer;

import java.io.IOException;
import java.time.Duration;

/**
 * The byte channel to a printer: serial/CDC-ACM tty, usblp file, or an in-memory pipe for the demo.
 * Implementations are not thread-safe; {@link EscPosPrinter} uses one from one job at a time.
 */
public interface PrinterLink extends AutoCloseable {

    /** Opens (or re-opens after a failure). Throws if the device is absent. */
    void open() throws IOException;

    boolean isOpen();

    /** Writes all bytes or throws: a short write or a write timeout is an {@link IOException}. */
    void write(byte[] data) throws IOException;

    /** Reads one byte, waiting at most {@code timeout}; returns -1 if nothing came in time. */
    int read(Duration timeout) throws IOException;

    /** Discards bytes already received (stale answers) before a status query. */
    void discardInput() throws IOException;

    /** True if the printer can answer: false means status is always "unknown". */
    boolean bidirectional();

    /**
     * Asks again, now and then, whether a link taken as one-way can answer after all (a printer that was
     * silent while starting up). Called before each status query; most links know for sure and do nothing.
     */
    default void recheck() throws IOException {
    }

    /** For logs and the health page: device path or name. */
    String describe();

    @Override
    void close();
}
