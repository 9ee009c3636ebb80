package vn.motcua.appliance.web.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import vn.motcua.bus.MutableClock;
import vn.motcua.appliance.service.Health;

/** A technician edits the accounts file while the office runs: new accounts work, a broken file changes nothing. */
class StaffAccountsFileTest {
    private static final String HASH = PasswordHash.hash("mat-khau-1".toCharArray());
    @TempDir
    Path dir;
    private final Sessions sessions = new Sessions(new MutableClock(Instant.parse("2026-11-23T01:00:00Z")));
    private long second = 1_000;

    /** Writes the file with a fresh modification time, as an editor would. */
    private void write(Path file, String text) throws Exception {
        Files.writeString(file, text);
        Files.setLastModifiedTime(file, FileTime.fromMillis(++second * 1000));
    }

    @Test
    void anAddedAccountIsTakenWithoutARestartAndARemovedOnesSessionsEnd() throws Exception {
        Path file = dir.resolve("staff.accounts");
        write(file, StaffAccounts.line("lan", "1,2", HASH) + "\n");
        StaffAccountsFile accounts = new StaffAccountsFile(file, sessions::keepOnly);
        assertEquals(1, accounts.current().size());
        assertFalse(accounts.reloadIfChanged(), "unchanged: not read again");
        Sessions.Session lan = sessions.open(accounts.current().find("lan").orElseThrow());

        write(file, StaffAccounts.line("lan", "1,2", HASH) + "\n" + StaffAccounts.line("minh", "3", HASH) + "\n");
        assertTrue(accounts.reloadIfChanged());
        assertTrue(accounts.current().find("minh").isPresent(), "the new clerk can log in");
        assertTrue(sessions.find(lan.token()).isPresent(), "an unchanged account stays logged in");

        write(file, StaffAccounts.line("minh", "3", HASH) + "\n");
        assertTrue(accounts.reloadIfChanged());
        assertTrue(accounts.current().find("lan").isEmpty());
        assertTrue(sessions.find(lan.token()).isEmpty(), "a removed account's session ends at once");
    }

    @Test
    void aBrokenFileKeepsTheAccountsInForceAndShowsOnTheHealthPageUntilFixed() throws Exception {
        Path file = dir.resolve("staff.accounts");
        write(file, StaffAccounts.line("lan", "1,2", HASH) + "\n");
        Health health = new Health();
        StaffAccountsFile accounts = new StaffAccountsFile(file, sessions::keepOnly);
        accounts.registerHealth(health);
        Sessions.Session lan = sessions.open(accounts.current().find("lan").orElseThrow());

        write(file, StaffAccounts.line("lan", "1,2", HASH) + "\nminh:3\n"); // half-typed line
        assertFalse(accounts.reloadIfChanged());
        assertEquals(1, accounts.badReads());
        assertTrue(accounts.current().find("lan").isPresent(), "the old accounts stay");
        assertTrue(sessions.find(lan.token()).isPresent());
        assertFalse(health.allOk());
        String detail = health.snapshot().toString();
        assertTrue(detail.contains("line 2"), "the bad line is named: " + detail);
        assertFalse(detail.contains(HASH), "no hash in the health page");
        assertFalse(accounts.reloadIfChanged(), "the same broken file is not counted twice");
        assertEquals(1, accounts.badReads());

        write(file, StaffAccounts.line("lan", "1,2", HASH) + "\n" + StaffAccounts.line("minh", "3", HASH) + "\n");
        assertTrue(accounts.reloadIfChanged());
        assertTrue(health.allOk(), "fixed");
        assertEquals(2, accounts.current().size());
    }

    @Test
    void aBrokenOrMissingFileAtStartMeansNoLoginsButTheOfficeStarts() throws Exception {
        Path file = dir.resolve("staff.accounts");
        StaffAccountsFile none = new StaffAccountsFile(file, sessions::keepOnly);
        assertEquals(0, none.current().size());
        write(file, "lan:1:not-a-hash\n");
        StaffAccountsFile broken = new StaffAccountsFile(file, sessions::keepOnly);
        assertEquals(0, broken.current().size());
        assertEquals(1, broken.badReads());
        write(file, StaffAccounts.line("lan", "1", HASH) + "\n");
        assertTrue(none.reloadIfChanged(), "the file appearing is a change");
        assertEquals(Set.of(1), none.current().find("lan").orElseThrow().counters());
    }
}
