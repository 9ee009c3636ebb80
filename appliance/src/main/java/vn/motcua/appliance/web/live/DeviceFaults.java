package vn.motcua.appliance.web.live;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import vn.motcua.appliance.service.Health;

/**
 * The resident devices' current faults, read from a {@link Health} snapshot and worded for the clerk and the manager
 * (Vietnamese, English): what is wrong and what to do. Only the devices staff can act on are listed (printer, code
 * reader, counter boards, service buttons); the store, the uplink and the rest stay on /healthz for the technician.
 * A device that recovers simply drops out of the list. Pure: the same snapshot gives the same list.
 */
public final class DeviceFaults {
    /** Health parts that are devices in the office, in the order staff see them. */
    static final List<String> DEVICES = List.of("printer", "reader", "counter-bus", "buttons");
    /** Printer faults by their {@code PrinterFault} name, most urgent to act on first. */
    private static final String[][] PRINTER = {
            {"PAPER_END", "Máy in vé hết giấy — thay cuộn giấy mới", "Ticket printer out of paper — load a new roll"},
            {"COVER_OPEN", "Nắp máy in vé đang mở — đóng nắp lại", "Ticket printer cover open — close it"},
            {"MECHANICAL_ERROR", "Máy in vé bị kẹt dao cắt hoặc lỗi cơ", "Ticket printer cutter jam or mechanical error"},
            {"LINK_DOWN", "Mất kết nối máy in vé — kiểm tra cáp USB", "Ticket printer not connected — check its USB cable"},
            {"NO_RESPONSE", "Máy in vé không trả lời — kiểm tra nguồn", "Ticket printer not answering — check its power"},
            {"WRITE_FAILED", "Vé có thể bị in thiếu — kiểm tra máy in", "A ticket may be incomplete — check the printer"},
            {"OFFLINE", "Máy in vé đang ngừng (offline)", "Ticket printer offline"}};

    private DeviceFaults() {}

    /** One fault as the staff pages show it; {@code detail} is the technician's text from the device adapter. */
    public static List<Map<String, String>> from(Map<String, Health.Status> snapshot) {
        List<Map<String, String>> out = new ArrayList<>();
        for (String device : DEVICES) {
            Health.Status s = snapshot.get(device);
            if (s == null || s.ok()) {
                continue;
            }
            String[] text = words(device, s.state());
            Map<String, String> f = new LinkedHashMap<>();
            f.put("device", device);
            f.put("message_vi", text[0]);
            f.put("message_en", text[1]);
            f.put("detail", clip(s.detail() == null ? s.state() : s.detail()));
            out.add(f);
        }
        return List.copyOf(out);
    }

    private static String[] words(String device, String state) {
        return switch (device) {
            case "printer" -> {
                for (String[] p : PRINTER) {
                    if (state.contains(p[0])) {
                        yield new String[] {p[1], p[2]};
                    }
                }
                yield new String[] {"Máy in vé gặp lỗi", "Ticket printer fault"};
            }
            case "reader" -> new String[] {"Mất kết nối đầu đọc mã — kiểm tra cáp USB",
                    "Code reader not connected — check its USB cable"};
            case "counter-bus" -> new String[] {"Bảng số trên quầy mất kết nối — kiểm tra cáp RS-485",
                    "Counter board offline — check the RS-485 cable"};
            default -> new String[] {"Nút lấy số không hoạt động — báo kỹ thuật viên",
                    "Service buttons not working — call the technician"};
        };
    }

    private static String clip(String s) {
        String t = s.replaceAll("\\p{Cntrl}", "?");
        return t.length() > 200 ? t.substring(0, 200) + "…" : t;
    }
}
