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

    /**
     * For text from elsewhere that should be shown rather than refused (the district's hall message): control
     * characters become spaces and it is cut to {@link #MAX_CHARS}.
     */
    public static Notice lenient(String vi, String en) {
        return new Notice(fit(vi), fit(en));
    }

    private static String fit(String s) {
        if (s == null) {
            return "";
        }
        String t = CONTROL.matcher(s).replaceAll(" ");
        return t.length() > MAX_CHARS ? t.substring(0, MAX_CHARS - 1) + "…" : t;
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
