package vn.motcua.appliance.config;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.dataformat.toml.TomlMapper;

/** Reads the TOML config file (Jackson's TOML reader) and validates it. */
public final class ConfigLoader {
    public static final Path DEFAULT_PATH = Path.of("/etc/motcua/appliance.conf");
    static final long MAX_BYTES = 256 * 1024;

    private static final TomlMapper TOML = TomlMapper.builder()
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .build();

    private ConfigLoader() {}

    public static ApplianceConfig load(Path file) throws ConfigException {
        String source = file.toString();
        try {
            if (!Files.isRegularFile(file)) {
                throw new ConfigException(source, List.of("config file not found (give another with --config PATH)"));
            }
            if (Files.size(file) > MAX_BYTES) {
                throw new ConfigException(source, List.of("config file is larger than " + MAX_BYTES + " bytes"));
            }
            return parse(Files.readString(file), source);
        } catch (IOException e) {
            throw new ConfigException(source, List.of("cannot read: " + e.getMessage()));
        }
    }

    public static ApplianceConfig parse(String toml, String source) throws ConfigException {
        RawConfig raw;
        try {
            raw = TOML.readValue(toml, RawConfig.class);
        } catch (UnrecognizedPropertyException e) {
            throw new ConfigException(source, List.of(path(e) + ": unknown key (check its spelling and section)"));
        } catch (JsonMappingException e) {
            throw new ConfigException(source, List.of(path(e) + ": " + firstLine(e.getOriginalMessage())));
        } catch (JacksonException e) {
            throw new ConfigException(source, List.of("not valid TOML: " + firstLine(e.getOriginalMessage())));
        }
        if (raw == null) {
            throw new ConfigException(source, List.of("the file is empty"));
        }
        return new ConfigValidator().validate(raw, source);
    }

    private static String path(JsonMappingException e) {
        return e.getPath().stream()
                .map(r -> r.getFieldName() != null ? "." + r.getFieldName() : "[" + r.getIndex() + "]")
                .collect(Collectors.joining()).replaceFirst("^\\.", "");
    }

    private static String firstLine(String s) {
        String line = s == null ? "" : s.lines().findFirst().orElse("");
        return line.replaceAll("\\p{Cntrl}", "?");
    }
}
