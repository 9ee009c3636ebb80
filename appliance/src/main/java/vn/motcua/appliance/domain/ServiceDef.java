package vn.motcua.appliance.domain;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A service residents queue for (hộ tịch, đất đai, ...), with its ticket prefix letter and number range.
 *
 * @param dailyCap most tickets issued per business day (0 = no cap)
 */
public record ServiceDef(String code, String nameVi, String nameEn, char prefix, int firstNumber, int lastNumber,
                         int dailyCap, OpeningHours hours) {

    private static final Pattern CODE = Pattern.compile("[a-z][a-z0-9_-]{0,31}");

    public ServiceDef {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(nameVi, "nameVi");
        Objects.requireNonNull(nameEn, "nameEn");
        Objects.requireNonNull(hours, "hours");
        if (!CODE.matcher(code).matches()) {
            throw new IllegalArgumentException("service code '" + code + "' must be 1-32 of a-z, 0-9, _ or -, starting with a letter");
        }
        if (prefix < 'A' || prefix > 'Z') {
            throw new IllegalArgumentException("ticket prefix of service " + code + " must be one letter A-Z, was '" + prefix + "'");
        }
        if (firstNumber < 1 || lastNumber > 9999 || firstNumber > lastNumber) {
            throw new IllegalArgumentException("number range of service " + code + " must satisfy 1 <= first <= last <= 9999, was "
                    + firstNumber + ".." + lastNumber);
        }
        if (dailyCap < 0) {
            throw new IllegalArgumentException("daily cap of service " + code + " must be >= 0, was " + dailyCap);
        }
    }

    /** Digits shown after the prefix: 3 for ranges up to 999, else 4. */
    public int digits() {
        return lastNumber > 999 ? 4 : 3;
    }

    public String format(int number) {
        return prefix + String.format("%0" + digits() + "d", number);
    }
}
