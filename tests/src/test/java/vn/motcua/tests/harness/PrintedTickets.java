package vn.motcua.tests.harness;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import javax.imageio.ImageIO;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;

import vn.motcua.bus.Await;

/**
 * What a resident reads off the paper: the QR of the last ticket the appliance's simulated printer drew
 * ({@code /sim/printer/last.png}), decoded from the image as a phone's camera would.
 */
public final class PrintedTickets {
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private PrintedTickets() {}

    /** The QR text of ticket {@code number}'s paper, once it is printed (waits at most 60 s). */
    public static String qr(ApplianceProcess app, String number) {
        String[] text = new String[1];
        Await.until(Duration.ofSeconds(60), () -> {
            try {
                HttpResponse<byte[]> png = HTTP.send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + app.port() + "/sim/printer/last.png")).timeout(Duration.ofSeconds(10))
                        .build(), HttpResponse.BodyHandlers.ofByteArray());
                if (png.statusCode() != 200) {
                    return false;
                }
                text[0] = decode(ImageIO.read(new ByteArrayInputStream(png.body())));
                return text[0].contains("/" + number + "/");
            } catch (Exception notYet) { // nothing printed yet, or the previous ticket's paper
                return false;
            }
        }, () -> "ticket " + number + " printed with its QR");
        return text[0];
    }

    /** The image of the last paper printed (PNG), as the simulated printer drew it. */
    public static byte[] lastPaper(ApplianceProcess app) throws Exception {
        HttpResponse<byte[]> png = HTTP.send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + app.port() + "/sim/printer/last.png")).timeout(Duration.ofSeconds(10))
                .build(), HttpResponse.BodyHandlers.ofByteArray());
        if (png.statusCode() != 200) {
            throw new AssertionError("no paper printed: " + png.statusCode());
        }
        return png.body();
    }

    static String decode(BufferedImage img) throws Exception {
        int[] px = img.getRGB(0, 0, img.getWidth(), img.getHeight(), null, 0, img.getWidth());
        return new QRCodeReader().decode(new BinaryBitmap(new HybridBinarizer(
                new RGBLuminanceSource(img.getWidth(), img.getHeight(), px)))).getText();
    }
}
