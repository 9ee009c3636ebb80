package vn.motcua.appliance.devices.printer;

import java.awt.image.BufferedImage;

/**
 * Packs an image into raster rows (pure): 1 bit per dot, MSB leftmost, 1 = black, rows padded to a
 * whole byte. A dot is black when its luminance is below half; the renderer draws in grey with
 * anti-aliasing and this threshold makes crisp strokes.
 */
public final class RasterPacker {
    private RasterPacker() {}

    public static int widthBytes(BufferedImage img) {
        return (img.getWidth() + 7) / 8;
    }

    /** Rows {@code [y0, y0+h)} packed. */
    public static byte[] pack(BufferedImage img, int y0, int h) {
        int wb = widthBytes(img);
        byte[] out = new byte[wb * h];
        int w = img.getWidth();
        int[] line = new int[w];
        for (int y = 0; y < h; y++) {
            img.getRGB(0, y0 + y, w, 1, line, 0, w);
            for (int x = 0; x < w; x++) {
                int rgb = line[x];
                int lum = (((rgb >> 16) & 0xFF) * 299 + ((rgb >> 8) & 0xFF) * 587 + (rgb & 0xFF) * 114) / 1000;
                if (lum < 128) {
                    out[y * wb + (x >> 3)] |= (byte) (0x80 >> (x & 7));
                }
            }
        }
        return out;
    }
}
