package vn.motcua.appliance.devices.printer;

import java.awt.image.BufferedImage;

/** One piece of a rendered ticket, in print order. */
public sealed interface TicketPart {
    /** A raster image (GS v 0), already the paper's width. */
    record Raster(BufferedImage image) implements TicketPart {}

    /** A QR code the printer draws itself (GS ( k), for templates with {@code qr.mode=native}. */
    record NativeQr(String data, int moduleDots) implements TicketPart {}
}
