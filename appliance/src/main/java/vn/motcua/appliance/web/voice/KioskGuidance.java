package vn.motcua.appliance.web.voice;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * What the kiosk says when a resident presses "Hướng dẫn bằng giọng nói / Voice guidance" (or, if the office wants,
 * after a ticket from a service button): a short script per kiosk screen, Vietnamese first, then the same in English,
 * as the ordered clip names {@link VoiceClips} joins into one sound. Each sentence is a clip of its own, made once by
 * espeak-ng like the call's words (an office may record its own, same name); the ticket number is read from the call's
 * letter and digit clips, so no clip is made per number. The guidance is always in both languages, whatever
 * {@code [voice] languages} says of the calls: it is asked for, it delays no one, and the button says "Voice guidance"
 * to a resident who reads English.
 */
public enum KioskGuidance {
    /** The start screen: how to choose a service, priority first, the physical buttons (if any), where the ticket comes out. */
    START("start", false, "start-choose", "start-priority", Step.BUTTONS, "start-take", "start-large-text", "again"),
    /** The start screen on a closed day of {@code [calendar] closed_days}: no tickets, the look-up still works. */
    CLOSED("closed", false, "closed", "closed-lookup", "again"),
    /** A ticket just taken and printed (or printing): the number, take the paper, wait for the screen and the voice. */
    TICKET("ticket", true, "your-number", Step.NUMBER, "ticket-take", "ticket-wait"),
    /** A ticket taken while the printer cannot print it: the number is on screen, photograph it. */
    TICKET_ON_SCREEN("ticket-on-screen", true, "your-number", Step.NUMBER, "ticket-photo", "ticket-wait"),
    /** A resident scanned their own ticket: its number, and that its state is on screen. */
    TICKET_STATE("ticket-state", true, "your-ticket", Step.NUMBER, "ticket-state", "ask-staff"),
    /** The on-screen keyboard for a dossier code. */
    TYPING("typing", false, "typing"),
    /** A dossier's status on screen. */
    DOSSIER("dossier", false, "dossier", "ask-staff");

    /** The scripts' two steps that are not plain sentences (a holder of their own: enum constants cannot name the enum's). */
    private static final class Step {
        /** The ticket number, read letter then digits. */
        static final String NUMBER = "#number";
        /** The sentence about the service buttons, said only where the office has them. */
        static final String BUTTONS = "start-buttons";
    }

    /** Every sentence, by name: Vietnamese, English. Clips are {@code vi-guide-<name>} and {@code en-guide-<name>}. */
    private static final Map<String, String[]> SENTENCES = new LinkedHashMap<>();

    static {
        sentence("start-choose", "Để lấy số thứ tự, hãy chạm vào tên dịch vụ bạn cần trên màn hình.",
                "To take a number, touch the name of the service you need on the screen.");
        sentence("start-priority", "Nếu bạn thuộc diện ưu tiên, như người cao tuổi, hãy chạm vào ô ưu tiên ở phía trên trước.",
                "If you have priority, for example as an elderly person, first touch your priority at the top.");
        sentence(Step.BUTTONS, "Bạn cũng có thể bấm nút dịch vụ trên máy. Mỗi nút lấy số cho một dịch vụ, như trên màn hình.",
                "You can also press a service button on the machine. Each button takes a number for one service, as the screen does.");
        sentence("start-take", "Phiếu số in ra ở khe máy in. Nếu máy in hỏng, số của bạn sẽ hiện trên màn hình.",
                "Your ticket comes out of the printer slot. If the printer is not working, your number is shown on the screen.");
        sentence("start-large-text", "Chạm vào nút Chữ lớn để chữ to và rõ hơn.",
                "Touch Large text to make the words bigger and clearer.");
        sentence("again", "Bấm nút Hướng dẫn bằng giọng nói để nghe lại.",
                "Press Voice guidance to hear this again.");
        sentence("closed", "Hôm nay bộ phận một cửa nghỉ, không lấy số thứ tự.",
                "The office is closed today. No numbers are given.");
        sentence("closed-lookup", "Bạn vẫn có thể tra cứu hồ sơ: quét giấy hẹn, hoặc chạm vào ô tra cứu hồ sơ ở cuối màn hình.",
                "You can still check your dossier: scan your appointment slip, or touch the dossier box at the bottom of the screen.");
        sentence("your-number", "Số của bạn là", "Your number is");
        sentence("ticket-take", "Hãy lấy phiếu ở khe máy in.", "Please take your ticket from the printer slot.");
        sentence("ticket-photo", "Máy in không in được phiếu. Số của bạn ở trên màn hình này: hãy chụp ảnh hoặc ghi lại.",
                "The printer could not print your ticket. Your number is on this screen: please take a photo of it or write it down.");
        sentence("ticket-wait", "Hãy chờ đến khi số của bạn hiện trên màn hình lớn và được đọc trên loa, rồi đến quầy được gọi.",
                "Wait until your number is shown on the hall screen and called by the voice, then go to the counter it names.");
        sentence("your-ticket", "Phiếu của bạn là số", "Your ticket is number");
        sentence("ticket-state", "Tình trạng của phiếu và số người chờ trước bạn ghi trên màn hình.",
                "Its state and the people ahead of you are shown on the screen.");
        sentence("ask-staff", "Nếu cần giúp đỡ, xin hỏi cán bộ ở quầy.", "If you need help, please ask the staff at a counter.");
        sentence("typing", "Gõ mã hồ sơ ghi trên giấy hẹn bằng các phím trên màn hình, rồi chạm vào Tra cứu. Chạm Quay lại để trở về.",
                "Type the dossier code from your appointment slip with the keys on the screen, then touch Look up. Touch Back to go back.");
        sentence("dossier", "Tình trạng hồ sơ của bạn ghi trên màn hình. Chạm Xong, hoặc quét giấy hẹn khác để tiếp tục.",
                "Your dossier's status is shown on the screen. Touch Done, or scan another slip to go on.");
    }

    private final String state;
    private final boolean needsNumber;
    private final List<String> script;

    KioskGuidance(String state, boolean needsNumber, String... script) {
        this.state = state;
        this.needsNumber = needsNumber;
        this.script = List.of(script);
    }

    private static void sentence(String name, String vi, String en) {
        SENTENCES.put(name, new String[] {vi, en});
    }

    /** The name the kiosk page gives this screen ({@code /voice/guide?state=...}). */
    public String state() {
        return state;
    }

    /** Whether the script reads a ticket number. */
    public boolean needsNumber() {
        return needsNumber;
    }

    public static Optional<KioskGuidance> of(String state) {
        for (KioskGuidance g : values()) {
            if (g.state.equals(state)) {
                return Optional.of(g);
            }
        }
        return Optional.empty();
    }

    /**
     * The guidance as clip names: the Vietnamese script, a pause, the English script.
     *
     * @param number  the ticket number for the screens that show one, else ignored
     * @param buttons whether the office has service buttons (the start screen then says they take a number too)
     */
    public List<String> clips(String number, boolean buttons) {
        if (needsNumber && (number == null || !CallAnnouncement.NUMBER.matcher(number).matches())) {
            throw new IllegalArgumentException("the " + state + " guidance reads a ticket number: a letter and 3-4 digits");
        }
        List<String> out = new ArrayList<>();
        for (String lang : List.of("vi", "en")) {
            if (!out.isEmpty()) {
                out.add(VoiceClips.PAUSE);
            }
            for (String step : script) {
                if (step.equals(Step.NUMBER)) {
                    out.addAll(lang.equals("vi") ? CallAnnouncement.numberVi(number) : CallAnnouncement.numberEn(number));
                } else if (!step.equals(Step.BUTTONS) || buttons) {
                    out.add(lang + "-guide-" + step);
                }
            }
        }
        return out;
    }

    /** What {@link #clips} says in Vietnamese, as text (the tests, and the page's words beside the sound). */
    public String textVi(String number, boolean buttons) {
        return text(0, number, buttons);
    }

    public String textEn(String number, boolean buttons) {
        return text(1, number, buttons);
    }

    private String text(int lang, String number, boolean buttons) {
        StringBuilder sb = new StringBuilder();
        for (String step : script) {
            String words = step.equals(Step.NUMBER) ? number.toUpperCase(Locale.ROOT) + "."
                    : step.equals(Step.BUTTONS) && !buttons ? null : SENTENCES.get(step)[lang];
            if (words != null) {
                sb.append(sb.isEmpty() ? "" : " ").append(words);
            }
        }
        return sb.toString();
    }

    /** Every sentence clip, name to the words espeak-ng speaks ({@link VoiceWords} makes them with the call's words). */
    static Map<String, String> sentenceClips() {
        Map<String, String> m = new LinkedHashMap<>();
        SENTENCES.forEach((name, words) -> {
            m.put("vi-guide-" + name, words[0]);
            m.put("en-guide-" + name, words[1]);
        });
        return Collections.unmodifiableMap(m);
    }
}
