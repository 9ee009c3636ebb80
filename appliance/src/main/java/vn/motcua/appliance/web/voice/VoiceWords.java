package vn.motcua.appliance.web.voice;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Every word clip an announcement can need, with the text espeak-ng speaks for it and its voice. An office
 * may record its own clip under the same name (see {@link VoiceClips}).
 */
public final class VoiceWords {
    private static final Map<String, String> VI = new LinkedHashMap<>();
    private static final Map<String, String> EN = new LinkedHashMap<>();
    /** The kiosk's guidance sentences, both languages. */
    private static final Map<String, String> GUIDE = KioskGuidance.sentenceClips();

    static {
        String[] digits = {"không", "một", "hai", "ba", "bốn", "năm", "sáu", "bảy", "tám", "chín"};
        for (int d = 0; d < 10; d++) {
            VI.put("vi-" + d, digits[d]);
        }
        VI.put("vi-muoi", "mười");
        VI.put("vi-muoi-huyen", "mươi");
        VI.put("vi-lam", "lăm");
        VI.put("vi-mot-sac", "mốt");
        VI.put("vi-tu", "tư");
        VI.put("vi-moi-so", "mời số");
        VI.put("vi-den-quay-so", "đến quầy số");
        String[] viLetters = {"a", "bê", "xê", "dê", "e", "ép", "giê", "hát", "i", "gi", "ca", "e lờ", "em mờ", "en nờ",
                "o", "pê", "quy", "e rờ", "ét xì", "tê", "u", "vê", "vê kép", "ích xì", "i dài", "dét"};
        String[] enLetters = {"ay", "bee", "see", "dee", "ee", "eff", "gee", "aitch", "eye", "jay", "kay", "el", "em",
                "en", "oh", "pee", "cue", "ar", "ess", "tee", "you", "vee", "double you", "ex", "why", "zed"};
        for (int i = 0; i < 26; i++) {
            char c = (char) ('a' + i);
            VI.put("vi-letter-" + c, viLetters[i]);
            EN.put("en-letter-" + c, enLetters[i]);
        }
        String[] ones = {"zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven",
                "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen"};
        for (int i = 0; i < ones.length; i++) {
            EN.put("en-" + i, ones[i]);
        }
        String[] tens = {"twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"};
        for (int i = 0; i < tens.length; i++) {
            EN.put("en-" + (20 + 10 * i), tens[i]);
        }
        EN.put("en-number", "number");
        EN.put("en-please-go-to-counter", "please go to counter");
    }

    private VoiceWords() {}

    /** The words spoken for a clip name; throws for a name that is not a known clip. */
    public static String text(String clip) {
        String t = VI.containsKey(clip) ? VI.get(clip) : EN.containsKey(clip) ? EN.get(clip) : GUIDE.get(clip);
        if (t == null) {
            throw new IllegalArgumentException("no such voice clip: " + clip);
        }
        return t;
    }

    /** espeak-ng voice of a clip: "vi" or "en". */
    public static String voice(String clip) {
        return clip.startsWith("vi-") ? "vi" : "en";
    }

    /**
     * espeak-ng's speed in words per minute: the call's words at 140, the guidance's sentences slower, for residents
     * who listen to a whole sentence at once, many of them elderly.
     */
    public static int speed(String clip) {
        return clip.contains("-guide-") ? 125 : 140;
    }

    public static boolean known(String clip) {
        return VI.containsKey(clip) || EN.containsKey(clip) || GUIDE.containsKey(clip)
                || VoiceClips.CHIME.equals(clip) || VoiceClips.PAUSE.equals(clip);
    }

    /** Every clip espeak-ng generates: the call's words first, so a first start can speak calls soonest. */
    public static Iterable<String> all() {
        Map<String, String> m = new LinkedHashMap<>(VI);
        m.putAll(EN);
        m.putAll(GUIDE);
        return m.keySet();
    }
}
