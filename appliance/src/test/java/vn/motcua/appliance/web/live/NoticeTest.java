package vn.motcua.appliance.web.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** The display's announcement line: refused when typed badly, fitted when it comes from the district. */
class NoticeTest {
    @Test
    void aTypedNoticeWithControlCharactersOrTooLongIsRefused() {
        assertEquals("Nghỉ trưa", Notice.of("  Nghỉ trưa ", "Lunch").vi());
        assertThrows(IllegalArgumentException.class, () -> Notice.of("a\u0000b", "x"));
        assertThrows(IllegalArgumentException.class, () -> Notice.of("x".repeat(301), "x"));
    }

    @Test
    void aDistrictMessageIsFittedRatherThanRefused() {
        Notice n = Notice.lenient("Tạm ngừng\nnhận hồ sơ\u202e", "y".repeat(400));
        assertEquals("Tạm ngừng nhận hồ sơ", n.vi());
        assertEquals(Notice.MAX_CHARS, n.en().length());
        assertEquals("", Notice.lenient(null, null).en());
    }
}
