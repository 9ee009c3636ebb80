package vn.motcua.appliance.devices.printer;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.MultiFormatReader;
import com.google.zxing.NotFoundException;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import java.awt.image.BufferedImage;
import java.time.Duration;
import java.time.Instant;

/** Test fixtures: a real-shaped slip, and QR decoding of a rendered ticket with ZXing. */
public final class Tickets {
    private Tickets() {}

    public static final String URL = "https://dichvucong.example.gov.vn/hang-doi?don-vi=UBND-P7&so=A023&ngay=2026-11-22";

    /** @param priority true: an elderly resident's ticket */
    /**
     * Runs {@code sim} on the device end of {@code pty}, as a printer on the far side of the cable, on a daemon
     * thread; returns once that end is open. The thread ends when the pty goes at the end of the test.
     */
    public static void serveOn(vn.motcua.bus.pty.SocatPty pty, vn.motcua.appliance.devices.printer.sim.SimulatedPrinter sim)
            throws InterruptedException {
        var ready = new java.util.concurrent.CountDownLatch(1);
        Thread.ofPlatform().daemon().start(() -> {
            try (var in = new java.io.FileInputStream(pty.device.toFile());
                 var out = new java.io.FileOutputStream(pty.device.toFile())) {
                ready.countDown();
                sim.serve(in, out);
            } catch (Exception e) {
                // the pty is gone at the end of the test: the simulated printer stops
            }
        });
        if (!ready.await(10, java.util.concurrent.TimeUnit.SECONDS)) {
            throw new IllegalStateException("the simulated printer could not open its end of the pty");
        }
    }

    public static TicketSlip slip(String number, boolean priority) {
        return slip(number, priority ? "ELDERLY" : "");
    }

    /** @param priority the priority kind, empty for none */
    public static TicketSlip slip(String number, String priority) {
        return new TicketSlip("UBND Phường 7 — Bộ phận Một cửa", "Chứng thực bản sao, chữ ký",
                "Certification of copies and signatures", number, priority, 4, Duration.ofMinutes(12),
                Instant.parse("2026-11-22T01:15:00Z"), URL);
    }

    /** The text of the first QR code found in the image. */
    public static String decodeQr(BufferedImage img) throws NotFoundException {
        int w = img.getWidth();
        int h = img.getHeight();
        int[] px = img.getRGB(0, 0, w, h, null, 0, w);
        var bitmap = new BinaryBitmap(new HybridBinarizer(new RGBLuminanceSource(w, h, px)));
        return new MultiFormatReader().decode(bitmap).getText();
    }

    /** Count of black dots in rows [y0, y1). */
    public static int blackDots(BufferedImage img, int y0, int y1) {
        int n = 0;
        for (int y = y0; y < Math.min(y1, img.getHeight()); y++) {
            for (int x = 0; x < img.getWidth(); x++) {
                if ((img.getRGB(x, y) & 0xFF) < 128) n++;
            }
        }
        return n;
    }
}
