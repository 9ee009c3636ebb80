package vn.motcua.appliance.web.pages;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import vn.motcua.appliance.devices.printer.PrintOutcome;
import vn.motcua.appliance.devices.printer.PrinterFault;
import vn.motcua.appliance.devices.printer.PrinterStatus;

/** The kiosk promises paper only as far as the printer told us, in both languages. */
class PrintAnswerTest {
    static final Instant AT = Instant.parse("2026-11-22T02:00:00Z");

    @Test
    void aTicketThePrinterConfirmedIsToBeTakenBelow() {
        Map<String, Object> a = PrintAnswer.of(new PrintOutcome(true, true, PrinterStatus.observed(Set.of(), AT, "ok")));
        assertEquals("printed", a.get("state"));
        assertEquals(true, a.get("printed"));
        assertEquals("Vui lòng nhận phiếu bên dưới.", a.get("message_vi"));
        assertEquals("Please take your ticket below.", a.get("message_en"));
    }

    @Test
    void aTicketRefusedBecauseThePrinterIsBusyBlamesNoFaultAndAsksToKeepTheNumber() {
        Map<String, Object> a = PrintAnswer.of(PrintOutcome.queueFull(PrinterStatus.observed(Set.of(), AT, "ok")));
        assertEquals("busy", a.get("state"));
        assertEquals(false, a.get("printed"));
        assertEquals(List.of(), a.get("faults"));
        assertTrue(((String) a.get("message_vi")).startsWith("Máy in đang bận"));
        assertTrue(((String) a.get("message_vi")).contains("chụp ảnh mã QR"));
        assertTrue(((String) a.get("message_en")).contains("your ticket was not printed"));
    }

    @Test
    void aOneWayPrinterCannotConfirmSoTheResidentIsToldWhatToDoIfNothingComesOut() {
        Map<String, Object> a = PrintAnswer.of(new PrintOutcome(true, true, PrinterStatus.unknown(AT, "one-way link")));
        assertEquals("sent", a.get("state"));
        assertEquals(false, a.get("printed"), "not confirmed");
        assertTrue(((String) a.get("message_vi")).startsWith("Vui lòng nhận phiếu bên dưới. Nếu không thấy phiếu,"));
        assertTrue(((String) a.get("message_en")).contains("If no ticket comes out, please note your number"));
        assertTrue(((String) a.get("message_vi")).contains("mã QR"), "QR keeps its capitals mid-sentence");
    }

    @Test
    void aFaultBeforeSendingSaysNoTicketAFaultAfterSaysItMayBeIncomplete() {
        PrinterStatus paperEnd = PrinterStatus.observed(Set.of(PrinterFault.PAPER_END), AT, "paper end");
        Map<String, Object> before = PrintAnswer.of(PrintOutcome.notSent(paperEnd));
        assertEquals("fault", before.get("state"));
        assertEquals(List.of("PAPER_END"), before.get("faults"));
        assertTrue(((String) before.get("message_vi")).startsWith("Máy in hết giấy: phiếu chưa được in."));
        assertTrue(((String) before.get("message_en")).startsWith("The printer is out of paper: no ticket was printed."));

        Map<String, Object> after = PrintAnswer.of(new PrintOutcome(false, true, paperEnd)); // ran out on this ticket
        assertTrue(((String) after.get("message_vi")).startsWith("Máy in hết giấy: phiếu có thể chưa được in đầy đủ."));
        assertTrue(((String) after.get("message_en")).startsWith("The printer is out of paper: your ticket may be incomplete."));
        assertFalse(((String) after.get("message_en")).contains("no ticket was printed"));

        Map<String, Object> cut = PrintAnswer.of(new PrintOutcome(false, true,
                PrinterStatus.fault(PrinterFault.WRITE_FAILED, AT, "write timed out")));
        assertTrue(((String) cut.get("message_en")).startsWith("The printer failed while printing: your ticket may be incomplete."));
    }
}
