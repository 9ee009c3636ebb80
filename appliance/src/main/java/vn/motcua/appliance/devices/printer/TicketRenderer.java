package vn.motcua.appliance.devices.printer;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import javax.imageio.ImageIO;

/**
 * Draws a ticket as images with the bundled font: Vietnamese text as pixels, so the printer's code
 * page never matters (Java has no TCVN-3 and its windows-1258 encoder turns composed letters into '?').
 * Safe to call from several threads; the logo is read once, at construction, so a bad logo fails at start.
 */
public final class TicketRenderer {
    private static final int MAX_HEIGHT = 3000;
    /**
     * The scratch's first height: a ticket is about 700 rows at 80 mm, so the full {@link #MAX_HEIGHT} (1.7 MB, kept
     * for the next ticket) is made only when a ticket needs it (BENCHMARKS.md, "Memory through busy days").
     */
    private static final int FIRST_HEIGHT = 1024;
    /**
     * Rows below the last line that a glyph may still have touched (a descender, a tone mark below): cleared with
     * the rest before the scratch is used again. Far more than any glyph at the sizes used here reaches.
     */
    private static final int OVERDRAW = 256;
    private final TicketTemplate t;
    private final int width;
    private final float scale;
    private final Optional<BufferedImage> logo;
    /**
     * The tall scratch image of the last ticket, kept for the next one with the rows it drew. A new one per ticket
     * (1.7 MB at 80 mm) was most of what the appliance allocated while tickets were issued: the JFR allocation
     * samples of the commands benchmark put 42 % of all bytes there, and the collections they caused were a
     * tenth of a command's CPU (BENCHMARKS.md, "The Pi's budget"); larger than a survivor space, those a young
     * collection met in use went to the old generation, and at the launcher's 40 MB heap made a full collection
     * every few young ones (BENCHMARKS.md, "Memory through busy days"). Taken by one render at a time; a render that
     * finds none (two at once) makes its own.
     */
    private final AtomicReference<Scratch> scratch = new AtomicReference<>();

    private record Scratch(BufferedImage img, int dirtyRows) {}

    public TicketRenderer(TicketTemplate template) {
        this.t = template;
        this.width = template.widthDots();
        // 58 mm paper is two thirds as wide, but text scaled by 2/3 loses its tone marks: shrink less, wrap more
        this.scale = width == 576 ? 1f : 0.82f;
        this.logo = template.logo().map(p -> {
            try {
                BufferedImage img = ImageIO.read(p.toFile());
                if (img == null) {
                    throw new IllegalArgumentException("ticket template: logo.path: not an image: " + p);
                }
                return img;
            } catch (IOException e) {
                throw new IllegalArgumentException("ticket template: logo.path: unreadable: " + p, e);
            }
        });
    }

    /** Parts in print order: one image, or image / native QR / image when the template says native. */
    public List<TicketPart> render(TicketSlip s) {
        List<TicketPart> parts = new ArrayList<>(3);
        boolean qr = !s.qrUrl().isEmpty() && t.qrMode() != TicketTemplate.QrMode.NONE;
        Canvas c = new Canvas();
        logo.ifPresent(c::image);
        c.text(s.officeName(), TicketFonts.BOLD, 26, 6);
        c.rule();
        c.text(s.serviceVi(), TicketFonts.BOLD, 30, 2);
        c.text(s.serviceEn(), TicketFonts.REGULAR, 24, 4);
        c.text(s.ticketNumber(), TicketFonts.BOLD, t.numberPt(), 4);
        if (s.isPriority()) {
            c.inverted(t.labelPriority(), 28);
            c.text(t.priorityKind(s.priority()), TicketFonts.BOLD, 26, 6); // which priority, for the clerk and the guard
        }
        c.text(t.labelAhead() + " " + s.peopleAhead(), TicketFonts.REGULAR, 22, 2);
        long min = (s.estimatedWait().toSeconds() + 59) / 60;
        c.text(min == 0 ? t.labelNow() : t.labelWait() + " ~" + min + " " + t.labelMinutes(), TicketFonts.REGULAR, 22, 2);
        c.text(t.dateTime().format(s.issuedAt().atZone(t.zone())), TicketFonts.REGULAR, 24, 8);
        if (qr && t.qrMode() == TicketTemplate.QrMode.RASTER) {
            c.image(qrImage(s.qrUrl(), Math.round(t.qrDots() * scale)));
        } else if (qr) {
            parts.add(new TicketPart.Raster(c.done()));
            parts.add(new TicketPart.NativeQr(s.qrUrl(), Math.max(3, Math.round(6 * scale))));
            c = new Canvas();
        }
        if (!s.phoneCode().isEmpty()) { // typed on the phone page by a resident whose phone cannot scan
            c.text(t.labelPhoneCode(), TicketFonts.REGULAR, 22, 0);
            c.text(s.phoneCode(), TicketFonts.BOLD, 40, 2);
            c.text(s.phoneEntry(), TicketFonts.REGULAR, 20, 6); // where to type it
        }
        for (String line : t.footer()) {
            c.text(line, TicketFonts.REGULAR, 20, 0);
        }
        parts.add(new TicketPart.Raster(c.done()));
        return parts;
    }

    public static BufferedImage qrImage(String data, int side) {
        try {
            BitMatrix m = new QRCodeWriter().encode(data, BarcodeFormat.QR_CODE, side, side,
                    Map.of(EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M, EncodeHintType.MARGIN, 2,
                            EncodeHintType.CHARACTER_SET, "UTF-8"));
            BufferedImage img = new BufferedImage(m.getWidth(), m.getHeight(), BufferedImage.TYPE_BYTE_GRAY);
            byte[] px = ((java.awt.image.DataBufferByte) img.getRaster().getDataBuffer()).getData();
            for (int y = 0; y < m.getHeight(); y++) {
                for (int x = 0; x < m.getWidth(); x++) {
                    px[y * m.getWidth() + x] = m.get(x, y) ? 0 : (byte) 0xFF;
                }
            }
            return img;
        } catch (WriterException e) {
            throw new IllegalArgumentException("QR data cannot be encoded: " + e.getMessage(), e);
        }
    }

    /** A tall scratch image written top-down, cropped when done; white again where the last ticket drew. */
    private final class Canvas {
        private BufferedImage img;
        private Graphics2D g;
        private int y = 6;

        Canvas() {
            Scratch kept = scratch.getAndSet(null);
            img = kept != null ? kept.img() : new BufferedImage(width, FIRST_HEIGHT, BufferedImage.TYPE_BYTE_GRAY);
            g = graphics(img, kept != null ? kept.dirtyRows() : img.getHeight());
        }

        private static Graphics2D graphics(BufferedImage on, int whiteRows) {
            Graphics2D g = on.createGraphics();
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, on.getWidth(), whiteRows);
            g.setColor(Color.BLACK);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_FRACTIONALMETRICS, RenderingHints.VALUE_FRACTIONALMETRICS_ON);
            return g;
        }

        /** Whether {@code rows} more fit below {@code y}; grows the scratch to {@link #MAX_HEIGHT} first if needed. */
        private boolean fits(int rows) {
            if (y + rows + OVERDRAW > img.getHeight() && img.getHeight() < MAX_HEIGHT) {
                BufferedImage taller = new BufferedImage(width, MAX_HEIGHT, BufferedImage.TYPE_BYTE_GRAY);
                Graphics2D t = graphics(taller, MAX_HEIGHT);
                t.drawImage(img, 0, 0, null);
                g.dispose();
                img = taller;
                g = t;
            }
            return y + rows < MAX_HEIGHT;
        }

        void text(String s, Font base, float pt, int gapAfter) {
            if (s.isBlank()) {
                return;
            }
            g.setFont(base.deriveFont(pt * scale));
            var fm = g.getFontMetrics();
            for (String line : TextWrap.wrap(s, width - 8, fm::stringWidth)) {
                if (!fits(fm.getHeight())) {
                    return;
                }
                g.drawString(line, (width - fm.stringWidth(line)) / 2, y + fm.getAscent());
                y += fm.getHeight();
            }
            y += Math.round(gapAfter * scale);
        }

        void inverted(String s, float pt) {
            g.setFont(TicketFonts.BOLD.deriveFont(pt * scale));
            var fm = g.getFontMetrics();
            int w = Math.min(width - 8, fm.stringWidth(s) + 24);
            fits(fm.getHeight() + 16);
            g.fillRoundRect((width - w) / 2, y, w, fm.getHeight() + 8, 12, 12);
            g.setColor(Color.WHITE);
            g.drawString(s, (width - fm.stringWidth(s)) / 2, y + 4 + fm.getAscent());
            g.setColor(Color.BLACK);
            y += fm.getHeight() + 16;
        }

        void rule() {
            fits(10);
            g.fillRect(16, y, width - 32, 2);
            y += 10;
        }

        void image(BufferedImage src) {
            int w = Math.min(width, src.getWidth());
            int h = src.getHeight() * w / src.getWidth();
            if (fits(h)) {
                g.drawImage(src, (width - w) / 2, y, w, h, null);
                y += h + 6;
            }
        }

        BufferedImage done() {
            g.dispose();
            int h = Math.max(1, Math.min(y + 6, img.getHeight()));
            BufferedImage out = new BufferedImage(width, h, BufferedImage.TYPE_BYTE_GRAY);
            Graphics2D o = out.createGraphics();
            o.drawImage(img.getSubimage(0, 0, width, h), 0, 0, null);
            o.dispose();
            scratch.set(new Scratch(img, Math.min(MAX_HEIGHT, h + OVERDRAW)));
            return out;
        }
    }
}
