package vn.motcua.appliance.web.auth;

import java.io.Console;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Adds a staff account: {@code java -cp motcua-appliance.jar vn.motcua.appliance.web.auth.StaffAccountsTool
 * /etc/motcua/staff.accounts lan 1,2} asks for the password twice (or reads one line from stdin when there is no
 * terminal) and appends the line. The file is checked again before writing so a typo cannot break the start.
 */
public final class StaffAccountsTool {
    private StaffAccountsTool() {}

    public static void main(String[] args) throws IOException {
        if (args.length != 3) {
            System.err.println("usage: StaffAccountsTool <accounts-file> <name> <counters: * or 1,2>");
            System.exit(2);
        }
        Path file = Path.of(args[0]);
        StaffAccounts current = StaffAccounts.load(file);
        if (current.find(args[1]).isPresent()) {
            System.err.println("account " + args[1] + " exists already; remove its line first");
            System.exit(1);
        }
        char[] password = readPassword();
        if (password.length < 8) {
            System.err.println("the password must have at least 8 characters");
            System.exit(1);
        }
        String line = StaffAccounts.line(args[1], args[2], PasswordHash.hash(password)) + "\n";
        StaffAccounts.parse(line, "new account");
        Files.writeString(file, line, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        System.out.println("added " + args[1] + " to " + file);
    }

    private static char[] readPassword() throws IOException {
        Console c = System.console();
        if (c == null) {
            String s = new String(System.in.readNBytes(256), StandardCharsets.UTF_8).strip();
            return s.toCharArray();
        }
        char[] a = c.readPassword("password: ");
        char[] b = c.readPassword("again: ");
        if (!java.util.Arrays.equals(a, b)) {
            System.err.println("the two passwords differ");
            System.exit(1);
        }
        return a;
    }
}
