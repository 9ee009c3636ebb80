package vn.motcua.appliance.config.section;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;

/**
 * One {@code [devices.NAME]} section (or one entry of an array of tables inside it) read strictly, the way
 * {@code config.ConfigValidator} reads the rest of the file: a key the section does not know, or a value of the wrong
 * kind (text where a number or true/false belongs), is a problem naming the key and the value (sanitised,
 * truncated by {@link ProblemLines#shown}), never a silent default. Problems are collected, not thrown, so the
 * technician sees them all at once. Each device module lists the keys it reads; that list is the contract the
 * example {@code appliance.conf} documents.
 */
public final class DeviceSection {
    private final String prefix;
    private final JsonNode node;
    private final List<String> problems;

    private DeviceSection(String prefix, JsonNode node, Set<String> keys, List<String> problems) {
        this.prefix = prefix;
        this.problems = problems;
        if (!node.isMissingNode() && !node.isNull() && !node.isObject()) {
            problems.add(ProblemLines.line(prefix, node.asText(), "expected a section [" + prefix + "]"));
            node = MissingNode.getInstance();
        }
        this.node = node;
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            String k = it.next();
            if (!keys.contains(k)) {
                problems.add(UnknownKey.problem(prefix + "." + ProblemLines.shown(k).replace("'", ""), text(node.get(k)), keys));
            }
        }
    }

    /**
     * @param devices  the raw {@code [devices]} table (or a missing node)
     * @param name     the section, e.g. {@code printer}
     * @param keys     every key this section may hold
     * @param problems where problems are added
     */
    public static DeviceSection of(JsonNode devices, String name, Set<String> keys, List<String> problems) {
        return new DeviceSection("devices." + name, devices.path(name), keys, problems);
    }

    /** A top-level section read the same way, e.g. {@code [uplink]}. */
    public static DeviceSection top(String name, JsonNode section, Set<String> keys, List<String> problems) {
        return new DeviceSection(name, section == null ? MissingNode.getInstance() : section, keys, problems);
    }

    /** Whether the section is in the file at all. */
    public boolean present() {
        return !node.isMissingNode() && !node.isNull();
    }

    public boolean has(String key) {
        return node.hasNonNull(key);
    }

    /** The full key as a technician finds it in the file, e.g. {@code devices.printer.baud}. */
    public String key(String key) {
        return prefix + "." + key;
    }

    /** Adds a problem about this key's value. */
    public void problem(String key, String expected) {
        problems.add(ProblemLines.line(key(key), text(node.get(key)), "expected " + expected));
    }

    public String text(String key, String fallback) {
        JsonNode v = node.get(key);
        if (v == null || v.isNull()) {
            return fallback;
        }
        if (!v.isTextual()) {
            problem(key, "text in quotes");
            return fallback;
        }
        return v.asText();
    }

    public long number(String key, long fallback, long min, long max) {
        JsonNode v = node.get(key);
        if (v == null || v.isNull()) {
            return fallback;
        }
        if (!v.isIntegralNumber() || !v.canConvertToLong() || v.asLong() < min || v.asLong() > max) {
            problem(key, "a whole number from " + min + " to " + max + (v.isTextual() ? " (without quotes)" : ""));
            return fallback;
        }
        return v.asLong();
    }

    public int integer(String key, int fallback, int min, int max) {
        return (int) number(key, fallback, min, max);
    }

    public boolean bool(String key, boolean fallback) {
        JsonNode v = node.get(key);
        if (v == null || v.isNull()) {
            return fallback;
        }
        if (!v.isBoolean()) {
            problem(key, "true or false");
            return fallback;
        }
        return v.asBoolean();
    }

    /** Each entry of an array of tables ({@code [[devices.NAME.KEY]]}), read strictly with its own keys. */
    public List<DeviceSection> entries(String key, Set<String> keys) {
        JsonNode v = node.path(key);
        List<DeviceSection> out = new ArrayList<>();
        if (v.isMissingNode() || v.isNull()) {
            return out;
        }
        if (!v.isArray()) {
            problem(key, "a list of [[" + key(key) + "]] entries");
            return out;
        }
        for (int i = 0; i < v.size(); i++) {
            out.add(new DeviceSection(key(key) + "[" + i + "]", v.get(i), keys, problems));
        }
        return out;
    }

    private static String text(JsonNode v) {
        return v == null ? null : v.isValueNode() ? v.asText() : v.toString();
    }
}
