package vn.motcua.appliance.uplink;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.fasterxml.jackson.databind.JsonNode;

import vn.motcua.appliance.domain.Booking;
import vn.motcua.appliance.domain.Priority;

/**
 * The district's retained bookings of one day ({@code bookings/{day}}, TOPICS.md "Bookings"): checked whole, then
 * handed to the {@link BookingReceiver}. A bad list is refused whole, counted and logged sanitised, and changes
 * nothing: the office keeps what it had for that day. An empty payload (the district cleared the retained day) keeps
 * what the office has too.
 */
public final class BookingInbox {
    private static final Logger log = LoggerFactory.getLogger(BookingInbox.class);
    /** 2,000 bookings of about 130 bytes each, with room. */
    public static final int MAX_BYTES = 512 * 1024;
    public static final int MAX_BOOKINGS = 2000;

    private final BookingReceiver receiver;
    private final String office;
    private final AtomicLong refused = new AtomicLong();
    private final AtomicLong accepted = new AtomicLong();

    public BookingInbox(BookingReceiver receiver, String office) {
        this.receiver = receiver;
        this.office = office;
    }

    /** @param daySegment the topic's last level, which must be the list's {@code day} */
    public void receive(String daySegment, byte[] payload) {
        if (payload.length == 0) {
            log.info("district cleared the retained bookings of {}; keeping what the office holds", Sanitize.forLog(daySegment, 16));
            return;
        }
        try {
            LocalDate day;
            List<Booking> list;
            JsonNode n = Json.parseObject(payload, MAX_BYTES);
            if (n.path("v").asInt(-1) != 1) {
                throw new BadMessageException("unsupported bookings schema 'v' (expected 1)");
            }
            String dayText = Json.text(n, "day", 10);
            if (!dayText.equals(daySegment)) {
                throw new BadMessageException("bookings 'day' differs from the topic's day");
            }
            day = parseDay(dayText);
            if (!office.equals(Json.text(n, "office", 64))) {
                throw new BadMessageException("bookings for another office");
            }
            list = bookings(n.get("bookings"), day);
            boolean changed = receiver.replace(day, list);
            accepted.incrementAndGet();
            log.info("bookings of {}: {} from the district{}", day, list.size(), changed ? "" : " (unchanged)");
        } catch (BadMessageException e) {
            refused.incrementAndGet();
            log.warn("refused the district's bookings of {}: {}; keeping what the office holds",
                    Sanitize.forLog(daySegment, 16), Sanitize.forLog(e.getMessage(), 200));
        } catch (Exception e) {
            refused.incrementAndGet();
            log.error("could not store the district's bookings of {}: {}", Sanitize.forLog(daySegment, 16),
                    Sanitize.forLog(e.toString(), 200));
        }
    }

    public long refusedCount() {
        return refused.get();
    }

    public long acceptedCount() {
        return accepted.get();
    }

    private List<Booking> bookings(JsonNode array, LocalDate day) {
        if (array == null || !array.isArray()) {
            throw new BadMessageException("field 'bookings' missing or not an array");
        }
        if (array.size() > MAX_BOOKINGS) {
            throw new BadMessageException("more than " + MAX_BOOKINGS + " bookings in one day");
        }
        List<Booking> out = new ArrayList<>(array.size());
        Set<String> codes = new HashSet<>();
        int i = 0;
        for (JsonNode b : array) {
            String at = "bookings[" + i++ + "]";
            if (!b.isObject()) {
                throw new BadMessageException(at + " is not an object");
            }
            String code = Json.text(b, "code", 24);
            if (!Booking.CODE.matcher(code).matches()) {
                throw new BadMessageException(at + ".code is not 4..24 of A-Z, 0-9, '-'");
            }
            if (!codes.add(code)) {
                throw new BadMessageException(at + ".code is listed twice");
            }
            String service = Json.text(b, "service", 32);
            if (!receiver.offers(service)) {
                throw new BadMessageException(at + ".service is not a service of this office");
            }
            LocalTime start = time(b, "slotStart", at);
            LocalTime end = time(b, "slotEnd", at);
            if (!end.isAfter(start)) {
                throw new BadMessageException(at + ".slotEnd is not after slotStart");
            }
            String p = Json.optText(b, "priority", 16);
            Priority priority;
            try {
                priority = p == null ? Priority.NORMAL : Priority.valueOf(p.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new BadMessageException(at + ".priority is not a known priority");
            }
            out.add(new Booking(code, day, service, day.atTime(start).atZone(receiver.zone()).toInstant(),
                    day.atTime(end).atZone(receiver.zone()).toInstant(), priority));
        }
        return out;
    }

    private static LocalDate parseDay(String text) {
        try {
            return LocalDate.parse(text);
        } catch (DateTimeException e) {
            throw new BadMessageException("bookings 'day' is not a date YYYY-MM-DD");
        }
    }

    private static LocalTime time(JsonNode b, String field, String at) {
        String t = Json.text(b, field, 5);
        try {
            if (!t.matches("\\d{2}:\\d{2}")) {
                throw new DateTimeException(t);
            }
            return LocalTime.parse(t);
        } catch (DateTimeException e) {
            throw new BadMessageException(at + "." + field + " is not a local time HH:MM");
        }
    }
}
