package vn.motcua.appliance.uplink;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import vn.motcua.appliance.domain.Booking;
import vn.motcua.appliance.domain.Priority;

/** The district's bookings of a day: a good list reaches the office; each kind of bad one is refused whole, counted, and changes nothing. */
class BookingInboxTest {
    private final List<List<Booking>> received = new ArrayList<>();
    private final BookingInbox inbox = new BookingInbox(new BookingReceiver() {
        @Override public ZoneId zone() { return ZoneId.of("Asia/Ho_Chi_Minh"); }
        @Override public boolean offers(String service) { return service.equals("ho-tich"); }
        @Override public boolean replace(LocalDate day, List<Booking> bookings) {
            received.add(bookings);
            return true;
        }
    }, "benthanh");

    private static final String GOOD = """
            {"v":1,"office":"benthanh","day":"2026-11-23","bookings":[
             {"code":"BK-0900","service":"ho-tich","slotStart":"09:00","slotEnd":"09:15"},
             {"code":"BK-0915","service":"ho-tich","slotStart":"09:15","slotEnd":"09:30","priority":"ELDERLY"}]}""";

    private void receive(String day, String json) {
        inbox.receive(day, json.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void aGoodListArrivesWithSlotsInTheOfficesZone() {
        receive("2026-11-23", GOOD);
        assertEquals(1, received.size());
        Booking b = received.getFirst().get(1);
        assertEquals(Instant.parse("2026-11-23T02:15:00Z"), b.slotStart(), "09:15 in Hồ Chí Minh City");
        assertEquals(Priority.ELDERLY, b.priority());
        assertEquals(0, inbox.refusedCount());
    }

    @Test
    void everyKindOfBadListIsRefusedWholeAndCounted() {
        String[][] bad = {
                {"2026-11-24", GOOD}, // another day's topic
                {"2026-11-23", GOOD.replace("\"v\":1", "\"v\":2")},
                {"2026-11-23", GOOD.replace("benthanh", "tandinh")},
                {"2026-11-23", GOOD.replace("BK-0915", "BK-0900")}, // listed twice
                {"2026-11-23", GOOD.replace("BK-0915", "bk 0915")},
                {"2026-11-23", GOOD.replace("\"service\":\"ho-tich\",\"slotStart\":\"09:15\"", "\"service\":\"dat-dai\",\"slotStart\":\"09:15\"")},
                {"2026-11-23", GOOD.replace("\"09:30\"", "\"09:10\"")}, // ends before it starts
                {"2026-11-23", GOOD.replace("\"09:30\"", "\"9.30\"")},
                {"2026-11-23", GOOD.replace("ELDERLY", "ROYALTY")},
                {"2026-11-23", "{\"v\":1,\"office\":\"benthanh\",\"day\":\"2026-11-23\"}"},
                {"2026-11-23", "not json"},
                {"2026-11-23", GOOD.replace("09:00", "09:00\u0000")},
        };
        for (String[] b : bad) {
            receive(b[0], b[1]);
        }
        assertTrue(received.isEmpty(), "nothing reached the office");
        assertEquals(bad.length, inbox.refusedCount());
        inbox.receive("2026-11-23", new byte[0]); // the district cleared the day: the office keeps what it has
        assertTrue(received.isEmpty());
    }
}
