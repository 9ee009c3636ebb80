package vn.motcua.appliance.devices.printer;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class TicketSlipTest {
    static TicketSlip slip(String office, String number, int ahead, Duration wait) {
        return new TicketSlip(office, "Dịch vụ", "Service", number, "", ahead, wait, Instant.EPOCH, "");
    }

    @Test
    void badFieldsAreRefusedWithTheirName() {
        var e = assertThrows(IllegalArgumentException.class, () -> slip("x".repeat(121), "A1", 0, Duration.ZERO));
        assertTrue(e.getMessage().contains("officeName"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> slip("UBND\u001b@", "A1", 0, Duration.ZERO));
        assertTrue(e.getMessage().contains("control"), e.getMessage()); // no ESC/POS injection through a name
        assertThrows(IllegalArgumentException.class, () -> slip("UBND", " ", 0, Duration.ZERO));
        assertThrows(IllegalArgumentException.class, () -> slip("UBND", "A123456789", 0, Duration.ZERO));
        assertThrows(IllegalArgumentException.class, () -> slip("UBND", "A1", -1, Duration.ZERO));
        assertThrows(IllegalArgumentException.class, () -> slip("UBND", "A1", 0, Duration.ofMinutes(-1)));
    }
}
