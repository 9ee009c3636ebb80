package vn.motcua.bus;

import java.util.Map;

/** The counter LED boards and their keypads, as the appliance sees them. See package doc. */
public interface CounterBus extends AutoCloseable {

    /** Opens the port (or keeps retrying in the background) and starts polling. */
    void start();

    /**
     * Shows a ticket on a board; the board keeps it across our restarts and gets it again
     * after its own.
     *
     * @param address       configured board address 1..32
     * @param ticketNumber  up to 4 renderable characters, e.g. "A023" ({@code SevenSegment.canRender})
     * @param counterNumber the counter's number 0..99, shown on the 2 small digits
     * @param blink         blink the ticket digits (a fresh call)
     * @throws IllegalArgumentException for an unknown address or a number the board cannot show
     */
    void show(int address, String ticketNumber, int counterNumber, boolean blink);

    /** Blanks a board. */
    void clear(int address);

    void addListener(CounterBusListener listener);

    /**
     * Before {@link #start()}: the last press of a board the appliance had committed, so the board sending it
     * again (its ack was lost when the appliance stopped) does not deliver it twice. A bus without keypads
     * ignores it.
     */
    default void resumeAfter(int address, BoardEventId lastHandled) {
    }

    /**
     * Before {@link #start()}: ack a press to its board only once {@link #handled} says it was committed, so a
     * press is never lost to an appliance stop between delivery and commit. A bus without keypads ignores it.
     */
    default void ackWhenHandled() {
    }

    /** With {@link #ackWhenHandled()}: what the press {@code id} caused is committed (or was refused). */
    default void handled(int address, BoardEventId id) {
    }

    /** Online/offline and reason for every configured address. */
    Map<Integer, BoardStatus> boards();

    /** Stops the I/O thread and closes the port. */
    @Override
    void close();
}
