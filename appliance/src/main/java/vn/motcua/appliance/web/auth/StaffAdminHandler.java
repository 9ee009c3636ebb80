package vn.motcua.appliance.web.auth;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.fasterxml.jackson.databind.JsonNode;

import vn.motcua.appliance.domain.CounterDef;
import vn.motcua.appliance.web.ErrorCatalogue;
import vn.motcua.appliance.web.Exchange;
import vn.motcua.appliance.web.HttpError;

/**
 * The manager's staff screen on {@code /manager}: {@code GET /manager/staff} lists the accounts (never a hash);
 * {@code POST /manager/staff} {"name","role","counters","password","full_name"} adds one (the full name is
 * optional: what the office's reports print beside the login name); {@code POST
 * /manager/staff/{name}/disable|enable|password|counters|full-name} changes one. A logged-in manager only, and every POST
 * carries the session's CSRF token like the counter actions. Each change is written to the accounts file through
 * {@link StaffAccountsWriter} and put in force at once (a disabled clerk's or a reset password's sessions end),
 * logged with who made it, never the password, and sent to the district as a {@code staff.changed} event.
 */
public final class StaffAdminHandler extends Handler.Abstract {
    private static final Logger log = LoggerFactory.getLogger(StaffAdminHandler.class);
    /** A change to one account: the route table names this shape, the handler reads the name and the change. */
    public static final Pattern CHANGE = Pattern.compile("/manager/staff/([a-z0-9._-]{1,32})/(disable|enable|password|counters|full-name)");
    /** How long setting a password waits for a hash permit (logins share them) before it is answered "busy". */
    private static final Duration HASH_WAIT = Duration.ofSeconds(5);

    private final StaffAccountsFile file;
    private final StaffGate gate;
    private final PasswordChecks checks;
    private final List<CounterDef> counters;
    private final StaffChanges changes;

    /** @param changes where {@code staff.changed} goes: the outbox */
    public StaffAdminHandler(StaffAccountsFile file, StaffGate gate, PasswordChecks checks, List<CounterDef> counters,
                             StaffChanges changes) {
        this.file = file;
        this.gate = gate;
        this.checks = checks;
        this.counters = List.copyOf(counters);
        this.changes = changes;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        String p = Request.getPathInContext(request);
        Matcher m = CHANGE.matcher(p);
        boolean list = p.equals("/manager/staff");
        if (!list && !m.matches()) {
            return false;
        }
        Exchange x = new Exchange(request, response, callback, 4096);
        try {
            Optional<Sessions.Session> s = gate.session(request).filter(z -> z.account().isManager());
            if (s.isEmpty()) {
                throw ErrorCatalogue.MANAGER_ONLY.error();
            }
            if (list && x.method.equals("GET")) {
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
            if (list) {
                add(x, by);
            } else {
                change(x, m.group(1), m.group(2), by);
            }
        } catch (HttpError e) {
            log.info("Staff screen refused {} {}: {} {}", x.method, p, e.status, e.code);
            e.send(x);
        } catch (IllegalArgumentException e) {
            // the file on disk does not parse (a technician's edit): nothing is written over it
            log.warn("Staff screen refused {} {}: the accounts file does not parse: {}", x.method, p,
                    String.valueOf(e.getMessage()).replaceAll("\\p{Cntrl}", "?"));
            ErrorCatalogue.ACCOUNTS_FILE_BROKEN.send(x);
        } catch (IOException e) {
            log.error("Staff accounts file could not be written", e);
            ErrorCatalogue.ACCOUNTS_UNWRITABLE.send(x);
        }
        return true;
    }

    private Map<String, Object> listing() {
        List<Map<String, Object>> accounts = new ArrayList<>();
        for (StaffAccounts.Account a : file.current().all()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("name", a.name());
            m.put("role", a.role().word());
            m.put("counters", a.counters().isEmpty() ? "*" : new TreeSet<>(a.counters()));
            m.put("enabled", a.enabled());
            m.put("full_name", a.fullName());
            accounts.add(m);
        }
        return Map.of("accounts", accounts, "counters",
                counters.stream().map(c -> Map.of("number", c.number(), "name", c.name())).toList());
    }

    private void add(Exchange x, String by) throws IOException {
        JsonNode b = x.body();
        String name = b.path("name").asText("");
        if (!StaffAccounts.NAME.matcher(name).matches()) {
            throw ErrorCatalogue.BAD_NAME.error();
        }
        StaffAccounts.Role role = StaffAccounts.Role.of(b.path("role").asText("")).orElseThrow(() ->
                ErrorCatalogue.BAD_ROLE.error());
        Set<Integer> allowed = role == StaffAccounts.Role.MANAGER ? Set.of() : counters(b.path("counters"));
        if (file.current().find(name).isPresent()) {
            throw ErrorCatalogue.NAME_TAKEN.error();
        }
        String hash = hash(b.path("password").asText(""));
        StaffAccounts.Account a = new StaffAccounts.Account(name, allowed, hash, role, true, fullName(b, false));
        try {
            StaffAccountsWriter.add(file.path(), a);
        } catch (StaffAccountsWriter.Conflict e) {
            throw ErrorCatalogue.NAME_TAKEN.error();
        }
        done(x, a, "added", by);
    }

    private void change(Exchange x, String name, String action, String by) throws IOException {
        JsonNode b = x.body();
        StaffAccounts.Account now = file.current().find(name).orElseThrow(() ->
                ErrorCatalogue.NO_ACCOUNT.error());
        StaffAccounts.Account next = switch (action) {
            case "disable" -> {
                if (name.equals(by)) {
                    throw ErrorCatalogue.SELF.error();
                }
                yield now.withEnabled(false);
            }
            case "enable" -> now.withEnabled(true);
            case "counters" -> now.withCounters(counters(b.path("counters")));
            case "full-name" -> now.withFullName(fullName(b, true));
            default -> now.withHash(hash(b.path("password").asText("")));
        };
        try {
            StaffAccountsWriter.replace(file.path(), next);
        } catch (StaffAccountsWriter.Conflict e) {
            throw ErrorCatalogue.NO_ACCOUNT.error();
        }
        done(x, next, switch (action) {
            case "disable" -> "disabled";
            case "enable" -> "enabled";
            case "counters" -> "counters_set";
            case "full-name" -> "full_name_set";
            default -> "password_reset";
        }, by);
    }

    /** The body's {@code full_name}: 1-64 characters without ':' or control characters; "" when optional and absent. */
    private static String fullName(JsonNode b, boolean required) {
        JsonNode n = b.get("full_name");
        String v = n == null || n.isNull() ? "" : n.asText("").strip();
        if (v.isEmpty() && !required) {
            return "";
        }
        if (n == null || !n.isTextual() || !StaffAccounts.FULL_NAME.matcher(v).matches()) {
            throw ErrorCatalogue.BAD_FULL_NAME.error();
        }
        return v;
    }

    /** Puts the new file in force now (sessions of a changed account end), logs and records who did what. */
    private void done(Exchange x, StaffAccounts.Account a, String change, String by) {
        file.reloadIfChanged();
        log.info("Staff account {} {} by manager {} (role {}, counters {}, {})", a.name(), change, by, a.role().word(),
                a.countersText(), a.enabled() ? "active" : "disabled");
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("account", a.name());
        event.put("change", change);
        event.put("role", a.role().word());
        event.put("counters", a.countersText());
        event.put("enabled", a.enabled());
        event.put("by", by);
        changes.record(event);
        x.json(200, listing());
    }

    private Set<Integer> counters(JsonNode n) {
        if (n.isTextual() && n.asText().equals("*")) {
            return Set.of();
        }
        Set<Integer> out = new TreeSet<>();
        if (n.isArray()) {
            for (JsonNode c : n) {
                int number = c.canConvertToInt() ? c.asInt() : -1;
                if (counters.stream().noneMatch(d -> d.number() == number)) {
                    throw badCounters();
                }
                out.add(number);
            }
        }
        if (out.isEmpty()) {
            throw badCounters();
        }
        return out;
    }

    private static HttpError badCounters() {
        return ErrorCatalogue.BAD_COUNTERS.error();
    }

    private String hash(String password) {
        Optional<String> problem = StaffAccountsTool.problem(password.toCharArray());
        if (problem.isPresent()) {
            throw ErrorCatalogue.BAD_PASSWORD.error();
        }
        return checks.hash(password.toCharArray(), HASH_WAIT).orElseThrow(() ->
                ErrorCatalogue.BUSY.error());
    }
}
