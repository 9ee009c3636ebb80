package vn.motcua.appliance.devices.printer;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import vn.motcua.appliance.domain.TicketQr;
import vn.motcua.appliance.domain.QrUrlTemplate;
import vn.motcua.appliance.domain.PhoneLink;

/**
 * The ticket layout an office can change without a rebuild: a UTF-8 properties file (see the
 * bundled {@code ticket-template.properties} for every key and its default). Values missing from
 * the office's file fall back to the bundled defaults; a bad value is refused with the key's name.
 *
 * @param paperMm        58 or 80
 * @param logo           optional PNG printed at the top, scaled to the paper width
 * @param labelPriority  text in the priority mark
 * @param priorityKinds  label printed under the mark per priority kind ({@code label.priority.elderly} for
 *                       {@code ELDERLY}...); a kind without one prints the mark alone
 * @param labelAhead     label before the people-ahead count
 * @param labelWait      label before the estimated wait
 * @param labelMinutes   unit after the wait in minutes
 * @param labelNow       printed instead of a wait of zero
 * @param footer         footer lines
 * @param dateTime       date/time format
 * @param zone           time zone the date/time is printed in
 * @param qrMode         where the QR is drawn
 * @param qrDots         QR side in printer dots (raster mode)
 * @param numberPt       font size of the big number, in dots
 * @param fullCut        full cut instead of partial
 * @param qrUrl          how the QR URL is built from office, ticket and date
 * @param labelPhoneCode label before the short code to type on the phone page (printed only with the page on)
 */
public record TicketTemplate(int paperMm, Optional<Path> logo, String labelPriority,
                             java.util.Map<String, String> priorityKinds, String labelAhead,
                             String labelWait, String labelMinutes, String labelNow, List<String> footer,
                             DateTimeFormatter dateTime, ZoneId zone, QrMode qrMode, int qrDots,
                             int numberPt, boolean fullCut, QrUrlTemplate qrUrl, String labelPhoneCode) {

    /** Raster draws the QR into the ticket image (every clone prints it); native sends GS ( k. */
    public enum QrMode { RASTER, NATIVE, NONE }

    private static final String KIND_PREFIX = "label.priority.";
    static final String BUNDLED = "/vn/motcua/appliance/devices/printer/ticket-template.properties";

    public TicketTemplate {
        priorityKinds = java.util.Map.copyOf(priorityKinds);
    }

    /** What the QR of tickets printed with this template in {@code office} holds. */
    public TicketQr qr(String office) {
        return new TicketQr(qrUrl, office, zone);
    }

    /**
     * The same, leading to the ticket's phone page when the office has one.
     *
     * @throws IllegalArgumentException the template's qr.url asks for {@code {key}} with the phone page off
     */
    public TicketQr qr(String office, Optional<PhoneLink> phone) {
        return new TicketQr(qrUrl, office, zone, phone);
    }

    /** The label of a priority kind such as {@code ELDERLY}; empty when the template has none for it. */
    public String priorityKind(String kind) {
        return priorityKinds.getOrDefault(kind, "");
    }

    /** Printable width in dots at 203 dpi: 384 on 58 mm paper, 576 on 80 mm. */
    public int widthDots() {
        return paperMm == 58 ? 384 : 576;
    }

    /** The bundled defaults alone. */
    public static TicketTemplate bundled() {
        return from(defaults(), null);
    }

    /** The office's file over the bundled defaults; relative logo paths resolve against the file's folder. */
    public static TicketTemplate load(Path file) throws IOException {
        Properties p = new Properties(defaults());
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            p.load(r);
        }
        return from(p, file.toAbsolutePath().getParent());
    }

    static TicketTemplate from(Properties p, Path base) {
        int paper = intIn(p, "paper.mm", 58, 80);
        if (paper != 58 && paper != 80) {
            throw bad("paper.mm", "must be 58 or 80");
        }
        String logoText = p.getProperty("logo.path", "").strip();
        Optional<Path> logo = Optional.empty();
        if (!logoText.isEmpty()) {
            Path lp = Path.of(logoText);
            logo = Optional.of(base == null || lp.isAbsolute() ? lp : base.resolve(lp));
        }
        List<String> footer = p.getProperty("footer", "").lines().map(String::strip).filter(s -> !s.isEmpty()).toList();
        if (footer.size() > 6) {
            throw bad("footer", "at most 6 lines");
        }
        DateTimeFormatter fmt;
        ZoneId zone;
        QrMode qr;
        try {
            fmt = DateTimeFormatter.ofPattern(p.getProperty("datetime.pattern"));
            zone = ZoneId.of(p.getProperty("zone"));
            qr = QrMode.valueOf(p.getProperty("qr.mode").strip().toUpperCase(java.util.Locale.ROOT));
        } catch (RuntimeException e) {
            throw bad("datetime.pattern / zone / qr.mode", e.getMessage());
        }
        java.util.Map<String, String> kinds = new java.util.HashMap<>();
        for (String key : p.stringPropertyNames()) {
            if (key.startsWith(KIND_PREFIX)) {
                String kind = key.substring(KIND_PREFIX.length()).toUpperCase(java.util.Locale.ROOT);
                if (!kind.matches("[A-Z_]{1,24}")) {
                    throw bad(key, "expected label.priority.<kind>, e.g. label.priority.elderly");
                }
                kinds.put(kind, text(p, key));
            }
        }
        return new TicketTemplate(paper, logo, text(p, "label.priority"), kinds, text(p, "label.ahead"),
                text(p, "label.wait"), text(p, "label.minutes"), text(p, "label.now"), footer, fmt, zone, qr,
                intIn(p, "qr.dots", 96, 360), intIn(p, "number.dots", 48, 200),
                Boolean.parseBoolean(p.getProperty("cut.full", "false").strip()),
                QrUrlTemplate.parse(p.getProperty("qr.url", "")), text(p, "label.phone_code"));
    }

    private static Properties defaults() {
        Properties d = new Properties();
        try (InputStream in = TicketTemplate.class.getResourceAsStream(BUNDLED)) {
            if (in == null) {
                throw new IllegalStateException("bundled ticket template missing: " + BUNDLED);
            }
            d.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException("bundled ticket template unreadable", e);
        }
        return d;
    }

    private static String text(Properties p, String key) {
        String v = p.getProperty(key, "").strip();
        if (v.length() > 80) {
            throw bad(key, "longer than 80 characters");
        }
        return v;
    }

    private static int intIn(Properties p, String key, int min, int max) {
        String v = p.getProperty(key, "").strip();
        try {
            int n = Integer.parseInt(v);
            if (n < min || n > max) {
                throw bad(key, "must be between " + min + " and " + max + ", is " + n);
            }
            return n;
        } catch (NumberFormatException e) {
            throw bad(key, "not a whole number: '" + v + "'");
        }
    }

    private static IllegalArgumentException bad(String key, String why) {
        return new IllegalArgumentException("ticket template: " + key + ": " + why);
    }
}
