package vn.motcua.appliance.web.pages;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;

import vn.motcua.appliance.domain.BookingRules;
import vn.motcua.appliance.domain.CommandResult;
import vn.motcua.appliance.domain.QueueEvent.BookingCheckedIn;
import vn.motcua.appliance.domain.QueueEvent.TicketIssued;
import vn.motcua.appliance.domain.QueueRefusedException;
import vn.motcua.appliance.domain.ServiceDef;
import vn.motcua.appliance.service.BookingDesk;
import vn.motcua.appliance.service.QueueService;
import vn.motcua.appliance.store.StorePausedException;
import vn.motcua.appliance.store.StoreException;
import vn.motcua.appliance.web.ErrorCatalogue;
import vn.motcua.appliance.web.HttpError;
import vn.motcua.appliance.web.QueueJson;

/**
 * A booking's check-in as the kiosk shows it, typed ({@code POST /kiosk/booking}) or scanned (pushed to the kiosk as a
 * {@code scan} of kind {@code booking}): the ticket, the booking's service and slot in the office's time, and what the
 * check-in means for the resident (early: called from the slot; on time: ahead of walk-ins; late: a walk-in ticket).
 */
public final class BookingAnswer {
    private static final DateTimeFormatter HHMM = DateTimeFormatter.ofPattern("HH:mm");

    private final QueueService queue;
    private final BookingDesk desk;

    public BookingAnswer(QueueService queue, BookingDesk desk) {
        this.queue = queue;
        this.desk = desk;
    }

    /** Checks in; throws the desk's {@link QueueRefusedException} or a store failure, having changed nothing. */
    public Map<String, Object> checkIn(String scannedOrTyped) {
        CommandResult r = desk.checkIn(scannedOrTyped);
        BookingCheckedIn in = r.events().stream().filter(e -> e instanceof BookingCheckedIn).map(e -> (BookingCheckedIn) e)
                .findFirst().orElseThrow();
        Map<String, Object> ticket = queue.read(e -> QueueJson.ticket(e, r.ticket()));
        r.events().stream().filter(e -> e instanceof TicketIssued).map(e -> (TicketIssued) e).findFirst().ifPresent(e -> {
            ticket.put("people_ahead", e.peopleAhead());
            ticket.put("estimated_wait_seconds", e.estimatedWaitSeconds());
        });
        ZoneId zone = queue.layout().rules().zone();
        ServiceDef svc = queue.layout().service(in.service()).orElse(null);
        Map<String, Object> b = new LinkedHashMap<>();
        b.put("code", in.code());
        b.put("service_name_vi", svc == null ? in.service() : svc.nameVi());
        b.put("service_name_en", svc == null ? in.service() : svc.nameEn());
        b.put("slot_start", local(in.slotStart(), zone));
        b.put("slot_end", local(in.slotEnd(), zone));
        b.put("outcome", in.outcome());
        b.put("walk_in", BookingCheckedIn.LATE.equals(in.outcome()));
        String[] words = words(in.outcome(), local(in.slotStart(), zone), queue.layout().rules().bookings());
        b.put("message_vi", words[0]);
        b.put("message_en", words[1]);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("ticket", ticket);
        out.put("booking", b);
        return out;
    }

    /** What the kiosk shows for a scanned booking: {@code ok} with the check-in, or the refusal's bilingual words. */
    public Map<String, Object> forScan(String scanned) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("kind", "booking");
        try {
            m.put("ok", true);
            m.putAll(checkIn(scanned));
        } catch (QueueRefusedException e) {
            refusal(m, ErrorCatalogue.refused(e.reason(), null));
        } catch (StorePausedException e) {
            refusal(m, paused(e));
        } catch (StoreException e) {
            refusal(m, ErrorCatalogue.STORE_UNAVAILABLE.error());
        }
        return m;
    }

    /** A full or failing store refused the ticket: the catalogue's answer, as {@code POST /api/tickets} gives it. */
    static HttpError paused(StorePausedException e) {
        ErrorCatalogue c = ErrorCatalogue.valueOf(e.code());
        return c.parts() == 1 ? c.error(ErrorCatalogue.NEW_TICKETS_PAUSED) : c.error();
    }

    private static void refusal(Map<String, Object> m, HttpError e) {
        m.put("ok", false);
        m.putAll(e.body()); // the code and the catalogue's words, Vietnamese first
    }

    private static String local(Instant t, ZoneId zone) {
        return HHMM.format(t.atZone(zone));
    }

    private static String[] words(String outcome, String slot, BookingRules rules) {
        return switch (outcome) {
            case BookingCheckedIn.EARLY -> rules.earlyArrivalsWait()
                    ? new String[] {"Bạn đến sớm: số của bạn sẽ được gọi từ " + slot + ", giờ hẹn của bạn.",
                            "You are early: your number will be called from " + slot + ", your booked time."}
                    : new String[] {"Bạn đến sớm: bạn chờ như khách không hẹn; từ " + slot + " bạn được gọi trước.",
                            "You are early: you wait as a walk-in; from " + slot + " you are called first."};
            case BookingCheckedIn.LATE -> new String[] {
                    "Bạn đến trễ quá thời gian cho phép sau giờ hẹn " + slot + ": số của bạn là số thường, gọi theo thứ tự.",
                    "You came after the grace time of your " + slot + " appointment: this is a regular ticket, called in turn."};
            default -> new String[] {"Đã nhận lịch hẹn: bạn được gọi trước người không có lịch hẹn.",
                    "Appointment checked in: you are called ahead of residents without one."};
        };
    }
}
