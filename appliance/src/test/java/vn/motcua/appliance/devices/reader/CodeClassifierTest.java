package vn.motcua.appliance.devices.reader;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

class CodeClassifierTest {
    final CodeClassifier c = Scans.classifier();

    /** Issue 19: a booking's QR is a check-in, never a dossier look-up, whatever the dossier pattern would take. */
    @Test
    void aBookingQrIsABookingAndABrokenOneIsNot() {
        assertEquals(new ScanResult.Booking("MCBK1:benthanh:2026-11-23:BK-7Q2M9X"),
                c.classify(" MCBK1:benthanh:2026-11-23:BK-7Q2M9X\r\n"));
        assertFalse(c.classify("MCBK1:benthanh:2026-11-23:bk lower") instanceof ScanResult.Booking);
        assertFalse(c.classify("MCBK2:benthanh:2026-11-23:BK-7Q2M9X") instanceof ScanResult.Booking);
    }

    @Test
    void anElderlyResidentsCardBecomesAKeyAndAnAgeNeverTheId() {
        var r = assertInstanceOf(ScanResult.CitizenId.class, c.classify(Scans.CCCD7));
        assertEquals(1950, r.birthYear());
        assertEquals(76, r.age());
        assertTrue(r.priority());
        assertEquals(22, r.residentKey().length());
        assertFalse(r.toString().contains(Scans.ID));
        assertFalse(r.toString().contains("Nguyễn"));
    }

    @Test
    void theSameCardGivesTheSameKeyAndAnotherOfficeKeyGivesAnother() {
        var a = (ScanResult.CitizenId) c.classify(Scans.CCCD7);
        var b = (ScanResult.CitizenId) c.classify(Scans.CCCD7);
        assertEquals(a.residentKey(), b.residentKey());
        var other = new CodeClassifier(ReaderSettings.defaults("another-office-secret-0123456789abcdefgh".getBytes()),
                Scans.CLOCK, java.time.ZoneOffset.UTC);
        assertNotEquals(a.residentKey(), ((ScanResult.CitizenId) other.classify(Scans.CCCD7)).residentKey());
    }

    @Test
    void sixFieldCardsWithoutTheOldIdAreAccepted() {
        var r = assertInstanceOf(ScanResult.CitizenId.class, c.classify(Scans.CCCD6));
        assertEquals(1990, r.birthYear());
        assertFalse(r.priority());
    }

    static Stream<Arguments> table() {
        String id = Scans.ID;
        return Stream.of(
                Arguments.of(Scans.DOSSIER, "Dossier"),
                Arguments.of("  " + Scans.DOSSIER + " ", "Dossier"),
                Arguments.of("000.00.15.H29-241122-001", "NOT_RECOGNISED"),
                Arguments.of(Scans.TICKET_URL, "Ticket"),
                // the phone page's link (issue 19): a ticket, whatever the office's ticket pattern
                Arguments.of("https://192.168.1.10:8443/t/2026-12-07/A023/Yx3kq0Jt9cVbN2mWz8LpQa", "Ticket"),
                Arguments.of("https://192.168.1.10:8443/t/2026-12-07/A023/short", "NOT_RECOGNISED"),
                Arguments.of("https://192.168.1.10:8443/t/2026-12-07/A023/Yx3kq0Jt9cVbN2mWz8LpQa/../x", "NOT_RECOGNISED"),
                Arguments.of("https://evil.example/?so=A023 <script>", "NOT_RECOGNISED"),
                Arguments.of("", "EMPTY"),
                Arguments.of("hello world", "NOT_RECOGNISED"),
                Arguments.of("ABC\u0007DEF", "CONTROL_CHARACTERS"),
                Arguments.of("ABC\u200EDEF", "CONTROL_CHARACTERS"),
                Arguments.of(Scans.DOSSIER + "\u0000", "CONTROL_CHARACTERS"),
                // malformed CCCD: every one refused, none guessed at
                Arguments.of(id + "|Nguyễn Văn A|01011980|Nam|Hà Nội", "MALFORMED_CITIZEN_ID"),                       // 5 fields
                Arguments.of(Scans.CCCD7 + "|x", "MALFORMED_CITIZEN_ID"),                                              // 8 fields
                Arguments.of("07920300123|Nguyễn Văn A|01011980|Nam|Hà Nội|01012021", "MALFORMED_CITIZEN_ID"),          // 11 digits
                Arguments.of("07920300123X|Nguyễn Văn A|01011980|Nam|Hà Nội|01012021", "MALFORMED_CITIZEN_ID"),         // letter
                Arguments.of(id + "|Nguyễn Văn A|31021980|Nam|Hà Nội|01012021", "MALFORMED_CITIZEN_ID"),                // 31 Feb
                Arguments.of(id + "|Nguyễn Văn A|01012030|Nam|Hà Nội|01012021", "MALFORMED_CITIZEN_ID"),                // born in future
                Arguments.of(id + "|Nguyễn Văn A|01011980|Nam|Hà Nội|01011970", "MALFORMED_CITIZEN_ID"),                // issued before birth
                Arguments.of(id + "|Nguyễn Văn A|01011980|X|Hà Nội|01012021", "MALFORMED_CITIZEN_ID"),                  // gender
                Arguments.of(id + "| |01011980|Nam|Hà Nội|01012021", "MALFORMED_CITIZEN_ID"),                           // blank name
                Arguments.of(id + "|12345678|Nguyễn Văn A|01011980|Nam|Hà Nội|01012021", "MALFORMED_CITIZEN_ID"),       // old id 8 digits
                Arguments.of(id + "|Nguyễn <b>A|01011980|Nam|Hà Nội|01012021", "MALFORMED_CITIZEN_ID"),                // markup in name
                Arguments.of("||||||", "MALFORMED_CITIZEN_ID"),
                Arguments.of("|", "MALFORMED_CITIZEN_ID"));
    }

    @ParameterizedTest
    @MethodSource("table")
    void eachCodeIsRecognisedOrRefusedCleanly(String text, String expected) {
        ScanResult r = c.classify(text);
        String got = r instanceof ScanResult.Rejected x ? x.reason().name() : r.getClass().getSimpleName();
        assertEquals(expected, got, () -> "for " + LogSafe.preview(text));
        if (r instanceof ScanResult.Rejected x) {
            assertFalse(x.preview().contains(Scans.ID.substring(0, 6)), x.preview());
        }
    }

    @Test
    void previewsMaskNumbersControlsAndWithholdCardText() {
        // letters are masked too (issue 21): only the shape, and the first and last character, are kept
        assertEquals("caaa ########## aaw", LogSafe.preview("call 0912345678 now"));
        assertEquals("Naaaaa Aaa An", LogSafe.preview("Nguyen Van An"));
        assertEquals("Naaa*a A*a An", LogSafe.preview("Nguyễn Văn An"));
        // an ID number in groups is still an ID number: no digit of it is kept
        assertEquals("### ### ### ###", LogSafe.preview("079 203 001 234"));
        assertEquals("###.###.###.###", LogSafe.preview("079.203.001.234"));
        assertEquals("##.##.A##-######-###x", LogSafe.preview("00.15.H29-241122-001x"));
        assertEquals("a?b", LogSafe.preview("a\u0001b"));
        assertEquals("x" + "a".repeat(LogSafe.MAX - 1) + "...x (100 chars)", LogSafe.preview("x".repeat(100)));
        assertTrue(LogSafe.preview(Scans.CCCD7).contains("withheld"));
        assertFalse(LogSafe.preview(Scans.CCCD7).contains("Nguy"));
    }

    @Test
    void everyRejectionHasABilingualMessageThatEchoesNothing() {
        for (ScanResult.Reason r : ScanResult.Reason.values()) {
            var m = ResidentMessage.forRejection(r);
            assertFalse(m.vi().isBlank() || m.en().isBlank(), r.name());
        }
    }
}
