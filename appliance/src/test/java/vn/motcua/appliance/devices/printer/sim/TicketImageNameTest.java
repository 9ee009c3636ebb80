package vn.motcua.appliance.devices.printer.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

/** A simulated ticket's file name comes from the day and number its QR carries, whichever QR form the office uses. */
class TicketImageNameTest {
    private static final LocalDate TODAY = LocalDate.of(2026, 12, 6);

    @Test
    void theOwnCodeAndAnOfficeUrlBothGiveDayAndNumber() {
        assertEquals("ticket-2026-12-05-A023", TicketImageName.stem("MOTCUA:VE:benthanh:2026-12-05:A023", TODAY));
        assertEquals("ticket-2026-12-05-B1005", TicketImageName.stem(
                "https://dichvucong.example.gov.vn/hang-doi?don-vi=UBND-P7&so=B1005&ngay=2026-12-05", TODAY));
    }

    @Test
    void withoutAReadableQrTheDayIsTodayAndTheTicketUnnumbered() {
        assertEquals("ticket-2026-12-06-unnumbered", TicketImageName.stem(null, TODAY));
        assertEquals("ticket-2026-12-06-A023", TicketImageName.stem("https://x.example/q?so=A023", TODAY));
    }
}
