package vn.motcua.appliance.config;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Reads the TOML config file (Jackson's TOML reader) and checks all of it in one pass: the file is parsed,
 * migrated from an older {@code config_version} ({@link ConfigMigration}), bound ({@link TomlBinding}) and every
 * section turned into its typed record ({@link ConfigValidator}), collecting every problem. Touches nothing but
 * the file itself (and, with {@code [web.lan]} enabled, reads its keystore), so it runs before the store, the
 * journal, any port or any device is opened, and as {@code --check-config}.
 */
public final class ConfigLoader {
    public static final Path DEFAULT_PATH = Path.of("/etc/motcua/appliance.conf");
    static final long MAX_BYTES = 256 * 1024;

    private ConfigLoader() {}

    /**
     * How a file is read.
     *
     * @param demo      modes left out of [devices.*] are "simulated" rather than "off" ({@code --demo})
     * @param openFiles open the files the config names (the LAN keystore, the ticket layout) to check them; off
     *                  only to check a file rendered for another machine, where those files are not
     */
    public record Options(boolean demo, boolean openFiles) {
        public static final Options START = new Options(false, true);
        public static final Options DEMO = new Options(true, true);
    }

    public static ApplianceConfig load(Path file) throws ConfigException {
        return load(file, Options.START);
    }

    public static ApplianceConfig load(Path file, Options options) throws ConfigException {
        String source = file.toString();
        try {
            if (!Files.isRegularFile(file)) {
                throw new ConfigException(source, List.of("config file not found (give another with --config PATH)"));
            }
            if (Files.size(file) > MAX_BYTES) {
                throw new ConfigException(source, List.of("config file is larger than " + MAX_BYTES + " bytes"));
            }
            return parse(Files.readString(file), source, options);
        } catch (IOException e) {
            throw new ConfigException(source, List.of("cannot read: " + TomlBinding.firstLine(e.getMessage())));
        }
    }

    public static ApplianceConfig parse(String toml, String source) throws ConfigException {
        return parse(toml, source, Options.START);
    }

    public static ApplianceConfig parse(String toml, String source, Options options) throws ConfigException {
        JsonNode tree;
        try {
            tree = TomlBinding.MAPPER.readTree(toml);
        } catch (JacksonException e) {
            JsonLocation at = e.getLocation();
            throw new ConfigException(source, List.of("not valid TOML" + (at != null && at.getLineNr() > 0
                    ? " at line " + at.getLineNr() : "") + ": " + TomlBinding.firstLine(e.getOriginalMessage())));
        }
        if (!(tree instanceof ObjectNode root) || root.isEmpty()) {
            throw new ConfigException(source, List.of("the file is empty"));
        }
        List<String> problems = new ArrayList<>();
        if (!ConfigMigration.toCurrent(root, problems)) {
            throw new ConfigException(source, problems);
        }
        RawConfig raw = TomlBinding.bind(root, problems);
        if (raw == null) {
            throw new ConfigException(source, problems);
        }
        return new ConfigValidator(problems).validate(raw, source, options);
    }
}
