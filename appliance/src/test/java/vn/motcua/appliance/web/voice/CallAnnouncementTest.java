package vn.motcua.appliance.web.voice;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;

import org.junit.jupiter.api.Test;

/** How a call is spoken: Vietnamese number words, then English, in order. */
class CallAnnouncementTest {
    @Test
    void counterNumbersAreReadTheWayVietnameseSpeakersSayThem() {
        assertEquals("năm", VietnameseNumbers.counterWords(5));
        assertEquals("mười", VietnameseNumbers.counterWords(10));
        assertEquals("mười một", VietnameseNumbers.counterWords(11));
        assertEquals("mười lăm", VietnameseNumbers.counterWords(15));
        assertEquals("hai mươi", VietnameseNumbers.counterWords(20));
        assertEquals("hai mươi mốt", VietnameseNumbers.counterWords(21));
        assertEquals("hai mươi tư", VietnameseNumbers.counterWords(24));
        assertEquals("hai mươi lăm", VietnameseNumbers.counterWords(25));
        assertEquals("chín mươi chín", VietnameseNumbers.counterWords(99));
        assertThrows(IllegalArgumentException.class, () -> VietnameseNumbers.counter(0));
    }

    @Test
    void aCallIsAChimeThenVietnameseThenEnglishWithTheTicketReadDigitByDigit() {
        assertEquals(List.of("chime", "vi-moi-so", "vi-letter-a", "vi-0", "vi-2", "vi-3", "vi-den-quay-so", "vi-5",
                "en-number", "en-letter-a", "en-0", "en-2", "en-3", "en-please-go-to-counter", "en-5"),
                CallAnnouncement.clips("A023", 5));
        List<String> b100 = CallAnnouncement.clips("B100", 21);
        assertEquals(List.of("vi-den-quay-so", "vi-2", "vi-muoi-huyen", "vi-mot-sac"), b100.subList(6, 10));
        assertEquals(List.of("en-please-go-to-counter", "en-20", "en-1"), b100.subList(b100.size() - 3, b100.size()));
        assertEquals("Number A023, please go to counter 5", CallAnnouncement.textEn("A023", 5));
        assertThrows(IllegalArgumentException.class, () -> CallAnnouncement.clips("a023", 5));
        assertThrows(IllegalArgumentException.class, () -> CallAnnouncement.clips("A023", 100));
        CallAnnouncement.clips("Z9999", 99).forEach(c -> assertEquals(true, VoiceWords.known(c), c));
    }

    /** [voice] languages = "vi": the call stops after the Vietnamese counter number. */
    @Test
    void aVietnameseOnlyOfficeHearsTheVietnameseHalfAlone() {
        assertEquals(List.of("chime", "vi-moi-so", "vi-letter-a", "vi-0", "vi-2", "vi-3", "vi-den-quay-so", "vi-5"),
                CallAnnouncement.clips("A023", 5, CallLanguages.VIETNAMESE));
        assertEquals(CallAnnouncement.clips("A023", 5), CallAnnouncement.clips("A023", 5, CallLanguages.VIETNAMESE_THEN_ENGLISH));
    }
}
