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
import vn.motcua.appliance.domain.QrUrlTemplate;

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

    /**
     * The scratch image is kept from one ticket to the next: a short ticket after a tall one (priority, the phone
     * code, a service name that wraps) comes out dot for dot as from a renderer that never drew anything.
     */
    @Test
    void aTicketAfterATallerOneIsTheSameAsOnAFreshRenderer() {
        TicketSlip plain = Tickets.slip("A023", false);
        TicketSlip tall = new TicketSlip(plain.officeName(), plain.serviceVi() + " " + VIETNAMESE.substring(0, 80), plain.serviceEn()
                + " and a name long enough to wrap over several lines", "B123", "ELDERLY", 42, plain.estimatedWait(),
                plain.issuedAt(), plain.qrUrl(), "7KQ-M4P", "https://192.168.1.10:8443/t");
        TicketRenderer used = new TicketRenderer(TicketTemplate.bundled());
        BufferedImage tallImage = ((TicketPart.Raster) used.render(tall).getFirst()).image();
        BufferedImage after = ((TicketPart.Raster) used.render(plain).getFirst()).image();
        BufferedImage fresh = ((TicketPart.Raster) new TicketRenderer(TicketTemplate.bundled()).render(plain).getFirst())
                .image();
        assertTrue(tallImage.getHeight() > after.getHeight() + 100, "the first ticket is the taller one");
        assertEquals(fresh.getHeight(), after.getHeight());
        assertTrue(java.util.Arrays.equals(pixels(fresh), pixels(after)), "the same dots as on a fresh renderer");
    }

    private static byte[] pixels(BufferedImage img) {
        return ((java.awt.image.DataBufferByte) img.getRaster().getDataBuffer()).getData();
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
    void withThePhonePageTheShortCodeAndWhereToTypeItArePrintedUnderTheQr() throws Exception {
        String link = "https://192.168.1.10:8443/t/2026-11-22/A023/Yx3kq0Jt9cVbN2mWz8LpQa";
        TicketSlip plain = Tickets.slip("A023", false);
        TicketSlip phone = new TicketSlip(plain.officeName(), plain.serviceVi(), plain.serviceEn(), "A023", "",
                plain.peopleAhead(), plain.estimatedWait(), plain.issuedAt(), link, "7KQ-M4P", "https://192.168.1.10:8443/t");
        TicketRenderer r = new TicketRenderer(TicketTemplate.bundled());
        BufferedImage without = ((TicketPart.Raster) r.render(new TicketSlip(plain.officeName(), plain.serviceVi(),
                plain.serviceEn(), "A023", "", plain.peopleAhead(), plain.estimatedWait(), plain.issuedAt(), link)).getFirst()).image();
        BufferedImage with = ((TicketPart.Raster) r.render(phone).getFirst()).image();
        assertEquals(link, Tickets.decodeQr(with), "the QR opens the phone page");
        // the label, the code in large type and the address: three more lines, between the QR and the footer
        int extra = with.getHeight() - without.getHeight();
        assertTrue(extra >= 80, "the label, the code and the address take their lines: " + extra + " dots");
        ImageIO.write(with, "png", Path.of("target", "ticket-80mm-phone.png").toFile());
        assertThrows(IllegalArgumentException.class, () -> new TicketSlip(plain.officeName(), plain.serviceVi(),
                plain.serviceEn(), "A023", "", 0, plain.estimatedWait(), plain.issuedAt(), link, "7KQ-M4P-XYZ", ""),
                "a phone code is bounded like a number");
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
                "qr.url=https://x/{name}",
                "qr.url=https://x/q?so={ticket}", "qr.url=https://x/q?d={date}")) {
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

    @Test
    void aPriorityTicketPrintsTheMarkAndWhichPriorityInBothLanguages() throws Exception {
        var r = new TicketRenderer(TicketTemplate.bundled());
        BufferedImage normal = image(r, Tickets.slip("A023", ""));
        BufferedImage elderly = image(r, Tickets.slip("A023", "ELDERLY"));
        BufferedImage disabled = image(r, Tickets.slip("A023", "DISABLED"));
        BufferedImage pregnant = image(r, Tickets.slip("A023", "PREGNANT"));
        assertTrue(elderly.getHeight() > normal.getHeight() + 60, "mark and kind line: " + elderly.getHeight() + " vs " + normal.getHeight());
        assertEquals(Tickets.URL, Tickets.decodeQr(elderly));
        // same layout, a different kind line: the images differ only there
        assertEquals(elderly.getHeight(), disabled.getHeight());
        assertTrue(differingRows(elderly, disabled) > 10 && differingRows(elderly, pregnant) > 10);
        ImageIO.write(elderly, "png", Path.of("target", "ticket-80mm-priority.png").toFile()); // hardware-docs/ copy
        ImageIO.write(image(new TicketRenderer(fiftyEight()), Tickets.slip("B105", "PREGNANT")), "png",
                Path.of("target", "ticket-58mm-priority.png").toFile());

        // an office's own wording; a kind it leaves empty prints the mark alone
        Files.writeString(dir.resolve("t.properties"), "label.priority.pregnant=Bà mẹ mang thai / Expectant mother\nlabel.priority.elderly=\n");
        TicketTemplate office = TicketTemplate.load(dir.resolve("t.properties"));
        assertEquals("Bà mẹ mang thai / Expectant mother", office.priorityKind("PREGNANT"));
        assertEquals("Người khuyết tật / Person with disability", office.priorityKind("DISABLED"), "bundled default kept");
        BufferedImage markOnly = image(new TicketRenderer(office), Tickets.slip("A023", "ELDERLY"));
        assertTrue(markOnly.getHeight() < elderly.getHeight() && markOnly.getHeight() > normal.getHeight());
    }

    @Test
    void aPriorityKindKeyThatIsNoKindIsRefusedByName() throws Exception {
        Files.writeString(dir.resolve("t.properties"), "label.priority.very-old=x\n");
        var e = assertThrows(IllegalArgumentException.class, () -> TicketTemplate.load(dir.resolve("t.properties")));
        assertTrue(e.getMessage().contains("label.priority.very-old"), e.getMessage());
    }

    private TicketTemplate fiftyEight() throws Exception {
        Files.writeString(dir.resolve("58.properties"), "paper.mm=58\n");
        return TicketTemplate.load(dir.resolve("58.properties"));
    }

    private static BufferedImage image(TicketRenderer r, TicketSlip s) {
        return ((TicketPart.Raster) r.render(s).getFirst()).image();
    }

    private static int differingRows(BufferedImage a, BufferedImage b) {
        int n = 0;
        for (int y = 0; y < Math.min(a.getHeight(), b.getHeight()); y++) {
            for (int x = 0; x < a.getWidth(); x++) {
                if (a.getRGB(x, y) != b.getRGB(x, y)) {
                    n++;
                    break;
                }
            }
        }
        return n;
    }
}
