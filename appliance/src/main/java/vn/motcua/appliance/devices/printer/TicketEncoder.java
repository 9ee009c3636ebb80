package vn.motcua.appliance.devices.printer;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.util.List;

/** Turns rendered ticket parts into one ESC/POS job: init, centre, raster bands / QR, feed, cut. */
public final class TicketEncoder {
    private TicketEncoder() {}

    public static byte[] encode(List<TicketPart> parts, boolean fullCut) {
        ByteArrayOutputStream b = new ByteArrayOutputStream(64 * 1024);
        b.writeBytes(EscPos.initialize());
        b.writeBytes(EscPos.align(1));
        for (TicketPart part : parts) {
            switch (part) {
                case TicketPart.Raster r -> writeRaster(b, r.image());
                case TicketPart.NativeQr q -> b.writeBytes(EscPos.nativeQr(q.data(), q.moduleDots()));
            }
        }
        b.writeBytes(EscPos.feedAndCut(fullCut, 80));
        return b.toByteArray();
    }

    private static void writeRaster(ByteArrayOutputStream b, BufferedImage img) {
        int wb = RasterPacker.widthBytes(img);
        for (int y = 0; y < img.getHeight(); y += EscPos.MAX_BAND_ROWS) {
            int h = Math.min(EscPos.MAX_BAND_ROWS, img.getHeight() - y);
            b.writeBytes(EscPos.rasterBand(RasterPacker.pack(img, y, h), wb, h));
        }
    }
}
