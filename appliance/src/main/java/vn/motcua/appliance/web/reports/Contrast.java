package vn.motcua.appliance.web.reports;

/**
 * WCAG 2 colour contrast, so the charts' text is chosen, not guessed: AA asks 4.5:1 for text, 3:1 for the marks a
 * reader must tell apart from the background.
 */
public final class Contrast {
    public static final double AA_TEXT = 4.5;
    public static final double AA_GRAPHICS = 3.0;

    private Contrast() {}

    /** The contrast ratio of two colours written #rrggbb, 1 to 21. */
    public static double ratio(String a, String b) {
        double la = luminance(a);
        double lb = luminance(b);
        return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
    }

    /** Black or white, whichever reads better on {@code background}: at least 4.58:1 on any colour. */
    public static String textOn(String background) {
        return ratio(background, "#000000") >= ratio(background, "#ffffff") ? "#000000" : "#ffffff";
    }

    /** Relative luminance of #rrggbb (WCAG 2, sRGB). */
    static double luminance(String hex) {
        if (!hex.matches("#[0-9a-fA-F]{6}")) {
            throw new IllegalArgumentException("a colour #rrggbb, not " + hex);
        }
        int rgb = Integer.parseInt(hex.substring(1), 16);
        return 0.2126 * channel(rgb >> 16) + 0.7152 * channel(rgb >> 8) + 0.0722 * channel(rgb);
    }

    private static double channel(int value) {
        double c = (value & 0xff) / 255.0;
        return c <= 0.04045 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4);
    }

    /** The colour a fraction {@code t} (0..1) of the way from {@code from} to {@code to}. */
    static String mix(String from, String to, double t) {
        int a = Integer.parseInt(from.substring(1), 16);
        int b = Integer.parseInt(to.substring(1), 16);
        int out = 0;
        for (int shift = 16; shift >= 0; shift -= 8) {
            int x = (a >> shift) & 0xff;
            int y = (b >> shift) & 0xff;
            out |= ((int) Math.round(x + (y - x) * Math.max(0, Math.min(1, t)))) << shift;
        }
        return String.format("#%06x", out);
    }
}
