package vn.motcua.appliance.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import vn.motcua.appliance.domain.Refusal;

/**
 * Issue 19 item 4: every error answer a resident or clerk can see reads in Vietnamese. Walks every entry of
 * {@link ErrorCatalogue} and checks the catalogue is the whole set: no other main source builds an answer or names a
 * code it does not hold.
 */
class ErrorCatalogueTest {
    private static final Pattern VIETNAMESE_LETTER =
            Pattern.compile("[àáảãạăằắẳẵặâầấẩẫậđèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵ]",
                    Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    /** English words that, in a Vietnamese text, mean it was not translated (JSON, KB, CMND, /healthz are names). */
    private static final Set<String> ENGLISH = Set.of("request", "body", "bytes", "ticket", "unknown", "counter", "error",
            "field", "invalid", "please", "the", "not", "no", "use", "send", "server", "service", "staff", "manager",
            "login", "password", "account", "session", "endpoint", "method", "storage", "printer", "screen", "too",
            "try", "again", "found", "allowed", "failed", "busy", "closed", "open", "full", "only", "must", "and", "or");
    private static final Pattern WORD = Pattern.compile("\\p{L}+");
    /** A part with neither Vietnamese letters nor words: a text may not borrow its Vietnamese from the part. */
    private static final Object PART = new ErrorCatalogue.Both("X1", "X1");

    @Test
    void everyEntryReadsInVietnameseWithEnglishBeside() {
        for (ErrorCatalogue e : ErrorCatalogue.values()) {
            checkTexts(e.name(), e.vi(parts(e)), e.en(parts(e)));
        }
    }

    @Test
    void whatJettyAnswersItselfReadsInVietnameseForEveryStatus() {
        for (int status = 400; status < 600; status++) {
            HttpError e = ErrorCatalogue.forStatus(status, 16384);
            assertEquals(status, e.status, e.code);
            checkTexts(e.code, e.messageVi, e.getMessage());
            assertTrue(e.code.startsWith("HTTP_") || ErrorCatalogue.valueOf(e.code).status() == status, e.code);
        }
        assertEquals("HTTP_418", ErrorCatalogue.forStatus(418, 1).code);
    }

    @Test
    void variablePartsAreFilledInBothLanguages() {
        HttpError big = ErrorCatalogue.BODY_TOO_LARGE.error(ErrorCatalogue.size(16384));
        assertEquals("Yêu cầu quá lớn (tối đa 16 KB).", big.messageVi);
        assertEquals("Request body too large (16 KB at most).", big.getMessage());
        assertEquals("Request body too large (1000 bytes at most).", ErrorCatalogue.BODY_TOO_LARGE.en(ErrorCatalogue.size(1000)));
        assertEquals("Yêu cầu quá lớn (tối đa 1000 byte).", ErrorCatalogue.BODY_TOO_LARGE.vi(ErrorCatalogue.size(1000)));
        assertEquals("Thiếu thông tin bắt buộc “service”.", ErrorCatalogue.MISSING_FIELD.vi("service"));
        HttpError full = ErrorCatalogue.STORE_FULL.error(ErrorCatalogue.NEW_TICKETS_PAUSED);
        assertEquals("Bộ nhớ của máy đã đầy: tạm ngừng cấp số mới. Vui lòng báo nhân viên.", full.messageVi);
        assertEquals("The appliance's storage is full: new tickets are paused. Please tell the staff.", full.getMessage());
        checkTexts("STORE_FULL", ErrorCatalogue.STORE_FULL.vi(ErrorCatalogue.ACTION_NOT_SAVED),
                ErrorCatalogue.STORE_FULL.en(ErrorCatalogue.ACTION_NOT_SAVED));
        try {
            ErrorCatalogue.MISSING_FIELD.vi();
            throw new AssertionError("a text with a part left empty was made");
        } catch (IllegalArgumentException expected) {
            // a forgotten part is a programming error, never a text with "%s" in it
        }
    }

    @Test
    void theLastResortAnswerIsValidJsonOfInternal() throws IOException {
        var n = vn.motcua.appliance.json.JsonMappers.network().readTree(ErrorCatalogue.lastResortJson());
        assertEquals("INTERNAL", n.get("error").asText());
        assertEquals(ErrorCatalogue.INTERNAL.vi(), n.get("message_vi").asText());
        assertEquals(ErrorCatalogue.INTERNAL.en(), n.get("message_en").asText());
    }

    @Test
    void noTwoCodesReadTheSame() {
        Set<String> vi = new HashSet<>();
        Set<String> en = new HashSet<>();
        for (ErrorCatalogue e : ErrorCatalogue.values()) {
            assertTrue(vi.add(e.vi(parts(e))), "two codes read the same in Vietnamese: " + e);
            assertTrue(en.add(e.en(parts(e))), "two codes read the same in English: " + e);
        }
    }

    @Test
    void everyEngineRefusalHasItsEntryAndIsAnswered409() {
        for (Refusal r : Refusal.values()) {
            HttpError e = ErrorCatalogue.refused(r, "detail");
            assertEquals(r.name(), e.code);
            assertEquals(409, e.status);
            assertEquals(ErrorCatalogue.of(r).vi(), e.messageVi);
            assertEquals(List.of("error", "message_vi", "message_en", "detail"), List.copyOf(e.body().keySet()),
                    "Vietnamese before English, the code first");
        }
    }

    @Test
    void everyEntryHasAnErrorStatus() {
        for (ErrorCatalogue e : ErrorCatalogue.values()) {
            boolean family = e == ErrorCatalogue.HTTP_4XX || e == ErrorCatalogue.HTTP_5XX;
            assertTrue(family ? e.status() == 0 : e.status() >= 400 && e.status() < 600, e.name());
            if (!family) {
                assertEquals(e.status(), e.error(parts(e)).status, e.name());
            }
        }
    }

    /** The catalogue is the whole set: no other class writes an answer's {@code error} key or builds an HttpError. */
    @Test
    void noAnswerIsBuiltOutsideTheCatalogue() throws IOException {
        Pattern errorKey = Pattern.compile("(\\.of|\\.put)\\(\\s*\"error\"\\s*,|\\\\\"error\\\\\"");
        List<String> found = new ArrayList<>();
        for (Path p : mainSources()) {
            if (p.endsWith("ErrorCatalogue.java")) {
                continue;
            }
            String text = Files.readString(p);
            if (errorKey.matcher(text).find() || text.contains("new HttpError(") && !p.endsWith("HttpError.java")) {
                found.add(p.toString());
            }
        }
        assertEquals(List.of(), found, "error answers are built only by ErrorCatalogue");
    }

    /**
     * Every code-like literal in the main sources is a catalogue entry: in the web package any upper-case word but the
     * HTTP methods and a counter state; elsewhere any upper-case name with an underscore but the systemd variables.
     */
    @Test
    void everyCodeInTheSourcesIsInTheCatalogue() throws IOException {
        Set<String> codes = new HashSet<>();
        Arrays.stream(ErrorCatalogue.values()).forEach(e -> codes.add(e.name()));
        Set<String> web = Set.of("GET", "POST", "HEAD", "OPEN");
        Set<String> elsewhere = Set.of("WATCHDOG_USEC", "WATCHDOG_PID", "NOTIFY_SOCKET", "MOTCUA_LOG_LEVEL");
        Pattern literal = Pattern.compile("\"([A-Z][A-Z_]{2,})\""); // codes have no digits; A023, PKCS12 are no codes
        List<String> unknown = new ArrayList<>();
        for (Path p : mainSources()) {
            if (p.endsWith("ErrorCatalogue.java")) {
                continue;
            }
            boolean inWeb = p.toString().contains("/appliance/web/");
            Matcher m = literal.matcher(Files.readString(p));
            while (m.find()) {
                String s = m.group(1);
                boolean codeLike = inWeb || s.contains("_");
                if (codeLike && !codes.contains(s) && !(inWeb ? web : elsewhere).contains(s)) {
                    unknown.add(p.getFileName() + ": " + s);
                }
            }
        }
        assertEquals(List.of(), unknown, "a code not in ErrorCatalogue (or a new allowed word for this test)");
    }

    private static void checkTexts(String code, String vi, String en) {
        assertFalse(vi == null || vi.isBlank(), code + ": no Vietnamese");
        assertFalse(en == null || en.isBlank(), code + ": no English");
        assertTrue(VIETNAMESE_LETTER.matcher(vi).find(), code + ": no Vietnamese letter in '" + vi + "'");
        assertNotEquals(en, vi, code + ": the Vietnamese is the English");
        assertFalse(vi.contains("%") || en.contains("%"), code + ": a part left unfilled");
        Matcher w = WORD.matcher(vi.toLowerCase(Locale.ROOT));
        while (w.find()) {
            assertFalse(ENGLISH.contains(w.group()), code + ": English word '" + w.group() + "' in '" + vi + "'");
        }
    }

    private static Object[] parts(ErrorCatalogue e) {
        Object[] parts = new Object[e.parts()];
        Arrays.fill(parts, PART);
        return parts;
    }

    private static List<Path> mainSources() throws IOException {
        try (Stream<Path> s = Files.walk(Path.of("src/main/java"))) {
            return s.filter(p -> p.toString().endsWith(".java")).sorted().toList();
        }
    }
}
