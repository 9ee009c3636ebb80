package vn.motcua.appliance.web.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The technician's tool, fed as a script or a pipe would feed it (no terminal: the password comes as two lines). */
class StaffAccountsToolTest {
    @TempDir
    Path dir;
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String stdin, String... args) {
        out.reset();
        err.reset();
        return StaffAccountsTool.run(args, StaffAccountsTool.passwordSource(null,
                        new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8))),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    private StaffAccounts.Account account(Path file, String name) throws Exception {
        return StaffAccounts.load(file).find(name).orElseThrow();
    }

    @Test
    void aPipedPasswordIsTheFirstLineConfirmedByTheSecond() throws Exception {
        // Before: the tool read all of stdin and stored "matkhau123\nmatkhau123" as the password; nobody could log in.
        Path file = dir.resolve("staff.accounts");
        assertEquals(0, run("matkhau123\nmatkhau123\n", file.toString(), "add", "lan", "clerk", "1,2"), err());
        StaffAccounts.Account lan = account(file, "lan");
        assertTrue(PasswordHash.verify("matkhau123".toCharArray(), lan.hash()), "the clerk logs in with what was piped");
        assertEquals(Set.of(1, 2), lan.counters());
        assertEquals(StaffAccounts.Role.CLERK, lan.role());
        assertTrue(lan.enabled());
        // a Windows file's line ends are line ends too
        assertEquals(0, run("matkhau456\r\nmatkhau456\r\n", file.toString(), "add", "chi", "manager"), err());
        assertTrue(PasswordHash.verify("matkhau456".toCharArray(), account(file, "chi").hash()));
        assertTrue(account(file, "chi").isManager());
    }

    @Test
    void aBadPasswordIsRefusedWithAReasonAndNothingIsWritten() throws Exception {
        Path file = dir.resolve("staff.accounts");
        assertEquals(1, run("mat\tkhau123\nmat\tkhau123\n", file.toString(), "add", "lan", "clerk", "1"));
        assertTrue(err().contains("control character"), err());
        assertEquals(1, run("matkhau123\nmatkhau124\n", file.toString(), "add", "lan", "clerk", "1"));
        assertTrue(err().contains("differ"), err());
        assertEquals(1, run("matkhau123\n", file.toString(), "add", "lan", "clerk", "1"));
        assertTrue(err().contains("twice"), err());
        assertEquals(1, run("ngan\nngan\n", file.toString(), "add", "lan", "clerk", "1"));
        assertTrue(err().contains("8 to 256"), err());
        assertEquals(1, run("matkhau123\nmatkhau123\n", file.toString(), "add", "Lan Anh", "clerk", "1"));
        assertTrue(err().contains("a-z 0-9"), err());
        assertFalse(Files.exists(file), "nothing written");
        assertEquals(2, run("", file.toString(), "add", "lan"), "wrong usage");
        assertTrue(err().contains("usage:"));
    }

    @Test
    void listDisableEnableResetAndCountersKeepTheRestOfTheFile() throws Exception {
        Path file = dir.resolve("staff.accounts");
        String old = PasswordHash.hash("cu-mat-khau".toCharArray());
        // a file from before roles: a comment and a three-field line ('*' was the manager) must stay as they are
        Files.writeString(file, "# office staff\n" + StaffAccounts.line("chi", "*", old) + "\n");
        assertEquals(0, run("matkhau123\nmatkhau123\n", file.toString(), "add", "lan", "clerk", "1,2"), err());
        assertEquals(0, run("", file.toString(), "disable", "lan"), err());
        assertFalse(account(file, "lan").enabled());
        assertFalse(account(file, "lan").mayUse(1), "a disabled clerk opens no counter");
        assertEquals(0, run("", file.toString(), "list"));
        String list = out.toString(StandardCharsets.UTF_8);
        assertTrue(list.matches("(?s)chi +manager +\\* +active\\R+lan +clerk +1,2 +disabled\\R"), list);
        assertFalse(list.contains("argon2"), "no hash in the list");
        assertEquals(0, run("", file.toString(), "enable", "lan"));
        assertTrue(account(file, "lan").enabled());
        assertEquals(0, run("moi-mat-khau\nmoi-mat-khau\n", file.toString(), "reset", "lan"), err());
        assertTrue(PasswordHash.verify("moi-mat-khau".toCharArray(), account(file, "lan").hash()));
        assertEquals(0, run("", file.toString(), "counters", "lan", "3"));
        assertEquals(Set.of(3), account(file, "lan").counters());
        String text = Files.readString(file);
        assertTrue(text.startsWith("# office staff\n" + StaffAccounts.line("chi", "*", old) + "\n"), text);
        assertEquals(1, run("", file.toString(), "disable", "minh"));
        assertTrue(err().contains("no account minh"), err());
        assertEquals(1, run("matkhau123\nmatkhau123\n", file.toString(), "add", "lan", "clerk", "1"));
        assertTrue(err().contains("exists already"), err());
    }

    @Test
    void hashPrintsAHashForTheInventoryAndHelpSaysEveryCommand() throws Exception {
        assertEquals(0, run("matkhau123\nmatkhau123\n", "hash"), err());
        String hash = out.toString(StandardCharsets.UTF_8).strip();
        assertTrue(PasswordHash.wellFormed(hash), hash);
        assertTrue(PasswordHash.verify("matkhau123".toCharArray(), hash));
        assertEquals(0, run("", "--help"));
        for (String command : new String[] {"add", "list", "disable", "enable", "reset", "counters", "hash"}) {
            assertTrue(out.toString(StandardCharsets.UTF_8).contains(" " + command + " "), command);
        }
    }
}
