package vn.motcua.appliance.devices.reader;

import java.time.Clock;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneId;
import java.util.Optional;
import java.util.regex.Matcher;

import vn.motcua.appliance.domain.PhoneLink;
import vn.motcua.appliance.domain.TicketQr;

/**
 * Says what a decoded scan is (pure apart from today's date): ticket QR, dossier code, CCCD QR, or
 * rejected. A CCCD is reduced here to a keyed hash, the birth year and the age; the raw ID goes no
 * further than this method's stack.
 */
public final class CodeClassifier {
    private final ReaderSettings settings;
    private final ResidentKeyer keyer;
    private final Clock clock;
    private final ZoneId zone;

    public CodeClassifier(ReaderSettings settings, Clock clock, ZoneId zone) {
        this.settings = settings;
        this.keyer = new ResidentKeyer(settings.residentKey());
        this.clock = clock;
        this.zone = zone;
    }

    public ScanResult classify(String text) {
        String s = text.strip();
        if (s.isEmpty()) {
            return new ScanResult.Rejected(ScanResult.Reason.EMPTY, "");
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isISOControl(c) || c == '\u2028' || c == '\u2029' || Character.getType(c) == Character.FORMAT) {
                return new ScanResult.Rejected(ScanResult.Reason.CONTROL_CHARACTERS, LogSafe.preview(s));
            }
        }
        Matcher t = settings.ticketPattern().matcher(s);
        if (t.matches()) {
            return new ScanResult.Ticket(t.group("ticket"), s);
        }
        Matcher own = TicketQr.OWN_CODE.matcher(s); // an office with no QR URL prints this, whatever its pattern
        if (own.matches()) {
            return new ScanResult.Ticket(own.group("ticket"), s);
        }
        Matcher phone = PhoneLink.CODE.matcher(s); // the phone page's link: the office's own, whatever its pattern
        if (phone.matches()) {
            return new ScanResult.Ticket(phone.group("ticket"), s);
        }
        if (vn.motcua.appliance.domain.Booking.QR.matcher(s).matches()) {
            return new ScanResult.Booking(s);
        }
        if (settings.dossierPattern().matcher(s).matches()) {
            return new ScanResult.Dossier(s);
        }
        if (s.indexOf('|') >= 0) {
            LocalDate today = LocalDate.now(clock.withZone(zone));
            Optional<CccdParser.Parsed> p = CccdParser.parse(s, today);
            if (p.isEmpty()) {
                return new ScanResult.Rejected(ScanResult.Reason.MALFORMED_CITIZEN_ID, LogSafe.preview(s));
            }
            int age = Period.between(p.get().birthDate(), today).getYears();
            return new ScanResult.CitizenId(keyer.keyOf(p.get().idNumber()), p.get().birthDate().getYear(), age,
                    age >= settings.priorityAge());
        }
        return new ScanResult.Rejected(ScanResult.Reason.NOT_RECOGNISED, LogSafe.preview(s));
    }
}
