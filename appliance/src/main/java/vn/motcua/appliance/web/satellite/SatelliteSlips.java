package vn.motcua.appliance.web.satellite;

import java.util.Map;
import java.util.function.Supplier;

import vn.motcua.appliance.domain.CommandResult;
import vn.motcua.appliance.domain.OfficeLayout;
import vn.motcua.appliance.domain.QueueEvent;
import vn.motcua.appliance.domain.Ticket;
import vn.motcua.appliance.domain.TicketQr;
import vn.motcua.appliance.web.QueueJson;

/**
 * What a satellite is told of the ticket it took: everything its printer puts on paper, decided here on the master
 * (the QR text and the phone page's short code come from the master's own secret, which never leaves it), so a
 * satellite prints exactly what the master's own printer would, and needs no copy of the office's layout.
 */
public final class SatelliteSlips {
    private final Supplier<OfficeLayout> layout;
    private final TicketQr qr;
    private final String officeNameVi;

    public SatelliteSlips(Supplier<OfficeLayout> layout, TicketQr qr, String officeNameVi) {
        this.layout = layout;
        this.qr = qr;
        this.officeNameVi = officeNameVi;
    }

    /**
     * The ticket {@code r} issued, as stored with its press key: no QR text or phone code in it, as those carry the
     * phone page's key for the ticket, which the stored event (sent to the district) has no need of; {@link #paper}
     * adds them to each answer.
     */
    Map<String, Object> reply(CommandResult r) {
        Ticket t = r.ticket();
        QueueEvent.TicketIssued issued = r.events().stream().filter(e -> e instanceof QueueEvent.TicketIssued)
                .map(e -> (QueueEvent.TicketIssued) e).findFirst()
                .orElseThrow(() -> new IllegalStateException("a ticket command without its ticket.issued event"));
        Map<String, Object> m = QueueJson.ticket(layout.get(), t); // as the kiosk's own API answers it, and:
        m.put("people_ahead", issued.peopleAhead());
        m.put("estimated_wait_seconds", issued.estimatedWaitSeconds());
        return m;
    }

    /** {@code stored} with what goes on paper besides: the office's name, the QR text, the phone page's code. */
    Map<String, Object> paper(Map<String, Object> stored) {
        Map<String, Object> m = new java.util.LinkedHashMap<>(stored);
        String number = String.valueOf(stored.get("number"));
        java.time.Instant at = java.time.Instant.parse(String.valueOf(stored.get("issued_at")));
        m.put("office_name_vi", officeNameVi);
        m.put("qr", qr.text(number, at));
        m.put("short_code", qr.shortCode(number, at).orElse(""));
        m.put("phone_entry", qr.phoneEntry().orElse(""));
        return m;
    }
}
