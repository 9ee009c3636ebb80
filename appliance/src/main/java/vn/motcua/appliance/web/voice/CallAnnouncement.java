package vn.motcua.appliance.web.voice;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The spoken call: a chime, then "Mời số A023 đến quầy số 5" in Vietnamese, then (unless the office speaks
 * Vietnamese only, {@link CallLanguages}) "Number A023, please go to counter 5" in English, as the ordered list of
 * clips {@link VoiceClips} joins into one sound.
 */
public final class CallAnnouncement {
    public static final Pattern NUMBER = Pattern.compile("[A-Z][0-9]{3,4}");

    private CallAnnouncement() {}

    /** The call in Vietnamese, then English. */
    public static List<String> clips(String number, int counter) {
        return clips(number, counter, CallLanguages.VIETNAMESE_THEN_ENGLISH);
    }

    public static List<String> clips(String number, int counter, CallLanguages languages) {
        check(number, counter);
        List<String> out = new ArrayList<>();
        out.add(VoiceClips.CHIME);
        out.add("vi-moi-so");
        out.addAll(numberVi(number));
        out.add("vi-den-quay-so");
        out.addAll(VietnameseNumbers.counter(counter));
        if (languages == CallLanguages.VIETNAMESE) {
            return out;
        }
        out.add("en-number");
        out.addAll(numberEn(number));
        out.add("en-please-go-to-counter");
        out.addAll(englishNumber(counter));
        return out;
    }

    /** A ticket number as the Vietnamese clips read it: its letter, then digit by digit ("A023": a, không, hai, ba). */
    static List<String> numberVi(String number) {
        List<String> out = new ArrayList<>();
        out.add("vi-letter-" + Character.toLowerCase(number.charAt(0)));
        for (int i = 1; i < number.length(); i++) {
            out.add(VietnameseNumbers.digit(number.charAt(i) - '0'));
        }
        return out;
    }

    /** The same in English: "A023" is ay, zero, two, three. */
    static List<String> numberEn(String number) {
        List<String> out = new ArrayList<>();
        out.add("en-letter-" + Character.toLowerCase(number.charAt(0)));
        for (int i = 1; i < number.length(); i++) {
            out.add("en-" + (number.charAt(i) - '0'));
        }
        return out;
    }

    public static String textVi(String number, int counter) {
        check(number, counter);
        return "Mời số " + number + " đến quầy số " + counter;
    }

    public static String textEn(String number, int counter) {
        check(number, counter);
        return "Number " + number + ", please go to counter " + counter;
    }

    static List<String> englishNumber(int n) {
        if (n < 20) {
            return List.of("en-" + n);
        }
        int tens = n / 10 * 10;
        return n % 10 == 0 ? List.of("en-" + tens) : List.of("en-" + tens, "en-" + n % 10);
    }

    private static void check(String number, int counter) {
        if (number == null || !NUMBER.matcher(number).matches()) {
            throw new IllegalArgumentException("ticket number must be a letter and 3-4 digits, was "
                    + (number == null ? "null" : number.substring(0, Math.min(number.length(), 12)).toUpperCase(Locale.ROOT)));
        }
        if (counter < 1 || counter > 99) {
            throw new IllegalArgumentException("counter number must be 1..99, was " + counter);
        }
    }
}
