package vn.motcua.appliance.store;

/**
 * One day's bookings as the manager reads them.
 *
 * @param booked    bookings the district sent for the day
 * @param checkedIn of those, checked in at the kiosk (late ones too)
 * @param onTime    checked in before the slot start or within the grace after it
 * @param noShows   not checked in by the end of their grace (a no-show checked in late later still counts here)
 */
public record BookingCounts(int booked, int checkedIn, int onTime, int noShows) {}
