package vn.motcua.appliance.config;

import java.util.List;

/** The config file is wrong; {@link #problems()} names each bad key, its value and what was expected. */
public final class ConfigException extends Exception {
    private final String source;
    private final List<String> problems;

    public ConfigException(String source, List<String> problems) {
        super("invalid configuration in " + source + ":\n  - " + String.join("\n  - ", problems));
        this.source = source;
        this.problems = List.copyOf(problems);
    }

    /** The file (or section) the problems are in. */
    public String source() {
        return source;
    }

    public List<String> problems() {
        return problems;
    }
}
