package vn.motcua.appliance.web.auth;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The staff accounts file: one account per line, {@code name:counters:hash:role:state}, where counters is
 * {@code *} (any counter) or a comma list like {@code 1,2}, hash is a {@link PasswordHash} string, role is
 * {@code clerk} or {@code manager} (the manager view and staff screen, every counter) and state is {@code active}
 * or {@code disabled} (no login). The older form {@code name:counters:hash} is still read: {@code *} was how a
 * manager was told then, so such a line is a manager, any other a clerk, both active. {@code #} starts a comment.
 * A bad line stops the start with its line number, like the config does. Accounts are added with
 * {@link StaffAccountsTool} or from the manager's staff screen; both write through {@link StaffAccountsWriter}.
 */
public final class StaffAccounts {
    public static final Pattern NAME = Pattern.compile("[a-z0-9._-]{1,32}");
    public static final Pattern COUNTERS = Pattern.compile("\\*|\\d{1,2}(,\\d{1,2}){0,98}");
    /** A clerk's full name as reports print it ("Nguyễn Thị Lan"): letters of any script, no colon or control. */
    public static final Pattern FULL_NAME = Pattern.compile("[^:\\p{Cntrl}]{1,64}");

    public enum Role {
        CLERK, MANAGER;

        public String word() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }

        public static Optional<Role> of(String word) {
            for (Role r : values()) {
                if (r.word().equals(word)) {
                    return Optional.of(r);
                }
            }
            return Optional.empty();
        }
    }

    /**
     * One member of staff; {@code counters} empty means every counter. A manager may use every counter.
     *
     * @param fullName the person's name for the office's reports, "" when the file gives none (the login name is
     *                 shown then)
     */
    public record Account(String name, Set<Integer> counters, String hash, Role role, boolean enabled, String fullName) {
        public Account {
            counters = java.util.Collections.unmodifiableSortedSet(new TreeSet<>(counters)); // in order on every page
            fullName = fullName == null ? "" : fullName.strip();
        }

        public Account(String name, Set<Integer> counters, String hash, Role role, boolean enabled) {
            this(name, counters, hash, role, enabled, "");
        }

        /** An account as the older three-field line meant it: every counter ({@code *}) was the manager. */
        public Account(String name, Set<Integer> counters, String hash) {
            this(name, counters, hash, counters.isEmpty() ? Role.MANAGER : Role.CLERK, true);
        }

        public boolean mayUse(int counter) {
            return enabled && (role == Role.MANAGER || counters.isEmpty() || counters.contains(counter));
        }

        public boolean isManager() {
            return enabled && role == Role.MANAGER;
        }

        /** The counters field as written in the file: {@code *} or {@code 1,2}. */
        public String countersText() {
            return counters.isEmpty() ? "*" : counters.stream().map(String::valueOf)
                    .collect(Collectors.joining(","));
        }

        /** The file line for this account (the five-field form, and the full name as a sixth when there is one). */
        public String line() {
            return name + ":" + countersText() + ":" + hash + ":" + role.word() + ":" + (enabled ? "active" : "disabled")
                    + (fullName.isEmpty() ? "" : ":" + fullName);
        }

        public Account withEnabled(boolean on) {
            return new Account(name, counters, hash, role, on, fullName);
        }

        public Account withHash(String newHash) {
            return new Account(name, counters, newHash, role, enabled, fullName);
        }

        public Account withCounters(Set<Integer> newCounters) {
            return new Account(name, newCounters, hash, role, enabled, fullName);
        }

        public Account withFullName(String newFullName) {
            return new Account(name, counters, hash, role, enabled, newFullName);
        }
    }

    private final Map<String, Account> accounts;

    private StaffAccounts(Map<String, Account> accounts) {
        this.accounts = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(accounts));
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
            Account a = parseLine(line, source + " line " + (i + 1));
            if (out.put(a.name(), a) != null) {
                throw new IllegalArgumentException(source + " line " + (i + 1) + ": account '" + a.name()
                        + "' is defined twice");
            }
        }
        return new StaffAccounts(out);
    }

    /** One non-comment line; the name of its account is {@link #nameOf}. */
    static Account parseLine(String line, String where) {
        String[] f = line.split(":", -1);
        boolean shape = (f.length == 3 || f.length == 5 || f.length == 6) && NAME.matcher(f[0]).matches()
                && COUNTERS.matcher(f[1]).matches() && PasswordHash.wellFormed(f[2])
                && (f.length != 6 || FULL_NAME.matcher(f[5].strip()).matches());
        Optional<Role> role = f.length >= 5 ? Role.of(f[3]) : Optional.empty();
        if (!shape || f.length >= 5 && (role.isEmpty() || !f[4].equals("active") && !f[4].equals("disabled"))) {
            throw new IllegalArgumentException(where + ": expected name:counters:hash:role:state[:full name] with name"
                    + " of a-z 0-9 . _ -, counters '*' or like '1,2', an $argon2id$ hash (make one with StaffAccountsTool),"
                    + " role 'clerk' or 'manager', state 'active' or 'disabled' and a full name of 1-64 characters"
                    + " without ':'");
        }
        Set<Integer> counters = new TreeSet<>();
        if (!f[1].equals("*")) {
            for (String c : f[1].split(",")) {
                counters.add(Integer.parseInt(c));
            }
        }
        return f.length == 3 ? new Account(f[0], Set.copyOf(counters), f[2])
                : new Account(f[0], Set.copyOf(counters), f[2], role.get(), f[4].equals("active"),
                f.length == 6 ? f[5] : "");
    }

    /** The account name a file line defines, or empty for a comment or blank line. */
    static Optional<String> nameOf(String line) {
        String s = line.strip();
        if (s.isEmpty() || s.startsWith("#")) {
            return Optional.empty();
        }
        int colon = s.indexOf(':');
        return Optional.of(colon < 0 ? s : s.substring(0, colon));
    }

    public Optional<Account> find(String name) {
        return Optional.ofNullable(accounts.get(name));
    }

    /** Every account, in file order. */
    public Collection<Account> all() {
        return accounts.values();
    }

    public int size() {
        return accounts.size();
    }

    /** A file line in the older three-field form ({@code *}: a manager); still read as it always was. */
    public static String line(String name, String counters, String hash) {
        return name + ":" + counters + ":" + hash;
    }
}
