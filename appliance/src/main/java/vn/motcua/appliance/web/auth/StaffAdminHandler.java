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
import vn.motcua.appliance.web.Exchange;
import vn.motcua.appliance.web.HttpError;

/**
 * The manager's staff screen on {@code /manager}: {@code GET /manager/staff} lists the accounts (never a hash);
 * {@code POST /manager/staff} {"name","role","counters","password"} adds one; {@code POST
 * /manager/staff/{name}/disable|enable|password|counters} changes one. A logged-in manager only, and every POST
 * carries the session's CSRF token like the counter actions. Each change is written to the accounts file through
 * {@link StaffAccountsWriter} and put in force at once (a disabled clerk's or a reset password's sessions end),
 * logged with who made it, never the password, and sent to the district as a {@code staff.changed} event.
 */
public final class StaffAdminHandler extends Handler.Abstract {
    private static final Logger log = LoggerFactory.getLogger(StaffAdminHandler.class);
    /** A change to one account: the route table names this shape, the handler reads the name and the change. */
    public static final Pattern CHANGE = Pattern.compile("/manager/staff/([a-z0-9._-]{1,32})/(disable|enable|password|counters)");
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
                throw new HttpError(403, "MANAGER_ONLY", "Cần đăng nhập tài khoản quản lý", "Log in with a manager account");
            }
            if (list && x.method.equals("GET")) {
                x.json(200, listing());
                return true;
            }
            if (!x.method.equals("POST")) {
                throw new HttpError(405, "METHOD", "use GET to list, POST to change");
            }
            if (!gate.allowsManager(request)) {
                throw new HttpError(403, "CSRF", "Phiên làm việc không hợp lệ, vui lòng tải lại trang",
                        "Session check failed, please reload the page");
            }
            String by = s.get().account().name();
            if (list) {
                add(x, by);
            } else {
                change(x, m.group(1), m.group(2), by);
            }
        } catch (HttpError e) {
            log.info("Staff screen refused {} {}: {} {}", x.method, p, e.status, e.code);
            x.json(e.status, Map.of("error", e.code, "message_vi", e.messageVi, "message_en", e.getMessage()));
        } catch (IllegalArgumentException e) {
            // the file on disk does not parse (a technician's edit): nothing is written over it
            log.warn("Staff screen refused {} {}: the accounts file does not parse: {}", x.method, p,
                    String.valueOf(e.getMessage()).replaceAll("\\p{Cntrl}", "?"));
            x.json(503, Map.of("error", "ACCOUNTS_FILE_BROKEN", "message_vi",
                    "Tệp tài khoản đang có lỗi, xin báo kỹ thuật viên (xem /healthz)",
                    "message_en", "The accounts file has an error, please call the technician (see /healthz)"));
        } catch (IOException e) {
            log.error("Staff accounts file could not be written", e);
            x.json(503, Map.of("error", "ACCOUNTS_UNWRITABLE", "message_vi", "Không ghi được tệp tài khoản, xin báo kỹ thuật viên",
                    "message_en", "The accounts file could not be written, please call the technician"));
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
            accounts.add(m);
        }
        return Map.of("accounts", accounts, "counters",
                counters.stream().map(c -> Map.of("number", c.number(), "name", c.name())).toList());
    }

    private void add(Exchange x, String by) throws IOException {
        JsonNode b = x.body();
        String name = b.path("name").asText("");
        if (!StaffAccounts.NAME.matcher(name).matches()) {
            throw new HttpError(400, "BAD_NAME", "Tên đăng nhập gồm 1–32 ký tự a-z 0-9 . _ - (không dấu, không khoảng trắng)",
                    "A user name is 1-32 of a-z 0-9 . _ - (no accents, no spaces)");
        }
        StaffAccounts.Role role = StaffAccounts.Role.of(b.path("role").asText("")).orElseThrow(() ->
                new HttpError(400, "BAD_ROLE", "Vai trò là cán bộ hoặc quản lý", "The role is clerk or manager"));
        Set<Integer> allowed = role == StaffAccounts.Role.MANAGER ? Set.of() : counters(b.path("counters"));
        if (file.current().find(name).isPresent()) {
            throw new HttpError(409, "NAME_TAKEN", "Tên đăng nhập này đã có", "This user name exists already");
        }
        String hash = hash(b.path("password").asText(""));
        StaffAccounts.Account a = new StaffAccounts.Account(name, allowed, hash, role, true);
        try {
            StaffAccountsWriter.add(file.path(), a);
        } catch (StaffAccountsWriter.Conflict e) {
            throw new HttpError(409, "NAME_TAKEN", "Tên đăng nhập này đã có", "This user name exists already");
        }
        done(x, a, "added", by);
    }

    private void change(Exchange x, String name, String action, String by) throws IOException {
        JsonNode b = x.body();
        StaffAccounts.Account now = file.current().find(name).orElseThrow(() ->
                new HttpError(404, "NO_ACCOUNT", "Không có tài khoản này", "No such account"));
        StaffAccounts.Account next = switch (action) {
            case "disable" -> {
                if (name.equals(by)) {
                    throw new HttpError(409, "SELF", "Không thể tự khóa tài khoản của mình", "You cannot disable your own account");
                }
                yield now.withEnabled(false);
            }
            case "enable" -> now.withEnabled(true);
            case "counters" -> now.withCounters(counters(b.path("counters")));
            default -> now.withHash(hash(b.path("password").asText("")));
        };
        try {
            StaffAccountsWriter.replace(file.path(), next);
        } catch (StaffAccountsWriter.Conflict e) {
            throw new HttpError(404, "NO_ACCOUNT", "Không có tài khoản này", "No such account");
        }
        done(x, next, switch (action) {
            case "disable" -> "disabled";
            case "enable" -> "enabled";
            case "counters" -> "counters_set";
            default -> "password_reset";
        }, by);
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
        return new HttpError(400, "BAD_COUNTERS", "Chọn ít nhất một quầy có trong văn phòng (hoặc mọi quầy)",
                "Choose at least one of the office's counters (or every counter)");
    }

    private String hash(String password) {
        Optional<String> problem = StaffAccountsTool.problem(password.toCharArray());
        if (problem.isPresent()) {
            throw new HttpError(400, "BAD_PASSWORD", "Mật khẩu cần 8–256 ký tự, không có ký tự điều khiển",
                    "The password needs 8-256 characters and no control characters");
        }
        return checks.hash(password.toCharArray(), HASH_WAIT).orElseThrow(() ->
                new HttpError(503, "BUSY", "Hệ thống đang bận, vui lòng thử lại sau ít giây", "Busy, please try again in a few seconds"));
    }
}
