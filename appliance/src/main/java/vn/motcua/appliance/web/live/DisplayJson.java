package vn.motcua.appliance.web.live;

import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import vn.motcua.appliance.domain.QueueEngine;
import vn.motcua.appliance.domain.ServiceDef;
import vn.motcua.appliance.domain.Ticket;
import vn.motcua.appliance.web.QueueJson;
import vn.motcua.appliance.web.voice.CallAnnouncement;

/** The messages the screens receive: a full snapshot on connect, then calls and queue changes. */
final class DisplayJson {
    /** Calls the display lists; older ones scroll off. */
    static final int RECENT_CALLS = 8;

    private DisplayJson() {}

    /** @param callRepeat how many times the display plays each call ({@code [voice] repeat}) */
    static Map<String, Object> snapshot(QueueEngine e, Map<String, Object> office, Notice notice, Instant now, int callRepeat) {
        Map<String, Object> m = new LinkedHashMap<>(QueueJson.queue(e));
        m.put("office", office);
        m.put("call_repeat", callRepeat);
        m.put("notice", notice.json());
        m.put("server_time", now.toEpochMilli());
        m.put("zone", e.layout().rules().zone().getId());
        m.put("recent_calls", e.recentCalls(Integer.MAX_VALUE).stream().filter(t -> t.calledAt() != null)
                .limit(RECENT_CALLS).map(t -> call(e, t.number(), t.service(), t.counter(), t.calledAt(), t.recalls() > 0, false)).toList());
        return m;
    }

    static Map<String, Object> queue(QueueEngine e) {
        return QueueJson.queue(e);
    }

    /**
     * @param announce whether screens should play it: true for live calls, false for calls listed in a snapshot
     */
    static Map<String, Object> call(QueueEngine e, String number, String service, int counter, Instant at, boolean recall,
                                    boolean announce) {
        ServiceDef s = e.layout().service(service).orElse(null);
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("number", number);
        m.put("counter", counter);
        m.put("service", service);
        m.put("service_name_vi", s == null ? service : s.nameVi());
        m.put("service_name_en", s == null ? service : s.nameEn());
        m.put("at", at.toEpochMilli());
        m.put("recall", recall);
        if (announce) {
            m.put("clips", CallAnnouncement.clips(number, counter));
            m.put("text_vi", CallAnnouncement.textVi(number, counter));
            m.put("text_en", CallAnnouncement.textEn(number, counter));
        }
        return m;
    }

    static List<String> serviceOf(QueueEngine e, String ticketId) {
        return e.ticketById(ticketId).map(Ticket::service).stream().toList();
    }
}
