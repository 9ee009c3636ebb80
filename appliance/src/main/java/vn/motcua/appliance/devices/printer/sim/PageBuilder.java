package vn.motcua.appliance.devices.printer.sim;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.util.ArrayList;
import java.util.List;
import vn.motcua.appliance.devices.printer.TicketFonts;
import vn.motcua.appliance.devices.printer.TicketRenderer;

/** Stacks what the simulated printer prints into one paper-width image, cut by cut. Bounded in height. */
final class PageBuilder {
    private static final int MAX_HEIGHT = 8000;
    private final int width;
    private final List<BufferedImage> parts = new ArrayList<>();
    private int height;

    PageBuilder(int width) {
        this.width = width;
    }

    void text(String line) {
        BufferedImage img = new BufferedImage(width, 30, BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = blank(img);
        g.setColor(Color.BLACK);
        g.setFont(TicketFonts.REGULAR.deriveFont(22f));
        g.drawString(line, 0, 23);
        g.dispose();
        add(img);
    }

    void raster(int widthBytes, int h, byte[] data) {
        BufferedImage img = new BufferedImage(width, h, BufferedImage.TYPE_BYTE_GRAY);
        // the grey bytes written directly (white, then black dots): setRGB's colour conversion per pixel was the
        // simulated printer's largest cost, on the appliance's CPU
        byte[] px = ((DataBufferByte) img.getRaster().getDataBuffer()).getData();
        java.util.Arrays.fill(px, (byte) 0xFF);
        int w = Math.min(width, widthBytes * 8);
        for (int y = 0; y < h; y++) {
            int row = y * width;
            for (int x = 0; x < w; x++) {
                if ((data[y * widthBytes + (x >> 3)] & (0x80 >> (x & 7))) != 0) {
                    px[row + x] = 0;
                }
            }
        }
        add(img);
    }

    void qr(String data, int module) {
        if (data.isEmpty()) {
            return;
        }
        BufferedImage q = TicketRenderer.qrImage(data, Math.min(width, Math.max(21, module * 33)));
        BufferedImage img = new BufferedImage(width, q.getHeight(), BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = blank(img);
        g.drawImage(q, (width - q.getWidth()) / 2, 0, null);
        g.dispose();
        add(img);
    }

    void feed(int lines) {
        BufferedImage img = new BufferedImage(width, Math.max(1, Math.min(lines, 20) * 30), BufferedImage.TYPE_BYTE_GRAY);
        blank(img).dispose();
        add(img);
    }

    /** The page so far as one image, or null if nothing was printed since the last cut. */
    BufferedImage finish() {
        if (parts.isEmpty()) {
            return null;
        }
        BufferedImage out = new BufferedImage(width, height, BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = blank(out);
        int y = 0;
        for (BufferedImage p : parts) {
            g.drawImage(p, 0, y, null);
            y += p.getHeight();
        }
        g.dispose();
        parts.clear();
        height = 0;
        return out;
    }

    private void add(BufferedImage img) {
        if (height + img.getHeight() <= MAX_HEIGHT) {
            parts.add(img);
            height += img.getHeight();
        }
    }

    private Graphics2D blank(BufferedImage img) {
        Graphics2D g = img.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, img.getWidth(), img.getHeight());
        return g;
    }
}
