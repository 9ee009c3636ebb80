package vn.motcua.appliance.config.section;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * How every config problem is written, whoever finds it (the config's own checks, a device's or the uplink's section
 * reader): {@code key = 'value': what}, the value printable, bounded, and hidden when the key may hold a secret.
 */
public final class ProblemLines {
    private ProblemLines() {}

    /** One problem as the technician reads it: {@code key = 'value': what}, the value hidden when the key is a secret. */
    public static String line(String key, Object value, String what) {
        return key + " = " + (value != null && secret(key) ? "(hidden)" : shown(value)) + ": " + what;
    }

    /**
     * Whether a key may hold a secret (an unknown {@code password = "..."} written by mistake, say): its value is
     * never echoed. Keys naming a file that holds a secret are paths, shown as any other.
     */
    public static boolean secret(String key) {
        String last = key.substring(key.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT);
        return SECRET.matcher(last).find() && !last.endsWith("_file");
    }

    private static final Pattern SECRET = Pattern.compile("pass|secret|token|credential|private|api_?key|pwd");

    /** A value as shown in a problem: printable (control characters become '?'), at most 80 characters, quoted. */
    public static String shown(Object value) {
        if (value == null) {
            return "(missing)";
        }
        String s = value.toString().replaceAll("\\p{Cntrl}", "?");
        return "'" + (s.length() > 80 ? s.substring(0, 80) + "…" : s) + "'";
    }
}
