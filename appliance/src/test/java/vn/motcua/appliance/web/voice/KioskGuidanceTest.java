package vn.motcua.appliance.web.voice;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/**
 * The kiosk's spoken guidance: every kiosk screen has a script in Vietnamese (real Vietnamese text) and in English, said
 * Vietnamese first; the ticket number is read from the call's clips; the service buttons are named only where the office
 * has them; every clip is one espeak-ng makes.
 */
class KioskGuidanceTest {
    private static final Pattern VIETNAMESE_LETTER =
            Pattern.compile("[àáảãạăằắẳẵặâầấẩẫậđèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵ]",
                    Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    /** English words that in a Vietnamese sentence would mean it was not translated. */
    private static final Set<String> ENGLISH = Set.of("the", "your", "ticket", "number", "please", "touch", "screen",
            "service", "printer", "wait", "press", "voice", "guidance", "and", "or", "is", "of", "you", "staff"); // not "to": Vietnamese for big
    private static final Pattern WORD = Pattern.compile("\\p{L}+");

    /** The kiosk page's views and their variants (kiosk-voice.js, current()): each one a script. */
    @Test
    void everyKioskScreenHasItsGuidance() {
        assertEquals(List.of("start", "closed", "ticket", "ticket-on-screen", "ticket-state", "typing", "dossier"),
                java.util.Arrays.stream(KioskGuidance.values()).map(KioskGuidance::state).toList());
        for (KioskGuidance g : KioskGuidance.values()) {
            assertEquals(g, KioskGuidance.of(g.state()).orElseThrow());
        }
        assertTrue(KioskGuidance.of("../start").isEmpty());
        assertTrue(KioskGuidance.of(null).isEmpty());
    }

    @Test
    void everyScriptReadsInVietnameseWithTheEnglishBeside() {
        for (KioskGuidance g : KioskGuidance.values()) {
            for (boolean buttons : new boolean[] {false, true}) {
                String vi = g.textVi("A023", buttons);
                String en = g.textEn("A023", buttons);
                checkVietnamese(g + " vi", vi);
                checkEnglish(g + " en", en);
                assertNotEquals(vi, en);
                assertEquals(g.needsNumber(), vi.contains("A023") && en.contains("A023"), g + ": the number said in both");
            }
        }
        assertTrue(KioskGuidance.START.textVi(null, true).contains("nút dịch vụ"), "the buttons named where there are some");
        assertFalse(KioskGuidance.START.textVi(null, false).contains("nút dịch vụ"), "and not where there are none");
        assertTrue(KioskGuidance.TICKET_ON_SCREEN.textEn("A023", false).contains("take a photo"), "printer out: photograph it");
        assertTrue(KioskGuidance.CLOSED.textVi(null, false).contains("nghỉ"), "a closed day says so");
    }

    @Test
    void everySentenceClipIsVietnameseOrEnglishTextEspeakMakes() {
        int vi = 0;
        for (var e : KioskGuidance.sentenceClips().entrySet()) {
            assertTrue(VoiceWords.known(e.getKey()), e.getKey());
            assertEquals(e.getValue(), VoiceWords.text(e.getKey()));
            if (e.getKey().startsWith("vi-guide-")) {
                vi++;
                assertEquals("vi", VoiceWords.voice(e.getKey()));
                checkVietnamese(e.getKey(), e.getValue());
            } else {
                assertTrue(e.getKey().startsWith("en-guide-"), e.getKey());
                assertEquals("en", VoiceWords.voice(e.getKey()));
                checkEnglish(e.getKey(), e.getValue());
            }
            assertEquals(125, VoiceWords.speed(e.getKey()), "the guidance is spoken slower than the calls");
        }
        assertEquals(vi * 2, KioskGuidance.sentenceClips().size(), "each sentence in both languages");
        List<String> all = new java.util.ArrayList<>();
        VoiceWords.all().forEach(all::add);
        assertTrue(all.indexOf("en-please-go-to-counter") < all.indexOf("vi-guide-start-choose"),
                "a first start makes the call's words before the guidance's sentences");
        assertEquals(140, VoiceWords.speed("vi-moi-so"));
    }

    @Test
    void theTicketGuidanceIsVietnameseThenAPauseThenEnglishWithTheNumberFromTheCallsClips() {
        List<String> clips = KioskGuidance.TICKET.clips("B105", false);
        assertEquals(List.of("vi-guide-your-number", "vi-letter-b", "vi-1", "vi-0", "vi-5", "vi-guide-ticket-take",
                "vi-guide-ticket-wait", VoiceClips.PAUSE,
                "en-guide-your-number", "en-letter-b", "en-1", "en-0", "en-5", "en-guide-ticket-take", "en-guide-ticket-wait"),
                clips);
        for (KioskGuidance g : KioskGuidance.values()) {
            for (String clip : g.clips("A023", true)) {
                assertTrue(VoiceWords.known(clip), g + ": " + clip);
            }
        }
        List<String> start = KioskGuidance.START.clips(null, true);
        assertTrue(start.contains("vi-guide-start-buttons") && start.contains("en-guide-start-buttons"));
        assertFalse(KioskGuidance.START.clips(null, false).contains("vi-guide-start-buttons"));
        assertThrows(IllegalArgumentException.class, () -> KioskGuidance.TICKET.clips(null, false));
        assertThrows(IllegalArgumentException.class, () -> KioskGuidance.TICKET.clips("../x", false));
    }

    private static void checkVietnamese(String what, String text) {
        assertTrue(VIETNAMESE_LETTER.matcher(text).find(), what + ": no Vietnamese letter in '" + text + "'");
        Matcher w = WORD.matcher(text.toLowerCase(Locale.ROOT));
        while (w.find()) {
            assertFalse(ENGLISH.contains(w.group()), what + ": English word '" + w.group() + "' in '" + text + "'");
        }
    }

    private static void checkEnglish(String what, String text) {
        assertFalse(text.isBlank(), what);
        assertFalse(VIETNAMESE_LETTER.matcher(text).find(), what + ": Vietnamese letter in the English '" + text + "'");
    }
}
