package vn.motcua.appliance.web.auth;

import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The technician's staff accounts tool (the office manager uses the staff screen on {@code /manager}):
 * <pre>
 * java -cp /opt/motcua/motcua-appliance.jar:/opt/motcua/lib/* vn.motcua.appliance.web.auth.StaffAccountsTool --help
 * </pre>
 * A password is asked twice without echo on a terminal; from a pipe it is read as two lines, the password and its
 * confirmation ({@code printf 'matkhau123\nmatkhau123\n' | ...}). A password with a control character (a line
 * break, a tab, a carriage return from a Windows file) is refused, never stored: the clerk could not type it.
 */
public final class StaffAccountsTool {
    static final String USAGE = """
            usage: StaffAccountsTool <accounts-file> <command>
              add <name> clerk <counters>   a clerk of counters '*' (any) or like 1,2 (asks for the password)
              add <name> manager            a manager: the manager view, the staff screen, every counter
              list                          every account: name, role, counters, active or disabled
              disable <name>                no more logins; a session in use ends within seconds
              enable <name>                 logins again
              reset <name>                  a new password (asked for)
              counters <name> <counters>    the counters a clerk may open
            usage: StaffAccountsTool hash   prints the Argon2id hash of a password (asked for), e.g. for the
                                            provisioning inventory's first manager; the password is not printed
            A password: 8 to 256 characters, no control characters. On a terminal it is asked twice, unseen;
            from a pipe it is two lines, the password then the same again.
            The appliance takes a change within seconds, no restart.
            Exit status: 0 done, 1 refused (nothing written), 2 wrong usage.""";

    /** Where the tool reads a password from: the terminal when there is one, else standard input. */
    interface PasswordSource {
        /** The password, asked and confirmed; throws {@link Refused} with what is wrong. */
        char[] read() throws IOException, Refused;
    }

    /** A refusal a technician reads; nothing was written. */
    static final class Refused extends Exception {
        Refused(String message) {
            super(message, null, false, false);
        }
    }

    private StaffAccountsTool() {}

    public static void main(String[] args) {
        System.exit(run(args, passwordSource(System.console(), System.in), System.out, System.err));
    }

    /** Runs one command; the exit status. */
    static int run(String[] args, PasswordSource passwords, PrintStream out, PrintStream err) {
        if (args.length == 0 || args[0].equals("--help") || args[0].equals("-h")) {
            (args.length == 0 ? err : out).println(USAGE);
            return args.length == 0 ? 2 : 0;
        }
        try {
            if (args[0].equals("hash") && args.length == 1) {
                out.println(PasswordHash.hash(passwords.read()));
                return 0;
            }
            if (args.length < 2) {
                err.println(USAGE);
                return 2;
            }
            Path file = Path.of(args[0]);
            String[] rest = Arrays.copyOfRange(args, 1, args.length);
            return switch (rest[0]) {
                case "add" -> add(file, rest, passwords, out, err);
                case "list" -> list(file, rest, out, err);
                case "disable", "enable", "reset", "counters" -> change(file, rest, passwords, out, err);
                default -> usage(err);
            };
        } catch (Refused | IllegalArgumentException e) {
            err.println("refused, nothing written: " + e.getMessage());
            return 1;
        } catch (IOException e) {
            err.println("refused, nothing written: cannot read or write " + args[0] + ": " + e.getMessage());
            return 1;
        }
    }

    private static int usage(PrintStream err) {
        err.println(USAGE);
        return 2;
    }

    private static int add(Path file, String[] a, PasswordSource passwords, PrintStream out, PrintStream err)
            throws IOException, Refused {
        Optional<StaffAccounts.Role> role = a.length >= 3 ? StaffAccounts.Role.of(a[2]) : Optional.empty();
        boolean shape = role.isPresent() && (role.get() == StaffAccounts.Role.MANAGER ? a.length == 3 : a.length == 4);
        if (!shape) {
            return usage(err);
        }
        String name = name(a[1]);
        Set<Integer> counters = role.get() == StaffAccounts.Role.MANAGER ? Set.of() : counters(a[3]);
        if (StaffAccounts.load(file).find(name).isPresent()) {
            throw new Refused("account " + name + " exists already (reset its password with: reset " + name + ")");
        }
        String hash = PasswordHash.hash(passwords.read());
        StaffAccountsWriter.add(file, new StaffAccounts.Account(name, counters, hash, role.get(), true));
        out.println("added " + role.get().word() + " " + name + " to " + file);
        return 0;
    }

    private static int list(Path file, String[] a, PrintStream out, PrintStream err) throws IOException {
        if (a.length != 1) {
            return usage(err);
        }
        for (StaffAccounts.Account x : StaffAccounts.load(file).all()) {
            out.printf("%-32s %-8s %-10s %s%n", x.name(), x.role().word(), x.countersText(),
                    x.enabled() ? "active" : "disabled");
        }
        return 0;
    }

    private static int change(Path file, String[] a, PasswordSource passwords, PrintStream out, PrintStream err)
            throws IOException, Refused {
        if (a.length != (a[0].equals("counters") ? 3 : 2)) {
            return usage(err);
        }
        String name = name(a[1]);
        StaffAccounts.Account now = StaffAccounts.load(file).find(name)
                .orElseThrow(() -> new Refused("no account " + name + " in " + file + " (see: list)"));
        StaffAccounts.Account next = switch (a[0]) {
            case "disable" -> now.withEnabled(false);
            case "enable" -> now.withEnabled(true);
            case "counters" -> now.withCounters(counters(a[2]));
            default -> now.withHash(PasswordHash.hash(passwords.read()));
        };
        StaffAccountsWriter.replace(file, next);
        out.println(switch (a[0]) {
            case "disable" -> "disabled " + name + ": no more logins";
            case "enable" -> "enabled " + name;
            case "counters" -> name + " may open counters " + next.countersText();
            default -> "new password set for " + name;
        });
        return 0;
    }

    private static String name(String s) throws Refused {
        if (!StaffAccounts.NAME.matcher(s).matches()) {
            throw new Refused("a name is 1 to 32 of a-z 0-9 . _ - (no capitals, no spaces, no accents): " + printable(s));
        }
        return s;
    }

    private static Set<Integer> counters(String s) throws Refused {
        if (!StaffAccounts.COUNTERS.matcher(s).matches()) {
            throw new Refused("counters are '*' (any) or numbers like 1,2: " + printable(s));
        }
        Set<Integer> out = new TreeSet<>();
        if (!s.equals("*")) {
            for (String c : s.split(",")) {
                out.add(Integer.parseInt(c));
            }
        }
        return out;
    }

    private static String printable(String s) {
        return s.length() > 40 ? s.substring(0, 40).replaceAll("\\p{Cntrl}", "?") + "..." : s.replaceAll("\\p{Cntrl}", "?");
    }

    /** The checks every new password passes, wherever it came from (the tool or the staff screen). */
    public static Optional<String> problem(char[] password) {
        for (char c : password) {
            if (Character.isISOControl(c)) {
                return Optional.of("the password contains a control character (a line break, a tab, a carriage"
                        + " return...): a clerk could not type it");
            }
        }
        if (password.length < 8 || password.length > 256) {
            return Optional.of("the password must have 8 to 256 characters");
        }
        return Optional.empty();
    }

    static PasswordSource passwordSource(Console console, InputStream in) {
        if (console != null && console.isTerminal()) {
            return () -> {
                char[] a = console.readPassword("password / mật khẩu: ");
                char[] b = console.readPassword("again / nhập lại: ");
                return confirmed(a, b);
            };
        }
        return () -> {
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String a = r.readLine();
            String b = r.readLine();
            if (a == null || b == null) {
                throw new Refused("give the password twice, one line each, e.g. printf '%s\\n%s\\n' \"$PW\" \"$PW\" | ...");
            }
            return confirmed(a.toCharArray(), b.toCharArray());
        };
    }

    private static char[] confirmed(char[] a, char[] b) throws Refused {
        if (a == null || b == null) {
            throw new Refused("no password given");
        }
        Optional<String> problem = problem(a);
        if (problem.isPresent()) {
            throw new Refused(problem.get());
        }
        if (!Arrays.equals(a, b)) {
            throw new Refused("the two passwords differ");
        }
        return a;
    }
}
