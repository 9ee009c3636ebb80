package vn.motcua.appliance.devices.printer.sim;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.NotFoundException;
import com.google.zxing.ReaderException;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;

/**
 * The file a simulated ticket is written to: {@code ticket-2026-12-06-A023.png}, by the day and number its QR code
 * carries (the printer sees only pixels, and the QR is the one machine-readable thing on a ticket), so a restart of
 * the demo never overwrites an earlier ticket. A ticket printed twice, or one without a readable QR, gets a
 * {@code -2}, {@code -3}... suffix rather than replacing a file.
 */
final class TicketImageName {
    private static final Pattern DAY = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
    /** A ticket number standing alone in the QR text (the own code's last part, or a URL parameter's value). */
    private static final Pattern NUMBER = Pattern.compile("(?<![A-Za-z0-9])[A-Z]{1,3}\\d{3,4}(?![A-Za-z0-9])");

    private TicketImageName() {}

    static Path next(Path dir, BufferedImage ticket, LocalDate today) {
        String stem = stem(qrText(ticket), today);
        Path file = dir.resolve(stem + ".png");
        for (int n = 2; Files.exists(file); n++) {
            file = dir.resolve(stem + "-" + n + ".png");
        }
        return file;
    }

    /** {@code ticket-<day>-<number>} from the QR text, the day falling back to today; "unnumbered" without a number. */
    static String stem(String qr, LocalDate today) {
        String day = today.toString();
        String number = "unnumbered";
        if (qr != null) {
            Matcher d = DAY.matcher(qr);
            if (d.find()) {
                day = d.group();
            }
            Matcher n = NUMBER.matcher(qr);
            String last = null;
            while (n.find()) {
                last = n.group();
            }
            number = last == null ? number : last;
        }
        return "ticket-" + day + "-" + number;
    }

    private static String qrText(BufferedImage img) {
        int w = img.getWidth();
        int h = img.getHeight();
        int[] rgb = img.getRGB(0, 0, w, h, null, 0, w);
        try {
            return new QRCodeReader().decode(new BinaryBitmap(new HybridBinarizer(new RGBLuminanceSource(w, h, rgb))),
                    Map.of(DecodeHintType.POSSIBLE_FORMATS, java.util.List.of(BarcodeFormat.QR_CODE),
                            DecodeHintType.TRY_HARDER, Boolean.TRUE)).getText();
        } catch (NotFoundException e) {
            return null;
        } catch (ReaderException e) {
            return null;
        }
    }
}
