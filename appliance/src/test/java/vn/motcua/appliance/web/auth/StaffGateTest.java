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
    void fiveFailuresLockTheAccountForFifteenMinutesAndTwentyLockTheAddress() {
        LoginThrottle throttle = new LoginThrottle(clock);
        for (int i = 0; i < LoginThrottle.MAX_FAILURES; i++) {
            assertFalse(throttle.locked("lan", "10.0.0.7"));
            throttle.failed("lan", "10.0.0.7");
        }
        assertTrue(throttle.locked("lan", "10.0.0.8"), "the account, from any address");
        clock.advance(LoginThrottle.LOCK.minusSeconds(1));
        assertTrue(throttle.locked("lan", "10.0.0.7"));
        clock.advance(Duration.ofSeconds(2));
        assertFalse(throttle.locked("lan", "10.0.0.7"), "unlocked after 15 minutes");
        for (int i = 0; i < LoginThrottle.MAX_FAILURES_PER_ADDRESS; i++) {
            throttle.failed("guess" + i, "10.0.0.9");
        }
        assertTrue(throttle.locked("chi", "10.0.0.9"), "an address guessing many names is locked too");
        assertFalse(throttle.locked("chi", "10.0.0.7"));
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
