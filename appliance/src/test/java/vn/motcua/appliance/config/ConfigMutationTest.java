package vn.motcua.appliance.config;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Generated bad values over every key line of the example config (and an unknown key in every section): each
 * mutated file is refused with at least one problem, every problem line starts with a key ({@code key = value:}
 * or {@code key:}), one of them names the mutated key, and no exception other than the config's own escapes.
 * Each mutation is certainly wrong whatever the key (a table where a value belongs, a value of the wrong kind,
 * a misspelt key), so none can pass by being valid by chance.
 */
class ConfigMutationTest {
    private static final Pattern KEY_LINE = Pattern.compile("^(\\s*)([a-z_]+)(\\s*=\\s*)(\"[^\"]*\"|'[^']*'|-?\\d+|true|false|\\[[^\\]]*\\])(.*)$");
    private static final Pattern SECTION = Pattern.compile("^\\s*\\[\\[?([a-z_.]+)\\]\\]?\\s*(#.*)?$");
    private static final Pattern NAMES_A_KEY = Pattern.compile("^[a-z_]+(\\[\\d+\\])?(\\.[a-z_]+(\\[\\d+\\])?)*( = |: )");

    record Mutation(String name, String key, String toml) {}

    static List<Mutation> mutations() {
        String[] lines = ConfigProblemsTest.EXAMPLE.split("\n", -1);
        List<Mutation> out = new ArrayList<>();
        String section = "";
        for (int i = 0; i < lines.length; i++) {
            Matcher s = SECTION.matcher(lines[i]);
            if (s.matches()) {
                section = s.group(1);
                out.add(mutate(lines, i, section + ": an unknown key", "zz_unknown",
                        lines[i] + "\nzz_unknown = 1"));
                continue;
            }
            Matcher m = KEY_LINE.matcher(lines[i]);
            if (!m.matches() || section.isEmpty()) {
                continue;
            }
            String key = m.group(2);
            String value = m.group(4);
            String indent = m.group(1);
            String rest = m.group(5);
            List<String> bad = new ArrayList<>(List.of("{ zz = 1 }", "[[1, 2], [3]]"));
            if (value.startsWith("\"") || value.startsWith("'")) {
                bad.addAll(List.of("[\"a\", \"b\"]", "{ text = " + value + " }"));
            } else if (value.startsWith("[")) {
                bad.addAll(List.of("\"not a list\"", "[{ a = 1 }]", "[7, 8]"));
            } else if (value.equals("true") || value.equals("false")) {
                bad.addAll(List.of("\"maybe\"", "[true]", "2"));
            } else {
                bad.addAll(List.of("\"twelve\"", "-987654321", "98765432109876", "1.5", "[1]"));
            }
            for (String b : bad) {
                out.add(mutate(lines, i, section + "." + key + " = " + b, key, indent + key + " = " + b + rest));
            }
            out.add(mutate(lines, i, section + "." + key + " misspelt", key + "x", indent + key + "x = " + value + rest));
        }
        return out;
    }

    private static Mutation mutate(String[] lines, int i, String name, String key, String replacement) {
        String[] copy = lines.clone();
        copy[i] = replacement;
        return new Mutation(name, key, String.join("\n", copy));
    }

    @Test
    void thereAreSeveralHundredMutations() {
        int n = mutations().size();
        assertTrue(n >= 300, n + " mutations");
    }

    @TestFactory
    Stream<DynamicTest> everyMutationIsRefusedNamingItsKey() {
        return mutations().stream().map(m -> DynamicTest.dynamicTest(m.name(), () -> {
            List<String> problems;
            try {
                ConfigLoader.parse(m.toml(), "mutated.conf");
                fail("accepted: " + m.name());
                return;
            } catch (ConfigException e) {
                problems = e.problems();
            }
            assertFalse(problems.isEmpty(), m.name());
            for (String p : problems) {
                assertTrue(NAMES_A_KEY.matcher(p).find(), "names a key: " + p);
                assertFalse(p.contains("Exception") || p.contains("\tat ") || p.contains("\n"), "no trace: " + p);
                assertTrue(p.length() < 600, "one short line: " + p);
            }
            assertTrue(problems.stream().anyMatch(p -> p.matches("^([a-z_.\\[\\]0-9]*\\.)?" + Pattern.quote(m.key()) + "(\\[\\d+\\])*( = |: ).*")),
                    "a problem names " + m.key() + ": " + problems);
        }));
    }
}
