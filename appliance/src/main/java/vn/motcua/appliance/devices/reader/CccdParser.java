package vn.motcua.appliance.devices.reader;

import java.text.Normalizer;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Optional;

/**
 * Parses the QR on a Vietnamese citizen ID card (CCCD / thẻ căn cước). Fields are '|'-separated:
 * ID number (12 digits) | old ID (9 digits, may be empty) | full name | date of birth ddMMyyyy |
 * gender (Nam / Nữ) | address | date of issue ddMMyyyy. Cards are seen with these 7 fields and with
 * 6 (no old-ID field); anything else is refused. Only the ID number and the birth date leave this
 * class, and only inside {@link Parsed}, whose {@code toString} withholds the ID; the caller reduces
 * it at once ({@link CodeClassifier}).
 */
public final class CccdParser {
    private CccdParser() {}

    /** The fields the queue needs. */
    public record Parsed(String idNumber, LocalDate birthDate) {
        @Override
        public String toString() {
            return "Parsed[id=<withheld>, birthYear=" + birthDate.getYear() + "]";
        }
    }

    /** Empty if {@code s} is not a well-formed CCCD QR text; never throws. */
    public static Optional<Parsed> parse(String s, LocalDate today) {
        String[] f = s.split("\\|", -1);
        if (f.length != 6 && f.length != 7) {
            return Optional.empty();
        }
        int o = f.length == 7 ? 1 : 0; // 7 fields carry the old ID second
        String id = f[0];
        if (!digits(id, 12) || (o == 1 && !f[1].isEmpty() && !digits(f[1], 9))) {
            return Optional.empty();
        }
        String name = f[1 + o];
        String gender = Normalizer.normalize(f[3 + o], Normalizer.Form.NFC).strip();
        String address = f[4 + o];
        if (!plausibleText(name, 100) || !plausibleText(address, 300)
                || !(gender.equalsIgnoreCase("Nam") || gender.equalsIgnoreCase("Nữ") || gender.equalsIgnoreCase("Nu"))) {
            return Optional.empty();
        }
        Optional<LocalDate> dob = date(f[2 + o]);
        Optional<LocalDate> issued = date(f[5 + o]);
        if (dob.isEmpty() || issued.isEmpty() || dob.get().getYear() < 1900 || dob.get().isAfter(today)
                || issued.get().isBefore(dob.get()) || issued.get().isAfter(today)) {
            return Optional.empty();
        }
        return Optional.of(new Parsed(id, dob.get()));
    }

    private static boolean digits(String s, int n) {
        if (s.length() != n) {
            return false;
        }
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    /** Non-blank, bounded, letters / marks / digits / spaces / common punctuation only. */
    private static boolean plausibleText(String s, int max) {
        if (s.isBlank() || s.length() > max) {
            return false;
        }
        return s.codePoints().allMatch(cp -> Character.isLetterOrDigit(cp) || Character.getType(cp) == Character.NON_SPACING_MARK
                || cp == ' ' || cp == ',' || cp == '.' || cp == '-' || cp == '/' || cp == '\'' || cp == '(' || cp == ')');
    }

    private static Optional<LocalDate> date(String s) {
        if (!digits(s, 8)) {
            return Optional.empty();
        }
        try {
            return Optional.of(LocalDate.of(Integer.parseInt(s.substring(4)), Integer.parseInt(s.substring(2, 4)),
                    Integer.parseInt(s.substring(0, 2))));
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }
}
