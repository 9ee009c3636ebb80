package vn.motcua.appliance.web.auth;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * The staff accounts file: one account per line, {@code name:counters:hash}, where counters is {@code *} (any
 * counter, and the manager view) or a comma list like {@code 1,2}, and hash is a {@link PasswordHash} string.
 * {@code #} starts a comment. A bad line stops the start with its line number, like the config does.
 * Add a user with {@link StaffAccountsTool}.
 */
public final class StaffAccounts {
    public static final Pattern NAME = Pattern.compile("[a-z0-9._-]{1,32}");
    private static final Pattern COUNTERS = Pattern.compile("\\*|\\d{1,2}(,\\d{1,2}){0,98}");

    /** One clerk; {@code counters} empty means every counter (and the manager view). */
    public record Account(String name, Set<Integer> counters, String hash) {
        public boolean mayUse(int counter) {
            return counters.isEmpty() || counters.contains(counter);
        }

        public boolean isManager() {
            return counters.isEmpty();
        }
    }

    private final Map<String, Account> accounts;

    private StaffAccounts(Map<String, Account> accounts) {
        this.accounts = Map.copyOf(accounts);
    }

    public static StaffAccounts empty() {
        return new StaffAccounts(Map.of());
    }

    /** Reads the file; a missing file means no accounts (staff pages then refuse every login). */
    public static StaffAccounts load(Path file) throws IOException {
        if (!Files.exists(file)) {
            return empty();
        }
        return parse(Files.readString(file, StandardCharsets.UTF_8), file.toString());
    }

    public static StaffAccounts parse(String text, String source) {
        Map<String, Account> out = new LinkedHashMap<>();
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String[] f = line.split(":", 3);
            String where = source + " line " + (i + 1);
            if (f.length != 3 || !NAME.matcher(f[0]).matches() || !COUNTERS.matcher(f[1]).matches()
                    || !PasswordHash.wellFormed(f[2])) {
                throw new IllegalArgumentException(where + ": expected name:counters:hash with name of a-z 0-9 . _ -,"
                        + " counters '*' or like '1,2', and an $argon2id$ hash (make one with StaffAccountsTool)");
            }
            Set<Integer> counters = new TreeSet<>();
            if (!f[1].equals("*")) {
                for (String c : f[1].split(",")) {
                    counters.add(Integer.parseInt(c));
                }
            }
            if (out.put(f[0], new Account(f[0], Set.copyOf(counters), f[2])) != null) {
                throw new IllegalArgumentException(where + ": account '" + f[0] + "' is defined twice");
            }
        }
        return new StaffAccounts(out);
    }

    public Optional<Account> find(String name) {
        return Optional.ofNullable(accounts.get(name));
    }

    public int size() {
        return accounts.size();
    }

    /** The file line for an account. */
    public static String line(String name, String counters, String hash) {
        return name + ":" + counters + ":" + hash;
    }
}
