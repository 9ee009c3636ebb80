package vn.motcua.appliance.web;

/**
 * Text made safe inside HTML and SVG, as element text or a quoted attribute value: the one escaper of the pages the
 * server writes itself (the status page, the monthly report, the report charts).
 */
public final class Markup {
    private Markup() {}

    /** The five reserved characters as entities; a control character no XML parser takes becomes U+FFFD. */
    public static String escape(String s) {
        StringBuilder b = new StringBuilder(s.length() + 8);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> b.append("&amp;");
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&#39;");
                default -> b.append(c < 0x20 && c != '\t' && c != '\n' && c != '\r' ? '\uFFFD' : c);
            }
        }
        return b.toString();
    }
}
