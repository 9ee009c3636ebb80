package vn.motcua.bus;

/**
 * Receives what happens on the bus. Called on the bus's I/O thread: hand the work to the
 * appliance's own executor and return quickly; an exception is logged and does not stop the bus
 * (the press still counts as delivered).
 */
public interface CounterBusListener {

    /** Exactly once per physical press (never lost, never doubled; see counter-bus.md §5). */
    void onKey(int address, KeyEvent event);

    /**
     * The same press with its board event id, for an appliance that persists the last id per
     * board to stay exactly-once across its own restarts. The bus calls this one; by default it
     * forwards to {@link #onKey(int, KeyEvent)}.
     */
    default void onKey(int address, KeyEvent event, BoardEventId id) {
        onKey(address, event);
    }

    /** ONLINE / OFFLINE(reason) changes, and each reboot (reason {@code "rebooted"}). */
    void onBoardStatus(int address, BoardStatus status);
}
