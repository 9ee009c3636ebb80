package vn.motcua.appliance.config;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.List;
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
    private static final Pattern NAMES_A_KEY = Pattern.compile("^[a-z_]+(\\[\\d+\\])?(\\.[a-z_]+(\\[\\d+\\])?)*( = |: )");

    static List<ConfigMutations.Mutation> mutations() {
        return ConfigMutations.of(ConfigProblemsTest.EXAMPLE);
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
