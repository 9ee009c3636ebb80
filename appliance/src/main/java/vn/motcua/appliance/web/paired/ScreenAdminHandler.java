package vn.motcua.appliance.web.paired;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.fasterxml.jackson.databind.JsonNode;

import vn.motcua.appliance.domain.OfficeLayout;
import vn.motcua.appliance.web.ErrorCatalogue;
import vn.motcua.appliance.web.Exchange;
import vn.motcua.appliance.web.HttpError;
import vn.motcua.appliance.web.auth.Sessions;
import vn.motcua.appliance.web.auth.StaffGate;

/**
 * The manager's side of pairing, on {@code /manager}: {@code GET /manager/screens} lists every screen ever paired
 * (name, role, services or counter, online now, last seen, revoked) with the office's services and counters to choose
 * from; {@code POST /manager/screens} {"code","name","role","services":[...],"counters":[...],"counter":n} confirms a
 * screen's code (a display: some services and/or some counters, none chosen meaning all; a counter screen: its one
 * counter);
 * {@code POST /manager/screens/{id}/revoke} revokes one. A logged-in manager only, every POST with the session's CSRF
 * token, as the staff screen. Everything is checked before the code is taken, so a bad name or scope leaves the code
 * waiting; a wrong code counts against the manager's PC ({@link Pairing#ATTEMPTS_PER_MINUTE}) and changes nothing.
 */
public final class ScreenAdminHandler extends Handler.Abstract {
    private static final Logger log = LoggerFactory.getLogger(ScreenAdminHandler.class);
    public static final String LIST = "/manager/screens";
    public static final Pattern REVOKE = Pattern.compile("/manager/screens/(\\d{1,12})/revoke");
    private static final Pattern NAME = Pattern.compile("[^\\p{Cntrl}]{1,64}");
    private static final int MAX_CHOSEN = 64;

    private final Pairing pairing;
    private final StaffGate gate;
    private final OfficeLayout layout;
    private final java.util.function.Supplier<Set<Long>> online;
    private final java.util.function.LongFunction<List<Map<String, Object>>> faults;

    /**
     * @param online     the screens there now (a live feed open, or a satellite kiosk reporting its devices): the
     *                   same answer {@link ScreenPresence} reports offline screens from
     * @param faults     a satellite's devices at fault as it last reported them (device, reason, detail)
     */
    public ScreenAdminHandler(Pairing pairing, StaffGate gate, OfficeLayout layout,
                              java.util.function.Supplier<Set<Long>> online,
                              java.util.function.LongFunction<List<Map<String, Object>>> faults) {
        this.pairing = pairing;
        this.gate = gate;
        this.layout = layout;
        this.online = online;
        this.faults = faults;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        Exchange x = new Exchange(request, response, callback, 4096);
        Matcher revoke = REVOKE.matcher(x.path);
        String source = Sources.of(request);
        try {
            Optional<Sessions.Session> s = gate.session(request).filter(z -> z.account().isManager());
            if (s.isEmpty()) {
                throw ErrorCatalogue.MANAGER_ONLY.error();
            }
            if (x.path.equals(LIST) && x.method.equals("GET")) {
                x.json(200, listing());
                return true;
            }
            if (!x.method.equals("POST")) {
                throw ErrorCatalogue.METHOD.errorWithDetail("use GET to list, POST to change");
            }
            if (!gate.allowsManager(request)) {
                throw ErrorCatalogue.CSRF.error();
            }
            String by = s.get().account().name();
            if (revoke.matches()) {
                if (!pairing.screens().revoke(Long.parseLong(revoke.group(1)), by)) {
                    throw ErrorCatalogue.NO_SCREEN.error();
                }
            } else {
                confirm(x.body(), source, by);
            }
            x.json(200, listing());
        } catch (HttpError e) {
            log.info("Screens screen refused {} {} from {}: {} {}", x.method, x.path, source, e.status, e.code);
            e.send(x);
        }
        return true;
    }

    private void confirm(JsonNode b, String source, String by) {
        pairing.refuseIfThrottled(source);
        if (b.isNull() || b.isMissingNode()) {
            throw ErrorCatalogue.MISSING_BODY.error();
        }
        String name = b.path("name").isTextual() ? b.path("name").textValue().strip() : "";
        if (!NAME.matcher(name).matches()) {
            throw ErrorCatalogue.BAD_SCREEN_NAME.error();
        }
        ScreenRole role = ScreenRole.of(b.path("role").asText("")).orElseThrow(ErrorCatalogue.BAD_SCREEN_ROLE::error);
        // a satellite kiosk takes tickets of every service and shows the whole queue: no scope to choose
        Set<String> services = role == ScreenRole.SATELLITE ? Set.of() : services(b.get("services"));
        Set<Integer> counters = switch (role) {
            case COUNTER_SCREEN -> Set.of(counter(b.get("counter")));
            case SATELLITE -> Set.of();
            case DISPLAY -> counters(b.get("counters"));
        };
        if (!b.path("code").isTextual()) {
            throw ErrorCatalogue.MISSING_FIELD.error("code");
        }
        PairingCodes.Pending taken = pairing.codes().take(b.path("code").textValue()).orElse(null);
        if (taken == null) {
            pairing.miss(source, "wrong, expired or used code typed by " + by);
            throw ErrorCatalogue.PAIRING_CODE_UNKNOWN.error();
        }
        PairedScreens.Paired paired;
        try {
            paired = pairing.screens().pair(name, role, services, counters);
        } catch (IllegalStateException full) {
            throw ErrorCatalogue.TOO_MANY_PAIRED.error();
        }
        pairing.codes().deliver(taken, paired);
        log.info("Screen {} \"{}\" confirmed by manager {} for the screen at {}", paired.screen().id(),
                name.replaceAll("\\p{Cntrl}", "?"), by, taken.source());
    }

    /** The services chosen: codes the office has, at most {@value #MAX_CHOSEN}; none chosen is every service. */
    private Set<String> services(JsonNode n) {
        if (n == null || n.isNull()) {
            return Set.of();
        }
        if (!n.isArray() || n.size() > MAX_CHOSEN) {
            throw ErrorCatalogue.BAD_SCREEN_SERVICES.error();
        }
        Set<String> out = new LinkedHashSet<>();
        for (JsonNode s : n) {
            if (!s.isTextual() || layout.service(s.textValue()).isEmpty()) {
                throw ErrorCatalogue.BAD_SCREEN_SERVICES.error();
            }
            out.add(s.textValue());
        }
        return out;
    }

    /** The counters a display is limited to: the office's, at most {@value #MAX_CHOSEN}; none chosen is every counter. */
    private Set<Integer> counters(JsonNode n) {
        if (n == null || n.isNull()) {
            return Set.of();
        }
        if (!n.isArray() || n.size() > MAX_CHOSEN) {
            throw ErrorCatalogue.BAD_SCREEN_COUNTERS.error();
        }
        Set<Integer> out = new LinkedHashSet<>();
        for (JsonNode c : n) {
            if (!c.isIntegralNumber() || !c.canConvertToInt() || layout.counter(c.intValue()).isEmpty()) {
                throw ErrorCatalogue.BAD_SCREEN_COUNTERS.error();
            }
            out.add(c.intValue());
        }
        return out;
    }

    private int counter(JsonNode n) {
        if (n == null || !n.isIntegralNumber() || !n.canConvertToInt() || layout.counter(n.intValue()).isEmpty()) {
            throw ErrorCatalogue.BAD_SCREEN_COUNTER.error();
        }
        return n.intValue();
    }

    private Map<String, Object> listing() {
        Set<Long> up = online.get();
        List<Map<String, Object>> screens = new ArrayList<>();
        for (PairedScreen s : pairing.screens().all()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("id", s.id());
            m.put("name", s.name());
            m.put("role", s.role().word());
            m.put("role_vi", s.role().vi());
            m.put("role_en", s.role().en());
            m.put("services", s.services());
            m.put("counters", s.counters());
            boolean satellite = s.role() == ScreenRole.SATELLITE;
            m.put("online", !s.revoked() && up.contains(s.id()));
            m.put("faults", satellite && !s.revoked() ? faults.apply(s.id()) : List.of());
            m.put("created", s.created().toEpochMilli());
            m.put("last_seen", s.lastSeen() == null ? null : s.lastSeen().toEpochMilli());
            m.put("revoked", s.revokedAt() == null ? null : s.revokedAt().toEpochMilli());
            m.put("revoked_by", s.revokedBy());
            screens.add(m);
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("screens", screens);
        out.put("services", layout.services().stream().map(s -> Map.of("code", s.code(), "name_vi", s.nameVi(),
                "name_en", s.nameEn())).toList());
        out.put("counters", layout.counters().stream().map(c -> Map.of("number", c.number(), "name", c.name())).toList());
        return out;
    }
}
