package vn.motcua.appliance.devices.reader;

/**
 * Makes scanned text safe to log by keeping only its shape: every digit becomes '#', every ASCII letter 'A' or 'a'
 * (by case), every other letter or combining mark '*', control characters '?'; spaces and ASCII punctuation stay,
 * and so do the first and the last character when they are not digits. That is what a technician needs to see
 * why a code was refused ("##.##.A##-######-###x"), and nothing a person can be recognised by: an ID number may be
 * typed in groups ("079 203 001 234"), and a reader in keyboard mode may drop a card's diacritics and separators,
 * leaving a name in plain ASCII (issue 21: "Nguyen Van An" was logged as it was). A long text is cut to
 * {@value #MAX} characters, its last character and its length. Text with '|' (a CCCD-shaped string) is never
 * previewed at all.
 */
public final class LogSafe {
    static final int MAX = 24;

    private LogSafe() {}

    public static String preview(String s) {
        if (s.indexOf('|') >= 0) {
            return "<" + s.length() + " chars, " + (s.split("\\|", -1).length) + " '|' fields, withheld>";
        }
        int count = s.codePointCount(0, s.length());
        StringBuilder out = new StringBuilder(Math.min(count, MAX) + 16);
        int i = 0;
        int n = 0;
        while (i < s.length() && n < MAX) {
            int cp = s.codePointAt(i);
            boolean end = n == 0 || n == count - 1;
            out.append(end ? kept(cp) : shape(cp));
            i += Character.charCount(cp);
            n++;
        }
        if (n < count) {
            out.append("...").append(kept(s.codePointBefore(s.length()))).append(" (").append(count).append(" chars)");
        }
        return out.toString();
    }

    /** A first or last character: kept when it is printable ASCII and not a digit. */
    private static String kept(int cp) {
        return cp >= 0x20 && cp <= 0x7E && !Character.isDigit(cp) ? Character.toString(cp) : shape(cp);
    }

    private static String shape(int cp) {
        if (Character.isDigit(cp)) {
            return "#";
        }
        if (Character.isISOControl(cp) || Character.getType(cp) == Character.FORMAT
                || Character.getType(cp) == Character.UNASSIGNED) {
            return "?";
        }
        if (cp <= 0x7E && Character.isLetter(cp)) {
            return Character.isUpperCase(cp) ? "A" : "a";
        }
        if (Character.isLetter(cp) || Character.getType(cp) == Character.NON_SPACING_MARK || cp > 0x7E) {
            return "*";
        }
        return Character.toString(cp);
    }
}
