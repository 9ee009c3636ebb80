package vn.motcua.appliance.devices.printer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TicketRendererTest {
    /** Every Vietnamese letter, lower and upper case, with every tone mark. */
    static final String VIETNAMESE = "aàảãáạăằẳẵắặâầẩẫấậbcdđeèẻẽéẹêềểễếệghiìỉĩíịklmnoòỏõóọôồổỗốộơờởỡớợpqrstuùủũúụưừửữứựvxyỳỷỹýỵ";

    @TempDir Path dir;

    @Test
    void theBundledFontHasAGlyphForEveryVietnameseLetter() {
        String all = VIETNAMESE + VIETNAMESE.toUpperCase(java.util.Locale.ROOT);
        assertEquals(-1, TicketFonts.REGULAR.canDisplayUpTo(all));
        assertEquals(-1, TicketFonts.BOLD.canDisplayUpTo(all));
    }

    @Test
    void rasterModeIsOneImageWithADecodableQr() throws Exception {
        List<TicketPart> parts = new TicketRenderer(TicketTemplate.bundled()).render(Tickets.slip("A023", true));
        assertEquals(1, parts.size());
        BufferedImage img = ((TicketPart.Raster) parts.getFirst()).image();
        assertEquals(576, img.getWidth());
        assertEquals(Tickets.URL, Tickets.decodeQr(img));
        Path out = Path.of("target", "ticket-80mm.png"); // copied to hardware-docs/ by hand when the layout changes
        ImageIO.write(img, "png", out.toFile());
        assertTrue(Files.size(out) > 1000);
    }

    @Test
    void nativeModeSendsTheQrAsGsParenK() throws Exception {
        Path tpl = dir.resolve("t.properties");
        Files.writeString(tpl, "qr.mode=native\nfooter=Cảm ơn\n");
        List<TicketPart> parts = new TicketRenderer(TicketTemplate.load(tpl)).render(Tickets.slip("A1", false));
        assertEquals(3, parts.size());
        assertEquals(Tickets.URL, ((TicketPart.NativeQr) parts.get(1)).data());
    }

    @Test
    void anOfficeLogoIsDrawnAtTheTopAndABadOneFailsAtStart() throws Exception {
        BufferedImage logo = new BufferedImage(200, 50, BufferedImage.TYPE_INT_RGB); // all black
        ImageIO.write(logo, "png", dir.resolve("logo.png").toFile());
        Files.writeString(dir.resolve("t.properties"), "logo.path=logo.png\n");
        var img = ((TicketPart.Raster) new TicketRenderer(TicketTemplate.load(dir.resolve("t.properties")))
                .render(Tickets.slip("A1", false)).getFirst()).image();
        assertTrue(Tickets.blackDots(img, 6, 56) >= 200 * 50 * 9 / 10, "logo pixels at the top");

        Files.writeString(dir.resolve("logo.png"), "not a png");
        var e = assertThrows(IllegalArgumentException.class, () -> new TicketRenderer(TicketTemplate.load(dir.resolve("t.properties"))));
        assertTrue(e.getMessage().contains("logo.path"), e.getMessage());
    }

    @Test
    void aBadTemplateValueNamesItsKey() throws Exception {
        for (String bad : List.of("paper.mm=76", "qr.dots=abc", "zone=Mars/Base", "qr.mode=hologram", "qr.url=ftp://x/{ticket}",
                "qr.url=https://x/{name}")) {
            Files.writeString(dir.resolve("t.properties"), bad + "\n");
            var e = assertThrows(IllegalArgumentException.class, () -> TicketTemplate.load(dir.resolve("t.properties")));
            String key = bad.substring(0, bad.indexOf('='));
            assertTrue(e.getMessage().contains(key), e.getMessage());
        }
    }

    @Test
    void qrUrlPlaceholdersAreUrlEncoded() {
        var t = QrUrlTemplate.parse("https://p.example/q?o={office}&t={ticket}&d={date}");
        assertEquals("https://p.example/q?o=UBND+P%26H&t=A%2F1&d=2026-11-22",
                t.expand("UBND P&H", "A/1", java.time.LocalDate.of(2026, 11, 22)));
        assertEquals("", QrUrlTemplate.parse(" ").expand("x", "y", java.time.LocalDate.EPOCH));
    }

    @Test
    void wrapBreaksOnSpacesAndSplitsOverlongWords() {
        assertEquals(List.of("ab cd", "ef"), TextWrap.wrap("ab cd ef", 5, String::length));
        assertEquals(List.of("abcde", "fgh"), TextWrap.wrap("abcdefgh", 5, String::length));
    }
}
