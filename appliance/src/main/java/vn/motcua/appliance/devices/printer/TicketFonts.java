package vn.motcua.appliance.devices.printer;

import java.awt.Font;
import java.awt.FontFormatException;
import java.io.IOException;
import java.io.InputStream;

/**
 * The bundled DejaVu Sans Condensed (regular + bold, licence beside the files): it covers every
 * precomposed Vietnamese letter, so tickets do not depend on what fonts the device has.
 * Loading a TrueType font needs AWT; the appliance runs it headless ({@code -Djava.awt.headless=true},
 * set here too if the launcher forgot), which needs fontconfig on the device, not a display.
 */
public final class TicketFonts {
    private static final String DIR = "/vn/motcua/appliance/devices/printer/font/";
    public static final Font REGULAR;
    public static final Font BOLD;

    static {
        if (System.getProperty("java.awt.headless") == null) {
            System.setProperty("java.awt.headless", "true");
        }
        REGULAR = load("DejaVuSansCondensed.ttf");
        BOLD = load("DejaVuSansCondensed-Bold.ttf");
    }

    private TicketFonts() {}

    private static Font load(String file) {
        try (InputStream in = TicketFonts.class.getResourceAsStream(DIR + file)) {
            if (in == null) {
                throw new IllegalStateException("bundled font missing: " + file);
            }
            return Font.createFont(Font.TRUETYPE_FONT, in);
        } catch (IOException | FontFormatException e) {
            throw new IllegalStateException("bundled font unreadable: " + file, e);
        }
    }
}
