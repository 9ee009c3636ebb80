package vn.motcua.appliance.devices;

/**
 * The last keypad press of one counter board that a committed command came from: the board's boot epoch and the
 * press's sequence number in it (the bus's {@code BoardEventId}). Committed in the same transaction and journal
 * record as the command, so after any stop the appliance knows exactly which presses it has applied.
 *
 * @param address board address 1..32
 * @param epoch   board boot epoch 1..65535
 * @param seq     press sequence number 0..255
 */
public record KeypadCursor(int address, int epoch, int seq) {
    public KeypadCursor {
        if (address < 1 || address > 32 || epoch < 1 || epoch > 0xFFFF || seq < 0 || seq > 0xFF) {
            throw new IllegalArgumentException("keypad cursor out of range: board " + address + ", epoch " + epoch
                    + ", seq " + seq);
        }
    }
}
