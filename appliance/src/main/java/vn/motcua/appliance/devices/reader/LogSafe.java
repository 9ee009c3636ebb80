package vn.motcua.appliance.devices.reader;

/**
 * Makes scanned text safe to log: control characters become '?', every digit becomes '#' (an ID
 * number or a phone number may be typed in groups, "079 203 001 234", so no run of digits is safe to
 * keep; the shape, "###.##.##.H##-...", is what a technician needs to see why a code was refused),
 * letters outside ASCII become '*' (codes are ASCII; Vietnamese
 * words in a scan are a name or an address), and the result is cut to {@value #MAX} characters.
 * Text with '|' (a CCCD-shaped string) is never previewed at all. Jazzer found the case that
 * needed the '*' rule: a card text whose separators were lost.
 */
public final class LogSafe {
    static final int MAX = 24;

    private LogSafe() {}

    public static String preview(String s) {
        if (s.indexOf('|') >= 0) {
            return "<" + s.length() + " chars, " + (s.split("\\|", -1).length) + " '|' fields, withheld>";
        }
        StringBuilder out = new StringBuilder(Math.min(s.length(), MAX) + 3);
        int i = 0;
        while (i < s.length() && out.length() < MAX) {
            int cp = s.codePointAt(i);
            if (Character.isDigit(cp)) {
                out.append('#');
            } else if (Character.isISOControl(cp) || Character.getType(cp) == Character.FORMAT
                    || Character.getType(cp) == Character.UNASSIGNED) {
                out.append('?');
            } else if (cp > 0x7E && (Character.isLetter(cp) || Character.getType(cp) == Character.NON_SPACING_MARK)) {
                out.append('*');
            } else {
                out.appendCodePoint(cp);
            }
            i += Character.charCount(cp);
        }
        if (out.length() > MAX) {
            out.setLength(MAX);
        }
        return i < s.length() ? out + "..." : out.toString();
    }
}
