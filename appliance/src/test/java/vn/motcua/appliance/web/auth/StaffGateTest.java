package vn.motcua.appliance.web.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.Set;

import org.junit.jupiter.api.Test;

import vn.motcua.bus.MutableClock;

/** Who may act on a counter from the LAN, how long a session lives, and how long a lockout lasts. */
class StaffGateTest {
    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-23T01:00:00Z"));
    private final Sessions sessions = new Sessions(clock);
    private final StaffGate gate = new StaffGate(sessions);
    private final StaffAccounts.Account lan = new StaffAccounts.Account("lan", Set.of(1, 2), "unused");

    @Test
    void aClerkActsOnHerOwnCountersOnlyWithTheSessionsCsrfToken() {
        Sessions.Session s = sessions.open(lan);
        assertTrue(gate.allows(s.token(), s.csrf(), 1));
        assertTrue(gate.allows(s.token(), s.csrf(), 2));
        assertFalse(gate.allows(s.token(), s.csrf(), 3), "not her counter");
        assertFalse(gate.allows(s.token(), null, 1), "a cross-site form cannot send the token");
        assertFalse(gate.allows(s.token(), s.token(), 1), "the cookie value is not the CSRF token");
        assertFalse(gate.allows("x".repeat(43), s.csrf(), 1), "unknown session");
        assertFalse(gate.allows(null, s.csrf(), 1));
    }

    @Test
    void anIdleSessionExpiresAndALoggedOutOneIsGone() {
        Sessions.Session s = sessions.open(lan);
        clock.advance(Duration.ofMinutes(119));
        assertTrue(gate.allows(s.token(), s.csrf(), 1), "used within the idle time: still open");
        clock.advance(Duration.ofMinutes(121));
        assertFalse(gate.allows(s.token(), s.csrf(), 1), "idle over 2 h");
        Sessions.Session t = sessions.open(lan);
        sessions.close(t.token());
        assertFalse(gate.allows(t.token(), t.csrf(), 1));
        assertEquals(0, sessions.size());
    }

    @Test
    void fiveFailuresLockTheAccountFromThatSourceOnlyForFifteenMinutesAndTwentyLockTheSource() {
        LoginThrottle throttle = new LoginThrottle(clock);
        for (int i = 0; i < LoginThrottle.MAX_FAILURES; i++) {
            assertEquals(LoginThrottle.Verdict.ADMITTED, throttle.admit("lan", "10.0.0.7"));
            throttle.failed("lan", "10.0.0.7");
        }
        assertEquals(LoginThrottle.Verdict.PAIR_LOCKED, throttle.admit("lan", "10.0.0.7"));
        assertEquals(LoginThrottle.Verdict.ADMITTED, throttle.admit("lan", "10.0.0.8"), "the clerk at another PC");
        assertEquals(LoginThrottle.Verdict.ADMITTED, throttle.admit("chi", "10.0.0.7"), "another account there");
        clock.advance(LoginThrottle.LOCK.minusSeconds(1));
        assertEquals(LoginThrottle.Verdict.PAIR_LOCKED, throttle.admit("lan", "10.0.0.7"));
        clock.advance(Duration.ofSeconds(2));
        assertEquals(LoginThrottle.Verdict.ADMITTED, throttle.admit("lan", "10.0.0.7"), "unlocked after 15 minutes");
        for (int i = 0; i < LoginThrottle.MAX_FAILURES_PER_SOURCE; i++) {
            throttle.failed("guess" + i, "10.0.0.9");
        }
        assertEquals(LoginThrottle.Verdict.SOURCE_LOCKED, throttle.admit("chi", "10.0.0.9"),
                "a source guessing many names is locked");
        assertEquals(LoginThrottle.Verdict.ADMITTED, throttle.admit("chi", "10.0.0.7"));
    }

    @Test
    void aSourceGetsTenAttemptsAMinuteWhateverTheNames() {
        LoginThrottle throttle = new LoginThrottle(clock);
        for (int i = 0; i < LoginThrottle.ATTEMPTS_PER_SOURCE; i++) {
            assertEquals(LoginThrottle.Verdict.ADMITTED, throttle.admit("name" + i, "10.0.0.5"));
        }
        assertEquals(LoginThrottle.Verdict.TOO_FAST, throttle.admit("another", "10.0.0.5"));
        assertTrue(throttle.firstTooFast("10.0.0.5"));
        assertEquals(LoginThrottle.Verdict.TOO_FAST, throttle.admit("another", "10.0.0.5"));
        assertFalse(throttle.firstTooFast("10.0.0.5"), "logged once a window");
        assertEquals(LoginThrottle.Verdict.ADMITTED, throttle.admit("lan", "10.0.0.6"), "other sources unaffected");
        clock.advance(Duration.ofSeconds(61));
        assertEquals(LoginThrottle.Verdict.ADMITTED, throttle.admit("lan", "10.0.0.5"), "a minute later");
    }

    @Test
    void theAccountsFileIsCheckedLineByLine() {
        String hash = PasswordHash.hash("mat-khau-1".toCharArray());
        StaffAccounts a = StaffAccounts.parse("# staff\nlan:1,2:" + hash + "\nchi:*:" + hash + "\n", "test");
        assertTrue(a.find("chi").orElseThrow().isManager());
        assertTrue(PasswordHash.verify("mat-khau-1".toCharArray(), a.find("lan").orElseThrow().hash()));
        assertFalse(PasswordHash.verify("mat-khau-2".toCharArray(), hash));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> StaffAccounts.parse("lan:1:" + hash + "\nLan Anh:1:" + hash, "staff.accounts"));
        assertTrue(e.getMessage().startsWith("staff.accounts line 2:"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> StaffAccounts.parse("lan:1:plaintext", "x"));
        assertThrows(IllegalArgumentException.class, () -> StaffAccounts.parse("lan:1:" + hash + "\nlan:2:" + hash, "x"));
    }
}
