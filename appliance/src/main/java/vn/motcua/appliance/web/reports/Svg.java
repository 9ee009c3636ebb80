package vn.motcua.appliance.web.reports;

import java.util.Locale;

import vn.motcua.appliance.web.Markup;

/**
 * A small SVG writer for the report charts: every text and attribute escaped here, one place, and every chart
 * named for assistive technology in both languages ({@code role="img"}, {@code aria-label}, {@code <title>}).
 */
final class Svg {
    static final String INK = "#14213d";
    static final String MUTED = "#4a5568";
    static final String FONT = "'Noto Sans', 'DejaVu Sans', sans-serif";

    private final StringBuilder out = new StringBuilder(4096);

    Svg(int width, int height, String titleVi, String titleEn) {
        String title = titleVi + " / " + titleEn;
        out.append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"").append(width).append("\" height=\"").append(height)
                .append("\" viewBox=\"0 0 ").append(width).append(' ').append(height)
                .append("\" role=\"img\" aria-label=\"").append(Markup.escape(title)).append("\" font-family=\"").append(FONT)
                .append("\" font-size=\"13\">\n<title>").append(Markup.escape(title)).append("</title>\n");
        rect(0, 0, width, height, "#ffffff");
    }

    Svg desc(String text) {
        out.append("<desc>").append(Markup.escape(text)).append("</desc>\n");
        return this;
    }

    Svg rect(double x, double y, double w, double h, String fill) {
        out.append("<rect x=\"").append(n(x)).append("\" y=\"").append(n(y)).append("\" width=\"").append(n(w))
                .append("\" height=\"").append(n(h)).append("\" fill=\"").append(fill).append("\"/>\n");
        return this;
    }

    /** A rectangle with a tooltip (its {@code <title>}), for a bar or a heat-map cell. */
    Svg rect(double x, double y, double w, double h, String fill, String tooltip) {
        out.append("<rect x=\"").append(n(x)).append("\" y=\"").append(n(y)).append("\" width=\"").append(n(w))
                .append("\" height=\"").append(n(h)).append("\" fill=\"").append(fill).append("\"><title>")
                .append(Markup.escape(tooltip)).append("</title></rect>\n");
        return this;
    }

    Svg line(double x1, double y1, double x2, double y2, String stroke, double width) {
        out.append("<line x1=\"").append(n(x1)).append("\" y1=\"").append(n(y1)).append("\" x2=\"").append(n(x2))
                .append("\" y2=\"").append(n(y2)).append("\" stroke=\"").append(stroke).append("\" stroke-width=\"")
                .append(n(width)).append("\"/>\n");
        return this;
    }

    Svg polyline(String points, String stroke) {
        out.append("<polyline points=\"").append(points).append("\" fill=\"none\" stroke=\"").append(stroke)
                .append("\" stroke-width=\"2\"/>\n");
        return this;
    }

    Svg circle(double cx, double cy, double r, String fill, String tooltip) {
        out.append("<circle cx=\"").append(n(cx)).append("\" cy=\"").append(n(cy)).append("\" r=\"").append(n(r))
                .append("\" fill=\"").append(fill).append("\"><title>").append(Markup.escape(tooltip)).append("</title></circle>\n");
        return this;
    }

    /** @param anchor start, middle or end */
    Svg text(double x, double y, String text, String fill, String anchor, boolean bold) {
        out.append("<text x=\"").append(n(x)).append("\" y=\"").append(n(y)).append("\" fill=\"").append(fill)
                .append("\" text-anchor=\"").append(anchor).append('"');
        if (bold) {
            out.append(" font-weight=\"700\"");
        }
        out.append('>').append(Markup.escape(text)).append("</text>\n");
        return this;
    }

    String end() {
        return out.append("</svg>\n").toString();
    }

    /** A coordinate: whole numbers as such, else one decimal (dot, whatever the machine's locale). */
    static String n(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : String.format(Locale.ROOT, "%.1f", v);
    }
}
