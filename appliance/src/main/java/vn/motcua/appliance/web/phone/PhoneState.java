package vn.motcua.appliance.web.phone;

import java.util.LinkedHashMap;
import java.util.Map;

import vn.motcua.appliance.domain.QueueEngine;
import vn.motcua.appliance.domain.ServiceDef;
import vn.motcua.appliance.domain.Ticket;

/**
 * What the phone page shows of one ticket, built under the queue's lock from the ticket found by its number (no scan
 * of the day) and the engine's estimate for it: the number, the service, people ahead, estimated wait, where it is in
 * both languages, and the counter calling it. Nothing about the resident (no resident key, no clerk, no times of
 * other tickets): whoever holds the link learns only what the hall display already shows about this number.
 */
record PhoneState(String number, String serviceVi, String serviceEn, String status, int peopleAhead,
                  long estimatedWaitSeconds, int counter, long callId, String stateVi, String stateEn) {

    /** Whether the ticket is over: served, or a no-show past its window (the page says so and stops asking). */
    boolean finished() {
        return status.equals("finished");
    }

    static PhoneState of(QueueEngine e, Ticket t) {
        ServiceDef s = e.layout().service(t.service()).orElse(null);
        int counter = t.targetCounter() != 0 && t.isWaiting() ? t.targetCounter() : t.counter();
        // a recall is a new call: the page alerts again
        long callId = t.calledAt() == null ? 0 : t.calledAt().toEpochMilli() + t.recalls();
        String status;
        String vi;
        String en;
        switch (t.status()) {
            case WAITING -> {
                status = "waiting";
                vi = "Đang chờ đến lượt";
                en = "Waiting for your turn";
            }
            case CALLED -> {
                status = "called";
                vi = "Số của bạn đang được gọi tới Quầy " + counter;
                en = "Your number is being called at counter " + counter;
            }
            case SERVING -> {
                status = "serving";
                vi = "Đang được phục vụ tại Quầy " + counter;
                en = "Being served at counter " + counter;
            }
            case PARKED -> {
                status = "parked";
                vi = "Đang tạm hoãn: bổ sung giấy tờ rồi báo Quầy " + counter;
                en = "On hold: bring the missing papers and tell counter " + counter;
            }
            case NO_SHOW -> {
                status = "no_show";
                vi = "Đã gọi nhưng bạn vắng mặt: vui lòng báo Quầy " + counter + " để được gọi lại";
                en = "You were called but absent: please ask counter " + counter + " to call you again";
            }
            default -> { // FINISHED, EXPIRED
                status = "finished";
                vi = "Phiếu này đã kết thúc";
                en = "This ticket is finished";
            }
        }
        boolean waiting = t.isWaiting();
        return new PhoneState(t.number(), s == null ? t.service() : s.nameVi(), s == null ? t.service() : s.nameEn(),
                status, waiting ? e.peopleAheadOf(t) : 0, waiting ? e.estimatedWaitSecondsOf(t) : 0, counter, callId,
                vi, en);
    }

    /** The estimated wait in words; empty when the ticket no longer waits. */
    String waitVi() {
        if (!status.equals("waiting")) {
            return "";
        }
        long min = (estimatedWaitSeconds + 59) / 60;
        return peopleAhead == 0 ? "Sắp đến lượt bạn" : estimatedWaitSeconds < 60 ? "dưới 1 phút" : "khoảng " + min + " phút";
    }

    String waitEn() {
        if (!status.equals("waiting")) {
            return "";
        }
        long min = (estimatedWaitSeconds + 59) / 60;
        return peopleAhead == 0 ? "You are next" : estimatedWaitSeconds < 60 ? "under 1 minute" : "about " + min + " min";
    }

    /** The JSON the page's script reads. */
    Map<String, Object> json(long refreshSeconds) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("number", number);
        m.put("service_vi", serviceVi);
        m.put("service_en", serviceEn);
        m.put("status", status);
        m.put("people_ahead", peopleAhead);
        m.put("estimated_wait_seconds", estimatedWaitSeconds);
        m.put("wait_vi", waitVi());
        m.put("wait_en", waitEn());
        m.put("counter", counter);
        m.put("call_id", callId);
        m.put("state_vi", stateVi);
        m.put("state_en", stateEn);
        m.put("refresh_seconds", refreshSeconds);
        return m;
    }
}
