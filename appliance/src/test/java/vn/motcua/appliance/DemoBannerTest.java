package vn.motcua.appliance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import vn.motcua.appliance.web.auth.PasswordHash;
import vn.motcua.appliance.web.auth.StaffAccounts;

/** The staff tool command the demo prints works as printed, from another folder, fed by a pipe. */
class DemoBannerTest {
    @TempDir
    Path dir;

    @Test
    void thePrintedStaffToolCommandWorksFromAnyFolderWithAPipedPassword() throws Exception {
        Path accounts = dir.resolve("data's").resolve("staff.accounts"); // a quote in the path must survive
        Files.createDirectories(accounts.getParent());
        String command = DemoBanner.staffToolCommand(accounts) + " add lan manager";
        assertTrue(command.startsWith("'" + Path.of(System.getProperty("java.home"), "bin", "java")), command);
        Path elsewhere = Files.createDirectories(dir.resolve("elsewhere"));
        // PATH without any java: the command must not depend on it
        ProcessBuilder pb = new ProcessBuilder("/bin/bash", "-c", "printf 'matkhau123\\nmatkhau123\\n' | " + command)
                .directory(elsewhere.toFile()).redirectErrorStream(true);
        pb.environment().put("PATH", "/usr/bin:/bin");
        pb.environment().remove("JAVA_HOME");
        Process p = pb.start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue(), output);
        StaffAccounts.Account lan = StaffAccounts.load(accounts).find("lan").orElseThrow();
        assertTrue(lan.isManager());
        assertTrue(PasswordHash.verify("matkhau123".toCharArray(), lan.hash()));
        assertEquals(List.of(), List.of(output.lines().filter(l -> l.contains("Exception")).toArray()));
    }

    @Test
    void onATerminalTheToolAsksTwiceThroughTheConsole() throws Exception {
        Path accounts = dir.resolve("staff.accounts");
        // script(1) gives the tool a pseudo-terminal: it must ask (System.console), not read lines from a pipe
        String command = DemoBanner.staffToolCommand(accounts) + " add minh clerk 1,2";
        ProcessBuilder pb = new ProcessBuilder("script", "-qec", command, "/dev/null").redirectErrorStream(true);
        Process p = pb.start();
        try (var in = p.getOutputStream()) {
            Thread.sleep(1500); // typed after the JVM started, as a person would
            in.write("mat-khau-tty\n".getBytes(StandardCharsets.UTF_8));
            in.flush();
            Thread.sleep(1000);
            in.write("mat-khau-tty\n".getBytes(StandardCharsets.UTF_8));
        }
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue(), output);
        assertTrue(output.contains("password / mật khẩu:") && output.contains("again / nhập lại:"), output);
        assertTrue(PasswordHash.verify("mat-khau-tty".toCharArray(),
                StaffAccounts.load(accounts).find("minh").orElseThrow().hash()));
    }
}
