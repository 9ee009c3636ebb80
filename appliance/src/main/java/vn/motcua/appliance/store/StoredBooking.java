package vn.motcua.appliance.store;

import vn.motcua.appliance.domain.Booking;

/**
 * A booking as the store holds it, whatever its state: what tells a used code from an unknown one.
 *
 * @param status   {@code BOOKED}, {@code CHECKED_IN} or {@code NO_SHOW}
 * @param ticketId the ticket its check-in issued, null before
 * @param outcome  the check-in's {@code early}, {@code on_time} or {@code late}, null before
 */
public record StoredBooking(Booking booking, String status, String ticketId, String outcome) {
    public boolean checkedIn() {
        return BookingRows.Status.CHECKED_IN.name().equals(status);
    }
}
