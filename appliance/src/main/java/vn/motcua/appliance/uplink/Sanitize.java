package vn.motcua.appliance.uplink;

/** Makes outside text safe to put in a log line: bounded length, no control characters. */
public final class Sanitize {
    private Sanitize() {}

    public static String forLog(String s, int max) {
        if (s == null) {
            return "null";
        }
        StringBuilder b = new StringBuilder(Math.min(s.length(), max) + 3);
        for (int i = 0; i < s.length() && b.length() < max; i++) {
            char c = s.charAt(i);
            b.append(Character.isISOControl(c) ? '?' : c);
        }
        if (s.length() > max) {
            b.append("...");
        }
        return b.toString();
    }

    /** An appointment-slip code in logs: only its last 3 characters, so a log never identifies a dossier. */
    public static String slipCode(String code) {
        if (code == null || code.length() < 4) {
            return "***";
        }
        return "***" + forLog(code.substring(code.length() - 3), 3);
    }
}
