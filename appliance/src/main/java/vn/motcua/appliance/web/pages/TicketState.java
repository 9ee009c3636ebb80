package vn.motcua.appliance.web.pages;

import java.util.Map;

import vn.motcua.appliance.domain.QueueEngine;
import vn.motcua.appliance.domain.Ticket;
import vn.motcua.appliance.web.QueueJson;

/**
 * A ticket as the kiosk shows it when the resident scans their own ticket's QR: where it is (waiting with people
 * ahead and an estimated wait, called to counter N, on hold, done, expired) in words for both languages.
 */
final class TicketState {
    private TicketState() {}

    static Map<String, Object> of(QueueEngine e, Ticket t) {
        Map<String, Object> m = QueueJson.ticket(e, t);
        m.put("people_ahead", e.peopleAheadOf(t));
        m.put("estimated_wait_seconds", e.estimatedWaitSecondsOf(t));
        int counter = t.targetCounter() != 0 && t.isWaiting() ? t.targetCounter() : t.counter();
        String[] words = switch (t.status()) {
            case WAITING -> new String[] {"Đang chờ đến lượt", "Waiting for your turn"};
            case CALLED, SERVING -> new String[] {"Mời đến quầy số " + counter, "Please go to counter " + counter};
            case PARKED -> new String[] {"Đang tạm hoãn: bổ sung giấy tờ rồi báo quầy số " + counter,
                    "On hold: bring the missing papers and tell counter " + counter};
            case NO_SHOW -> new String[] {"Đã gọi nhưng bạn vắng mặt: vui lòng báo quầy số " + counter + " để được gọi lại",
                    "You were called but absent: please ask counter " + counter + " to call you again"};
            case FINISHED -> new String[] {"Đã phục vụ xong. Xin cảm ơn!", "Done. Thank you!"};
            case EXPIRED -> new String[] {"Phiếu đã hết hạn, vui lòng lấy số mới", "This ticket has expired, please take a new number"};
        };
        m.put("state_vi", words[0]);
        m.put("state_en", words[1]);
        return m;
    }
}
