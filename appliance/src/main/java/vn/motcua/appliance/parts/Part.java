package vn.motcua.appliance.parts;

/**
 * One part of the running appliance (store, queue, scheduler, counter bus, district link, housekeeping, resident
 * devices, screens, systemd): built from the typed config in its constructor, which opens nothing; {@link #start}
 * opens its files, ports and threads; {@link #close} releases them. {@link Parts} starts them in the order
 * {@code Appliance} lists them and closes them in reverse.
 *
 * <p>{@code close} is also called on a part whose {@code start} threw, so it must release whatever a half start
 * opened and tolerate what was never opened.
 */
public interface Part extends AutoCloseable {
    /** How the part is named in the log and under {@code startup} on {@code /healthz}. */
    String name();

    void start() throws Exception;

    @Override
    void close() throws Exception;
}
