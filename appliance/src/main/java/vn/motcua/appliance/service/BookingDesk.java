package vn.motcua.appliance.service;

import java.time.LocalDate;
import java.util.Optional;
import java.util.regex.Matcher;

import vn.motcua.appliance.domain.Booking;
import vn.motcua.appliance.domain.CommandResult;
import vn.motcua.appliance.domain.QueueRefusedException;
import vn.motcua.appliance.domain.Refusal;
import vn.motcua.appliance.store.StoredBooking;

/**
 * A booked resident checks in at the kiosk, by scanning the booking's QR or typing its code: the code is read, the
 * refusals the engine cannot tell apart are told apart from the store (a used code is no longer open in the engine,
 * and neither is a code never booked here), and the check-in and its ticket are one command.
 *
 * <p>The booking QR is {@code MCBK1:{office}:{yyyy-mm-dd}:{code}} (TOPICS.md, "Bookings"): the office and day tell
 * another office's or another day's booking without a look-up. A typed code is the code alone.
 */
public final class BookingDesk {
    private final QueueService queue;
    private final String office;

    public BookingDesk(QueueService queue, String office) {
        this.queue = queue;
        this.office = office;
    }

    /** What a resident scanned or typed, as a booking code with what its QR says; empty if it is neither. */
    public static Optional<Shown> read(String text) {
        String s = text.strip();
        Matcher m = Booking.QR.matcher(s);
        if (m.matches()) {
            try {
                return Optional.of(new Shown(m.group("code"), m.group("office"), LocalDate.parse(m.group("day"))));
            } catch (java.time.DateTimeException e) {
                return Optional.empty();
            }
        }
        String typed = s.toUpperCase(java.util.Locale.ROOT);
        return Booking.CODE.matcher(typed).matches() ? Optional.of(new Shown(typed, null, null)) : Optional.empty();
    }

    /**
     * Checks the booking in and issues its ticket. Throws {@link QueueRefusedException} with
     * {@link Refusal#BOOKING_UNKNOWN}, {@link Refusal#BOOKING_OTHER_DAY}, {@link Refusal#BOOKING_OTHER_OFFICE} or
     * {@link Refusal#BOOKING_USED} having changed nothing; or any refusal of issuing a ticket.
     */
    public CommandResult checkIn(String scannedOrTyped) {
        Shown shown = read(scannedOrTyped)
                .orElseThrow(() -> new QueueRefusedException(Refusal.BOOKING_UNKNOWN, "not a booking code"));
        if (shown.office() != null && !shown.office().equals(office)) {
            throw new QueueRefusedException(Refusal.BOOKING_OTHER_OFFICE, "booked at another office");
        }
        if (shown.day() != null && !shown.day().equals(queue.read(e -> e.day()))) {
            throw new QueueRefusedException(Refusal.BOOKING_OTHER_DAY, "booked for " + shown.day());
        }
        try {
            return queue.execute(e -> e.checkInBooking(shown.code()));
        } catch (QueueRefusedException e) {
            if (e.reason() != Refusal.BOOKING_UNKNOWN) {
                throw e;
            }
            Optional<StoredBooking> stored = queue.storedBooking(shown.code());
            if (stored.isPresent() && stored.get().checkedIn()) {
                throw new QueueRefusedException(Refusal.BOOKING_USED, "checked in before");
            }
            if (stored.isPresent() && !stored.get().booking().day().equals(queue.read(q -> q.day()))) {
                throw new QueueRefusedException(Refusal.BOOKING_OTHER_DAY, "booked for " + stored.get().booking().day());
            }
            throw e;
        }
    }

    /** Today's open booking under a code, to show before or after a check-in. */
    public Optional<Booking> open(String code) {
        return queue.read(e -> e.openBooking(code));
    }

    /**
     * A booking code as shown: {@code office} and {@code day} from its QR, null when typed.
     */
    public record Shown(String code, String office, LocalDate day) {}
}
