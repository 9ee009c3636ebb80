package vn.motcua.appliance.web.auth;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Logged-in staff, by an unguessable token held in an HttpOnly cookie, each with its own CSRF token that state-
 * changing requests must echo in a header. Kept in memory: an appliance restart logs everyone out, which is
 * acceptable for a counter PC and keeps no secrets on the SD card. Idle sessions expire; the table is bounded.
 */
public final class Sessions {
    public static final Duration IDLE = Duration.ofHours(2);
    public static final Duration MAX_AGE = Duration.ofHours(12);
    private static final int MAX_SESSIONS = 500;
    private static final SecureRandom RANDOM = new SecureRandom();

    public record Session(String token, String csrf, StaffAccounts.Account account, Instant created, Instant lastSeen) {}

    private final Clock clock;
    private final Map<String, Session> byToken = new ConcurrentHashMap<>();

    public Sessions(Clock clock) {
        this.clock = clock;
    }

    public Session open(StaffAccounts.Account account) {
        Instant now = clock.instant();
        byToken.values().removeIf(s -> expired(s, now));
        if (byToken.size() >= MAX_SESSIONS) {
            byToken.values().stream().min((a, b) -> a.lastSeen.compareTo(b.lastSeen)).ifPresent(s -> byToken.remove(s.token));
        }
        Session s = new Session(token(), token(), account, now, now);
        byToken.put(s.token, s);
        return s;
    }

    /** The live session of this token, touched; empty when unknown or expired. */
    public Optional<Session> find(String token) {
        if (token == null || token.length() != 43) {
            return Optional.empty();
        }
        Session s = byToken.get(token);
        Instant now = clock.instant();
        if (s == null || expired(s, now)) {
            if (s != null) {
                byToken.remove(token);
            }
            return Optional.empty();
        }
        Session touched = new Session(s.token, s.csrf, s.account, s.created, now);
        byToken.put(token, touched);
        return Optional.of(touched);
    }

    public void close(String token) {
        if (token != null) {
            byToken.remove(token);
        }
    }

    /**
     * After the accounts file changed: ends the sessions of accounts that were removed or changed (other counters,
     * new password), so a clerk taken off the file cannot go on acting with an old login.
     */
    public void keepOnly(StaffAccounts accounts) {
        // a new full name is no reason to log anyone out: only what the session may do counts
        byToken.values().removeIf(s -> !accounts.find(s.account().name())
                .map(a -> a.withFullName("").equals(s.account().withFullName(""))).orElse(false));
    }

    public int size() {
        return byToken.size();
    }

    private static boolean expired(Session s, Instant now) {
        return now.isAfter(s.lastSeen.plus(IDLE)) || now.isAfter(s.created.plus(MAX_AGE));
    }

    private static String token() {
        byte[] b = new byte[32];
        RANDOM.nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }
}
