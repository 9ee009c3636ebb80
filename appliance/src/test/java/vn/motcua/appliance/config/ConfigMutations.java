package vn.motcua.appliance.config;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Generated bad values over every key line of a config file (and an unknown key in every section). Each mutation is
 * certainly wrong whatever the key (a table where a value belongs, a value of the wrong kind, a misspelt key), so
 * none can pass by being valid by chance. Used in-process by {@code ConfigMutationTest} (every mutation) and by the
 * tests module's {@code BadConfigProcessTest} (a sample, on the packaged appliance).
 */
public final class ConfigMutations {
    private ConfigMutations() {}

    private static final Pattern KEY_LINE = Pattern.compile("^(\\s*)([a-z_]+)(\\s*=\\s*)(\"[^\"]*\"|'[^']*'|-?\\d+|true|false|\\[[^\\]]*\\])(.*)$");
    private static final Pattern SECTION = Pattern.compile("^\\s*\\[\\[?([a-z_.]+)\\]\\]?\\s*(#.*)?$");

    /** One bad file: what was changed, the key a problem must name, the whole text. */
    public record Mutation(String name, String key, String toml) {}

    /** Every mutation of {@code toml}: an unknown key in each section, and for each key line wrong values and a misspelling. */
    public static List<Mutation> of(String toml) {
        String[] lines = toml.split("\n", -1);
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

}
