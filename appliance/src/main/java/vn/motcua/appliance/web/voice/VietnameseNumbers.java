package vn.motcua.appliance.web.voice;

import java.util.ArrayList;
import java.util.List;

/**
 * Numbers as a Vietnamese announcer reads them, as clip names. A ticket number is read digit by digit after
 * its letter ("A023" -> a, không, hai, ba), so a zero is heard; a counter number is read as a number with the
 * spoken rules: 10 mười, 15 mười lăm, 21 hai mươi mốt, 24 hai mươi tư, 25 hai mươi lăm, 30 ba mươi.
 */
public final class VietnameseNumbers {
    private VietnameseNumbers() {}

    /** Clip names of the digits 0-9 read alone: vi-0 "không" ... vi-9 "chín". */
    public static String digit(int d) {
        return "vi-" + d;
    }

    /** A counter number 1..99 as clip names. */
    public static List<String> counter(int n) {
        if (n < 1 || n > 99) {
            throw new IllegalArgumentException("counter number must be 1..99, was " + n);
        }
        List<String> out = new ArrayList<>();
        int tens = n / 10;
        int units = n % 10;
        if (tens == 0) {
            out.add(digit(units));
            return out;
        }
        if (tens == 1) {
            out.add("vi-muoi");            // mười
        } else {
            out.add(digit(tens));
            out.add("vi-muoi-huyen");      // mươi
        }
        if (units == 0) {
            return out;
        }
        if (units == 5) {
            out.add("vi-lam");             // lăm
        } else if (units == 1 && tens > 1) {
            out.add("vi-mot-sac");         // mốt
        } else if (units == 4 && tens > 1) {
            out.add("vi-tu");              // tư
        } else {
            out.add(digit(units));
        }
        return out;
    }

    /** The same rules written out, for the on-screen text and the tests. */
    public static String counterWords(int n) {
        StringBuilder sb = new StringBuilder();
        for (String clip : counter(n)) {
            if (!sb.isEmpty()) {
                sb.append(' ');
            }
            sb.append(VoiceWords.text(clip));
        }
        return sb.toString();
    }
}
