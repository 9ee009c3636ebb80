package vn.motcua.appliance.service;

/**
 * One event a command committed, as its listeners see it: its place in the appliance's event sequence and its type
 * (e.g. {@code ticket.called}, {@code day.summary}). The event itself is in the {@code CommandResult}; the stored row
 * (payload, ids, clocks) stays the store's.
 *
 * @param seq  the per-device sequence number the event was stored with
 * @param type the event type, as the district receives it
 */
public record CommittedEvent(long seq, String type) {
}
