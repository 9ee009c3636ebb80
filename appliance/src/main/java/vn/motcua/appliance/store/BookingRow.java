package vn.motcua.appliance.store;

import java.time.Instant;

import vn.motcua.appliance.domain.Booking;

/**
 * One stored booking whole, as the journal's base record carries it ({@link CommitRecord#bookings()}).
 *
 * @param status      {@code BOOKED}, {@code CHECKED_IN} or {@code NO_SHOW}
 * @param ticketId    the ticket its check-in issued, or null
 * @param outcome     {@code early}, {@code on_time}, {@code late}, or null before a check-in
 * @param checkedInAt when it was checked in, or null
 * @param noShowAt    when it was reported as a no-show, or null
 */
record BookingRow(Booking booking, String status, String ticketId, String outcome, Instant checkedInAt, Instant noShowAt) {}
