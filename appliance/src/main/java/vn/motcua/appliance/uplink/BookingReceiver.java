package vn.motcua.appliance.uplink;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import vn.motcua.appliance.domain.Booking;

/**
 * Port the appliance implements (service + store): takes the district's bookings of one day, already checked whole by
 * {@link BookingInbox}, and keeps them durably.
 */
public interface BookingReceiver {
    /** The office's zone: slot times are local times of the day there. */
    ZoneId zone();

    /** Whether the office offers this service (a booking for another service is refused with the whole list). */
    boolean offers(String service);

    /** Replaces the day's bookings not yet checked in with {@code bookings}; returns whether anything changed. */
    boolean replace(LocalDate day, List<Booking> bookings) throws Exception;
}
