package vn.motcua.appliance.district;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import vn.motcua.appliance.domain.Booking;
import vn.motcua.appliance.service.QueueService;
import vn.motcua.appliance.uplink.BookingReceiver;

/** The district's bookings into the store and the engine, between two queue commands ({@link QueueService#replaceBookings}). */
final class DistrictBookings implements BookingReceiver {
    private final QueueService queue;

    DistrictBookings(QueueService queue) {
        this.queue = queue;
    }

    @Override
    public ZoneId zone() {
        return queue.layout().rules().zone();
    }

    @Override
    public boolean offers(String service) {
        return queue.layout().service(service).isPresent();
    }

    @Override
    public boolean replace(LocalDate day, List<Booking> bookings) throws Exception {
        return queue.replaceBookings(day, bookings);
    }
}
