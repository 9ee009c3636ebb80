package vn.motcua.appliance.parts;

/**
 * One part of the running appliance (store, queue, scheduler, counter bus, district link, housekeeping, resident
 * devices, screens, systemd): built from the typed config in its constructor, which opens nothing; {@link #start}
 * opens its files, ports and threads; {@link #afterReady} warms what can wait; {@link #close} releases them.
 * {@link Parts} starts them in the order {@code Appliance} lists them and closes them in reverse.
 *
 * <p>{@code close} is also called on a part whose {@code start} threw, so it must release whatever a half start
 * opened and tolerate what was never opened.
 */
public interface Part extends AutoCloseable {
    /** How the part is named in the log and under {@code startup} on {@code /healthz}. */
    String name();

    void start() throws Exception;

    /**
     * Work no resident waits for at start-up (a renderer's or a hash's first run, which loads classes and fonts):
     * run once, after READY, on a thread of its own and in the parts' order ({@link Parts#afterReady}), so the
     * first {@code /display} and ticket are not held behind it (issue 20: start-up). A failure is logged; the
     * part keeps working, only its first use is slower. Nothing by default.
     */
    default void afterReady() throws Exception {
    }

    @Override
    void close() throws Exception;
}
