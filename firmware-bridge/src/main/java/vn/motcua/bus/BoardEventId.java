package vn.motcua.bus;

/**
 * Where a key event stands in its board's numbering: the board's boot epoch and the event's
 * sequence number in that epoch. An appliance that stores the last id per board in the same
 * transaction as the command the key caused, and hands it back through
 * {@code BusMaster.resumeAfter} before {@code start()}, gets exactly-once delivery across its own
 * restarts too (see counter-bus.md §5, "Appliance restart").
 *
 * @param epoch board boot epoch 1..65535
 * @param seq   event sequence number 0..255 within the epoch
 */
public record BoardEventId(int epoch, int seq) {

    public BoardEventId {
        if (epoch < 1 || epoch > 0xFFFF || seq < 0 || seq > 0xFF) {
            throw new IllegalArgumentException("board event id out of range: epoch " + epoch + ", seq " + seq);
        }
    }
}
