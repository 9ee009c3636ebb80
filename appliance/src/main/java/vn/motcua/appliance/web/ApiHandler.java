package vn.motcua.appliance.web;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.fasterxml.jackson.databind.JsonNode;

import vn.motcua.appliance.domain.CommandResult;
import vn.motcua.appliance.domain.Priority;
import vn.motcua.appliance.domain.QueueEngine;
import vn.motcua.appliance.domain.QueueRefusedException;
import vn.motcua.appliance.service.Health;
import vn.motcua.appliance.service.QueueService;
import vn.motcua.appliance.store.StoreException;
import vn.motcua.appliance.store.StorePausedException;

/**
 * The local JSON API: take a ticket, counter actions, the queue now, health. Counter actions are accepted
 * only from this machine, or from a clerk logged in on /counter for that counter, whatever address Jetty binds.
 */
public final class ApiHandler extends Handler.Abstract {
    private static final Logger log = LoggerFactory.getLogger(ApiHandler.class);
    /** The API's paths of a shape: the route table names them, {@link #route} reads their parts. */
    public static final Pattern COUNTER_ACTION = Pattern.compile("/api/counters/(\\d{1,2})/([a-z-]{1,20})");
    public static final Pattern TICKET = Pattern.compile("/api/tickets/([A-Z][0-9]{3,4})");

    private final QueueService queue;
    private final Health health;
    private final int maxBody;
    private final AtomicLong badRequests = new AtomicLong();
    private final Supplier<Map<String, Long>> outboxCounts;
    private final CounterGate staff;

    /**
     * @param outboxCounts events in the outbox by type, for technicians
     * @param staff        lets a logged-in clerk act on a counter from another machine (the screens' staff login)
     */
    public ApiHandler(QueueService queue, Health health, int maxBody, Supplier<Map<String, Long>> outboxCounts,
                      CounterGate staff) {
        this.staff = staff;
        this.queue = queue;
        this.outboxCounts = outboxCounts;
        this.health = health;
        this.maxBody = maxBody;
        health.register("api", () -> Health.Status.ok("bad requests: " + badRequests.get()));
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        Exchange x = new Exchange(request, response, callback, maxBody);
        try {
            route(x);
        } catch (HttpError e) {
            badRequests.incrementAndGet();
            log.info("Refused {} {}: {} {} {}", x.method, sanitised(x.path), e.status, e.code,
                    e.detail == null ? "" : e.detail);
            e.send(x);
        } catch (QueueRefusedException e) {
            ErrorCatalogue.refused(e.reason(), e.getMessage()).send(x);
        } catch (StorePausedException e) {
            paused(e).send(x);
        } catch (StoreException e) {
            ErrorCatalogue.STORE_UNAVAILABLE.send(x);
        } catch (RuntimeException e) {
            log.error("API failure on {} {}", x.method, sanitised(x.path), e);
            ErrorCatalogue.INTERNAL.send(x);
        }
        return true;
    }

    private void route(Exchange x) {
        String p = x.path;
        if (p.equals("/healthz") && x.method.equals("GET")) {
            health(x);
        } else if (p.equals("/api/outbox/counts") && x.method.equals("GET")) {
            x.json(200, outboxCounts.get());
        } else if (p.equals("/api/queue") && x.method.equals("GET")) {
            x.json(200, queue.read(QueueJson::queue));
        } else if (p.equals("/api/tickets") && x.method.equals("POST")) {
            takeTicket(x);
        } else if (TICKET.matcher(p).matches() && x.method.equals("GET")) {
            String number = group(TICKET, p);
            Object t = queue.read(e -> e.ticket(number).map(tk -> QueueJson.ticket(e, tk)).orElse(null));
            if (t == null) {
                throw ErrorCatalogue.UNKNOWN_TICKET.errorWithDetail("no ticket " + number + " today");
            }
            x.json(200, Map.of("ticket", t));
        } else if (COUNTER_ACTION.matcher(p).matches()) {
            if (!x.method.equals("POST")) {
                throw ErrorCatalogue.METHOD.errorWithDetail("use POST for counter actions");
            }
            if (!x.fromLoopback() && !staff.allows(x.request, Integer.parseInt(group(COUNTER_ACTION, p)))) {
                throw ErrorCatalogue.LOOPBACK_ONLY.errorWithDetail("counter actions need a staff login; only this machine may call them");
            }
            counterAction(x);
        } else {
            throw ErrorCatalogue.NOT_FOUND.errorWithDetail("no such endpoint");
        }
    }

    private void health(Exchange x) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("ok", health.allOk());
        m.put("parts", health.snapshot());
        x.json(health.allOk() ? 200 : 503, m);
    }

    private void takeTicket(Exchange x) {
        JsonNode body = requireBody(x);
        String service = Fields.text(body, "service", Fields.CODE, true);
        Priority priority = Fields.enumValue(body, "priority", Priority.class, Priority.NORMAL);
        // the token the kiosk got when a citizen ID card was read there: links this ticket to the resident
        String card = Fields.text(body, "card", Fields.CARD_TOKEN, false);
        String residentKey = queue.residentCards().peek(card).orElse(null);
        CommandResult r = queue.execute(e -> e.issueTicket(service, priority, residentKey));
        if (residentKey != null) {
            queue.residentCards().used(card);
        }
        Map<String, Object> reply = ticketReply(r);
        reply.put("resident_linked", residentKey != null);
        x.json(201, reply);
    }

    private void counterAction(Exchange x) {
        Matcher m = COUNTER_ACTION.matcher(x.path);
        m.matches();
        int counter = Integer.parseInt(m.group(1));
        String action = m.group(2);
        JsonNode body = x.body();
        JsonNode b = body.isObject() ? body : com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode();
        Function<QueueEngine, CommandResult> command = switch (action) {
            case "call-next" -> e -> e.callNext(counter);
            case "recall" -> e -> e.recall(counter);
            case "skip" -> e -> e.skip(counter);
            case "start" -> e -> e.startService(counter);
            case "finish" -> e -> e.finish(counter);
            case "park" -> e -> e.park(counter);
            case "open" -> {
                String staff = openedBy(x, Fields.text(b, "staff", Fields.STAFF, false));
                yield e -> e.openCounter(counter, staff);
            }
            case "pause" -> e -> e.pauseCounter(counter);
            case "close" -> e -> e.closeCounter(counter);
            case "transfer" -> {
                String service = Fields.text(b, "service", Fields.CODE, false);
                if (service != null) {
                    yield e -> e.transferToService(counter, service);
                }
                int to = Fields.integer(b, "counter", 1, 99);
                yield e -> e.transferToCounter(counter, to);
            }
            case "recall-no-show" -> {
                String number = Fields.text(b, "number", Fields.TICKET_NUMBER, true);
                yield e -> e.recallNoShow(counter, number);
            }
            case "call-parked" -> {
                String number = Fields.text(b, "number", Fields.TICKET_NUMBER, true);
                yield e -> e.callParked(counter, number);
            }
            case "rate" -> {
                int score = Fields.integer(b, "score", 1, 4);
                yield e -> e.rate(counter, score);
            }
            default -> throw ErrorCatalogue.UNKNOWN_ACTION.errorWithDetail("no counter action '" + action + "'");
        };
        CommandResult r = queue.execute(command);
        x.json(200, ticketReply(r));
    }

    /**
     * Who opens the counter: with a staff login, the session's name (a manager acting for a counter is recorded as
     * the manager), and a body naming anyone else is refused; without one (this machine: keypads, the Pi's own
     * tools), the name in the body. Issue 21: clerk1 opened a counter as "boss".
     */
    private String openedBy(Exchange x, String named) {
        java.util.Optional<String> actor = staff.actor(x.request);
        if (actor.isEmpty()) {
            return named;
        }
        if (named != null && !named.equals(actor.get())) {
            log.warn("Counter open refused: staff '{}' named '{}' in the body", actor.get(), named);
            throw ErrorCatalogue.NOT_YOUR_NAME.error();
        }
        return actor.get();
    }

    private Map<String, Object> ticketReply(CommandResult r) {
        Map<String, Object> out = new LinkedHashMap<>();
        if (r.ticket() != null) {
            Map<String, Object> t = queue.read(e -> QueueJson.ticket(e, r.ticket()));
            r.events().stream().filter(ev -> ev instanceof vn.motcua.appliance.domain.QueueEvent.TicketIssued)
                    .map(ev -> (vn.motcua.appliance.domain.QueueEvent.TicketIssued) ev).findFirst().ifPresent(ev -> {
                        t.put("people_ahead", ev.peopleAhead());
                        t.put("estimated_wait_seconds", ev.estimatedWaitSeconds());
                    });
            out.put("ticket", t);
        }
        out.put("events", r.events().stream().map(ev -> ev.type()).toList());
        return out;
    }

    private static JsonNode requireBody(Exchange x) {
        JsonNode body = x.body();
        if (!body.isObject()) {
            throw ErrorCatalogue.MISSING_BODY.error();
        }
        return body;
    }

    private static String group(Pattern p, String s) {
        Matcher m = p.matcher(s);
        m.matches();
        return m.group(1);
    }

    /** A store too full or failing to take the command: its code, worded for what was refused (the satellites' desk too). */
    public static HttpError paused(StorePausedException e) {
        return e.code().equals(ErrorCatalogue.STORE_FULL.name())
                ? ErrorCatalogue.STORE_FULL.error(e.newTicket() ? ErrorCatalogue.NEW_TICKETS_PAUSED : ErrorCatalogue.ACTION_NOT_SAVED)
                : ErrorCatalogue.valueOf(e.code()).error();
    }

    static String sanitised(String s) {
        String clean = s.replaceAll("[^\\x20-\\x7e]", "?");
        return clean.length() > 100 ? clean.substring(0, 100) + "…" : clean;
    }

    public long badRequests() {
        return badRequests.get();
    }
}
