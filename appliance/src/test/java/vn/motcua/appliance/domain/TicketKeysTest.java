package vn.motcua.appliance.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Test;

/** The phone page's per-ticket key and short code, and what the ticket's QR holds with the page on. */
class TicketKeysTest {
    private static final byte[] SECRET = "an-office-secret-of-32-bytes-at-least!".getBytes(StandardCharsets.US_ASCII);
    private static final LocalDate DAY = LocalDate.of(2026, 12, 7);
    private static final ZoneId ZONE = ZoneId.of("Asia/Ho_Chi_Minh");
    private final TicketKeys keys = new TicketKeys(SECRET, "phuong-7");

    @Test
    void theKeyIsAPureFunctionOfOfficeDayAndNumber() {
        String k = keys.key(DAY, "A023");
        assertEquals(TicketKeys.KEY_LENGTH, k.length());
        assertTrue(k.matches("[A-Za-z0-9_-]{22}"), k);
        assertEquals(k, new TicketKeys(SECRET, "phuong-7").key(DAY, "A023"), "a restart gives the same key");
        assertNotEquals(k, keys.key(DAY, "A024"));
        assertNotEquals(k, keys.key(DAY.plusDays(1), "A023"), "tomorrow's A023 is another ticket");
        assertNotEquals(k, new TicketKeys(SECRET, "phuong-8").key(DAY, "A023"), "another office's A023");
        byte[] other = SECRET.clone();
        other[0] ^= 1;
        assertNotEquals(k, new TicketKeys(other, "phuong-7").key(DAY, "A023"), "another secret");
    }

    @Test
    void aKeyMatchesOnlyItsOwnTicket() {
        String k = keys.key(DAY, "A023");
        assertTrue(keys.keyMatches(DAY, "A023", k));
        assertFalse(keys.keyMatches(DAY, "A024", k));
        assertFalse(keys.keyMatches(DAY.minusDays(1), "A023", k));
        char last = k.charAt(21);
        assertFalse(keys.keyMatches(DAY, "A023", k.substring(0, 21) + (last == 'A' ? 'B' : 'A')), "one character off");
        assertFalse(keys.keyMatches(DAY, "A023", k.substring(0, 21)), "a shorter key");
    }

    @Test
    void theShortCodeIsSixReadableCharactersAndSpreadsOverTheAlphabet() {
        Set<String> codes = new HashSet<>();
        Set<Character> seen = new HashSet<>();
        for (int n = 1; n <= 999; n++) {
            String number = String.format("A%03d", n);
            String c = keys.shortCode(DAY, number);
            assertEquals(TicketKeys.SHORT_CODE_LENGTH, c.length());
            assertTrue(c.chars().allMatch(ch -> TicketKeys.ALPHABET.indexOf(ch) >= 0), c);
            assertFalse(c.matches(".*[01OIL].*"), "no ambiguous characters: " + c);
            codes.add(c);
            c.chars().forEach(ch -> seen.add((char) ch));
        }
        assertTrue(codes.size() >= 998, "a day's codes are distinct but for chance: " + codes.size());
        assertEquals(TicketKeys.ALPHABET.length(), seen.size(), "every character of the alphabet is used");
    }

    @Test
    void aTypedCodeIsReadWhateverItsCaseAndSeparators() {
        String c = keys.shortCode(DAY, "B105");
        String printed = TicketKeys.printed(c);
        assertEquals(c.substring(0, 3) + "-" + c.substring(3), printed);
        assertTrue(keys.shortCodeMatches(DAY, "B105", printed));
        assertTrue(keys.shortCodeMatches(DAY, "B105", " " + printed.toLowerCase() + " "));
        assertTrue(keys.shortCodeMatches(DAY, "B105", c.substring(0, 3) + " " + c.substring(3)));
        assertFalse(keys.shortCodeMatches(DAY, "B106", printed), "the code of another number");
        assertFalse(keys.shortCodeMatches(DAY.plusDays(1), "B105", printed), "the code of another day");
        assertFalse(keys.shortCodeMatches(DAY, "B105", ""));
    }

    @Test
    void aShortSecretIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new TicketKeys(new byte[31], "phuong-7"));
    }

    @Test
    void withThePhonePageOnTheQrOpensTheTicketsPage() {
        PhoneLink link = new PhoneLink("https://192.168.1.10:8443", keys);
        TicketQr qr = new TicketQr(QrUrlTemplate.parse("https://portal.example/hang-doi?so={ticket}&ngay={date}"),
                "phuong-7", ZONE, Optional.of(link));
        String text = qr.text("A023", DAY);
        assertEquals("https://192.168.1.10:8443/t/2026-12-07/A023/" + keys.key(DAY, "A023"), text,
                "a portal URL without {key} would let anyone walk the numbers: the phone page wins");
        var m = PhoneLink.CODE.matcher(text);
        assertTrue(m.matches());
        assertEquals("A023", m.group("ticket"));
        assertEquals(Optional.of(TicketKeys.printed(keys.shortCode(DAY, "A023"))),
                qr.shortCode("A023", DAY.atTime(9, 0).atZone(ZONE).toInstant()));
        assertEquals(Optional.of("https://192.168.1.10:8443/t"), qr.phoneEntry(), "where the paper says to type the code");
    }

    @Test
    void aPortalUrlCarryingTheKeyIsTheQrAndTheKeyIsTheSame() {
        PhoneLink link = new PhoneLink("https://192.168.1.10:8443", keys);
        TicketQr qr = new TicketQr(QrUrlTemplate.parse("https://portal.example/hang-doi?so={ticket}&ngay={date}&ma={key}"),
                "phuong-7", ZONE, Optional.of(link));
        assertEquals("https://portal.example/hang-doi?so=A023&ngay=2026-12-07&ma=" + keys.key(DAY, "A023"),
                qr.text("A023", DAY));
    }

    @Test
    void withThePageOffNothingChangesAndKeyInTheTemplateIsRefused() {
        TicketQr qr = new TicketQr(QrUrlTemplate.parse(""), "phuong-7", ZONE);
        assertEquals("MOTCUA:VE:phuong-7:2026-12-07:A023", qr.text("A023", DAY));
        assertEquals(Optional.empty(), qr.shortCode("A023", DAY.atStartOfDay(ZONE).toInstant()));
        assertEquals(Optional.empty(), qr.phoneEntry());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new TicketQr(
                QrUrlTemplate.parse("https://portal.example/?so={ticket}&ngay={date}&ma={key}"), "phuong-7", ZONE));
        assertTrue(e.getMessage().contains("{key}"), e.getMessage());
    }

    @Test
    void theBaseUrlIsHttpsWithoutAFinalSlash() {
        assertThrows(IllegalArgumentException.class, () -> new PhoneLink("http://192.168.1.10:8443", keys));
        assertThrows(IllegalArgumentException.class, () -> new PhoneLink("https://192.168.1.10:8443/", keys));
    }
}
