package vn.motcua.appliance.web.live;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/** The scrolling announcement line of the hall display, in both languages. Bounded, printable text only. */
public record Notice(String vi, String en) {
    public static final int MAX_CHARS = 300;
    private static final Pattern CONTROL = Pattern.compile("[\\p{Cc}\\p{Cf}]");

    public Notice {
        vi = clean(vi);
        en = clean(en);
    }

    public static Notice of(String vi, String en) {
        return new Notice(vi, en);
    }

    private static String clean(String s) {
        if (s == null) {
            return "";
        }
        if (s.length() > MAX_CHARS || CONTROL.matcher(s).find()) {
            throw new IllegalArgumentException("announcement text must be at most " + MAX_CHARS
                    + " characters without control characters");
        }
        return s.strip();
    }

    Map<String, Object> json() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("vi", vi);
        m.put("en", en);
        return m;
    }
}
