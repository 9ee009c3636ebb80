package vn.motcua.tests.harness;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import vn.motcua.appliance.web.auth.PasswordHash;
import vn.motcua.appliance.web.auth.StaffAccounts;

/**
 * The staff accounts a test's appliance starts with, written as provisioning writes them ({@code staff.accounts} in
 * the data folder, one hashed line each). The usual cast: {@link #LAN}, a clerk at counters 1 and 2, and
 * {@link #CHI}, the manager.
 */
public final class StaffFile {
    /** One account: its counters as the file has them ({@code "1,2"}, or {@code "*"} for a manager). */
    public record Account(String name, String counters, String password) {}

    public static final Account LAN = new Account("lan", "1,2", "mat-khau-1");
    public static final Account CHI = new Account("chi", "*", "quan-ly-9");

    private StaffFile() {}

    public static void write(Path dataDir, Account... accounts) throws IOException {
        Files.createDirectories(dataDir);
        Files.writeString(dataDir.resolve("staff.accounts"), Stream.of(accounts)
                .map(a -> StaffAccounts.line(a.name(), a.counters(), PasswordHash.hash(a.password().toCharArray())) + "\n")
                .collect(Collectors.joining()));
    }
}
