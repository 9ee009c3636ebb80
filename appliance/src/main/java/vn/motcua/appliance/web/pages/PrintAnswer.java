package vn.motcua.appliance.web.pages;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import vn.motcua.appliance.devices.printer.PrintOutcome;
import vn.motcua.appliance.devices.printer.PrinterFault;
import vn.motcua.appliance.devices.printer.PrinterStatus;

/**
 * What the kiosk tells a resident about the paper ticket, from what is really known: printed and confirmed by the
 * printer ("take your ticket below"); sent whole to a printer that cannot answer (one-way link: take it below, but
 * note the number if none comes out); no printer here (number on screen, no paper promised); a fault before anything
 * was sent ("no ticket was printed") or after some was ("your ticket may be incomplete"), naming the fault in both
 * languages; too many tickets already waiting for the printer (busy); or not known in time. Every case but "printed" asks the resident to note the number or photograph the QR.
 */
final class PrintAnswer {
    private static final String KEEP_VI = "Vui lòng ghi nhớ số hoặc chụp ảnh mã QR trên màn hình.";
    private static final String KEEP_EN = "Please note your number or take a photo of the QR code on the screen.";
    /** The same request mid-sentence, after "if no ticket comes out". */
    private static final String KEEP_VI_AFTER_IF = "vui lòng ghi nhớ số hoặc chụp ảnh mã QR trên màn hình.";
    private static final String KEEP_EN_AFTER_IF = "please note your number or take a photo of the QR code on the screen.";

    private PrintAnswer() {}

    static Map<String, Object> printed() {
        return answer("printed", "Vui lòng nhận phiếu bên dưới.", "Please take your ticket below.", Set.of());
    }

    static Map<String, Object> noPrinter() {
        return answer("off", "Quầy này không in phiếu: số của bạn hiện trên màn hình. " + KEEP_VI,
                "No paper ticket here: your number is on the screen. " + KEEP_EN, Set.of());
    }

    static Map<String, Object> unknown() {
        return answer("unknown", "Chưa rõ phiếu đã được in hay chưa. Nếu không thấy phiếu, " + KEEP_VI_AFTER_IF,
                "Printing status unknown. If no ticket comes out, " + KEEP_EN_AFTER_IF, Set.of());
    }

    /** The whole ticket went to a printer that cannot report back (one-way USB link). */
    static Map<String, Object> sent() {
        return answer("sent", "Vui lòng nhận phiếu bên dưới. Nếu không thấy phiếu, " + KEEP_VI_AFTER_IF,
                "Please take your ticket below. If no ticket comes out, " + KEEP_EN_AFTER_IF, Set.of());
    }

    static Map<String, Object> of(PrintOutcome o) {
        if (o.printed()) {
            return o.status().health() == PrinterStatus.Health.UNKNOWN ? sent() : printed();
        }
        if (o.queueFull()) {
            return answer("busy", "Máy in đang bận với các phiếu trước: phiếu của bạn chưa được in. " + KEEP_VI,
                    "The printer is busy with earlier tickets: your ticket was not printed. " + KEEP_EN, Set.of());
        }
        Set<PrinterFault> f = o.status().faults();
        String vi;
        String en;
        if (f.contains(PrinterFault.PAPER_END)) {
            vi = "Máy in hết giấy";
            en = "The printer is out of paper";
        } else if (f.contains(PrinterFault.COVER_OPEN)) {
            vi = "Nắp máy in đang mở";
            en = "The printer cover is open";
        } else if (f.contains(PrinterFault.MECHANICAL_ERROR)) {
            vi = "Máy in bị kẹt hoặc hỏng";
            en = "The printer is jammed or broken";
        } else if (f.contains(PrinterFault.WRITE_FAILED)) {
            vi = "Máy in bị lỗi khi in";
            en = "The printer failed while printing";
        } else if (f.contains(PrinterFault.OFFLINE) || f.contains(PrinterFault.NO_RESPONSE) || f.contains(PrinterFault.LINK_DOWN)) {
            vi = "Máy in không hoạt động (mất kết nối)";
            en = "The printer is offline";
        } else {
            vi = "Máy in đang lỗi";
            en = "The printer is not working";
        }
        if (o.sent()) { // the fault came during or after the job: paper may be in the tray, maybe cut short
            return answer("fault", vi + ": phiếu có thể chưa được in đầy đủ. " + KEEP_VI,
                    en + ": your ticket may be incomplete. " + KEEP_EN, f);
        }
        return answer("fault", vi + ": phiếu chưa được in. " + KEEP_VI, en + ": no ticket was printed. " + KEEP_EN, f);
    }

    private static Map<String, Object> answer(String state, String vi, String en, Set<PrinterFault> faults) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("state", state);
        m.put("printed", state.equals("printed"));
        List<String> names = new ArrayList<>();
        faults.stream().map(Enum::name).sorted().forEach(names::add);
        m.put("faults", names);
        m.put("message_vi", vi);
        m.put("message_en", en);
        return m;
    }
}
