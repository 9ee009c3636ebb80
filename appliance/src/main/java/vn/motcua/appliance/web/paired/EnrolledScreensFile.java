package vn.motcua.appliance.web.paired;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import vn.motcua.appliance.domain.OfficeLayout;

/**
 * The screens provisioning enrolled from the inventory (issue 17, item 7): {@code enrolled-screens} beside the staff
 * accounts file ({@code /var/lib/motcua/enrolled-screens}), written by provisioning, read once at start. One screen a
 * line, the name last (it may hold any character but a line break):
 *
 * <pre>role|services|counters|sha256 of the token|name</pre>
 *
 * e.g. {@code display|dat-dai,ho-tich||9f86d08…|Phòng chờ tầng 2}, {@code counter-screen||3|2c26b46…|Trên quầy 3} or a
 * satellite kiosk {@code satellite|||4e07408…|Cửa bên}.
 * Only the token's hash is here: the raw token is on the screen's own device. Lines starting with {@code #} and blank
 * lines are skipped. A line that does not hold (unknown role, service or counter, a counter screen without exactly one
 * counter, a hash that is not 64 hex digits, a bad name) is reported with its line number and never its hash, and
 * enrols nothing; the other lines still count.
 */
public final class EnrolledScreensFile {
    public static final String NAME = "enrolled-screens";
    private static final Pattern HASH = Pattern.compile("[0-9a-f]{64}");
    /** The manager's form allows the same names ({@code ScreenAdminHandler}). */
    private static final Pattern SCREEN_NAME = Pattern.compile("[^\\p{Cntrl}]{1,64}");
    private static final int MAX_CHOSEN = 64;
    /** Far more than an office's screens; a bigger file is not provisioning's. */
    private static final long MAX_BYTES = 64 * 1024;

    /** One screen to enrol. */
    public record Enrolment(String name, ScreenRole role, Set<String> services, Set<Integer> counters, String tokenHash) {}

    /** What the file held: the screens, and each refused line as "line N: why". */
    public record Reading(List<Enrolment> screens, List<String> refused) {
        static Reading none() {
            return new Reading(List.of(), List.of());
        }
    }

    private EnrolledScreensFile() {}

    /** The file beside the staff accounts file. */
    public static Path beside(Path staffAccounts) {
        return staffAccounts.resolveSibling(NAME);
    }

    /** Reads {@code file}: nothing when it does not exist (an office whose screens were all paired by hand). */
    public static Reading read(Path file, OfficeLayout layout) {
        String text;
        try {
            if (Files.size(file) > MAX_BYTES) {
                return new Reading(List.of(), List.of("the file is over " + MAX_BYTES + " bytes"));
            }
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            return Reading.none();
        } catch (IOException e) {
            return new Reading(List.of(), List.of("cannot read it: " + e.getClass().getSimpleName()));
        }
        List<Enrolment> screens = new ArrayList<>();
        List<String> refused = new ArrayList<>();
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            try {
                screens.add(parse(line, layout));
            } catch (IllegalArgumentException e) {
                refused.add("line " + (i + 1) + ": " + e.getMessage());
            }
        }
        return new Reading(List.copyOf(screens), List.copyOf(refused));
    }

    private static Enrolment parse(String line, OfficeLayout layout) {
        String[] f = line.split("\\|", 5);
        if (f.length != 5) {
            throw new IllegalArgumentException("expected role|services|counters|token sha256|name");
        }
        ScreenRole role = ScreenRole.of(f[0].strip())
                .orElseThrow(() -> new IllegalArgumentException("the role is display, counter-screen or satellite"));
        Set<String> services = new LinkedHashSet<>();
        for (String s : list(f[1])) {
            if (layout.service(s).isEmpty()) {
                throw new IllegalArgumentException("no service " + printable(s) + " in this office");
            }
            services.add(s);
        }
        Set<Integer> counters = new LinkedHashSet<>();
        for (String c : list(f[2])) {
            int n;
            try {
                n = Integer.parseInt(c);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("a counter is a number, not " + printable(c));
            }
            if (layout.counter(n).isEmpty()) {
                throw new IllegalArgumentException("no counter " + n + " in this office");
            }
            counters.add(n);
        }
        if (services.size() > MAX_CHOSEN || counters.size() > MAX_CHOSEN) {
            throw new IllegalArgumentException("at most " + MAX_CHOSEN + " services and " + MAX_CHOSEN + " counters");
        }
        if (role == ScreenRole.COUNTER_SCREEN && (counters.size() != 1 || !services.isEmpty())) {
            throw new IllegalArgumentException("a counter screen shows exactly one counter and no services");
        }
        String hash = f[3].strip();
        if (!HASH.matcher(hash).matches()) {
            throw new IllegalArgumentException("the token's hash is 64 lower-case hex digits"); // never echoed
        }
        String name = f[4].strip();
        if (!SCREEN_NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("a screen's name is 1-64 characters without control characters");
        }
        return new Enrolment(name, role, services, counters, hash);
    }

    private static List<String> list(String field) {
        return Arrays.stream(field.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    private static String printable(String s) {
        String cut = s.length() > 32 ? s.substring(0, 32) + "…" : s;
        return "\"" + cut.replaceAll("\\p{Cntrl}", "?") + "\"";
    }
}
