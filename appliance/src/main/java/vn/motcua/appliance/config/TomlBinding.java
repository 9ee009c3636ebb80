package vn.motcua.appliance.config;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.deser.DeserializationProblemHandler;
import com.fasterxml.jackson.databind.deser.ValueInstantiator;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.toml.TomlMapper;
import vn.motcua.appliance.config.section.UnknownKey;

/**
 * Binds the parsed TOML tree to {@link RawConfig} without stopping at the first problem: Jackson's problem handler
 * records each unknown key and each value of the wrong kind (key, shown value, what was expected) and binds it as
 * missing, so the validator still checks everything else and the technician sees every problem of the file at once.
 */
final class TomlBinding {
    private TomlBinding() {}

    /**
     * The one TOML mapper: reads the file's tree ({@link ConfigLoader}) and binds it, with each binding's own problem
     * handler on a reader of its own. Built once: a mapper costs a cold JVM a tenth of a second before the first page.
     */
    static final TomlMapper MAPPER = TomlMapper.builder()
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .build();

    static RawConfig bind(ObjectNode tree, List<String> problems) {
        kinds(tree, RawConfig.class, "", problems);
        try {
            return MAPPER.readerFor(RawConfig.class).withHandler(new Collector(problems)).readValue(tree);
        } catch (JsonMappingException e) { // a shape the handler cannot bind as missing: named, the rest unchecked
            problems.add(path(e) + ": " + firstLine(e.getOriginalMessage()));
            return null;
        } catch (IOException e) {
            problems.add("cannot read the file's values: " + firstLine(e.getMessage()));
            return null;
        }
    }

    /**
     * Values of the wrong kind for {@link RawConfig}'s fields, which Jackson would otherwise coerce (2 to true, 5 to
     * "5", 1.5 to 1) or stop at: each is a problem here and dropped, so binding sees only values it can take.
     * {@code [uplink]} and {@code [devices.*]} are read strictly by {@link vn.motcua.appliance.config.section.DeviceSection}.
     */
    private static void kinds(JsonNode node, Class<?> type, String path, List<String> problems) {
        if (!(node instanceof ObjectNode table) || !type.isRecord()) {
            return;
        }
        for (java.lang.reflect.RecordComponent c : type.getRecordComponents()) {
            String name = c.getName().replaceAll("([A-Z])", "_$1").toLowerCase(java.util.Locale.ROOT);
            JsonNode v = table.get(name);
            String key = path.isEmpty() ? name : path + "." + name;
            if (v == null || v.isNull()) {
                continue;
            }
            Class<?> t = c.getType();
            String expected = t == Boolean.class && !v.isBoolean() ? "true or false"
                    : t == String.class && !v.isTextual() && !v.isContainerNode() ? "text in quotes"
                    : t == Integer.class && (v.isBoolean() || v.isFloatingPointNumber()) ? "a whole number (without quotes)"
                    : null;
            if (expected != null) {
                problems.add(Values.line(key, v.asText(), "expected " + expected));
                table.remove(name);
            } else if (t.isRecord()) {
                kinds(v, t, key, problems);
            } else if (t == List.class && v.isArray()
                    && c.getGenericType() instanceof java.lang.reflect.ParameterizedType pt
                    && pt.getActualTypeArguments()[0] instanceof Class<?> element) {
                for (int i = 0; i < v.size(); i++) {
                    JsonNode e = v.get(i);
                    if (element == String.class && e.isValueNode() && !e.isTextual()) {
                        problems.add(Values.line(key + "[" + i + "]", e.asText(), "expected text in quotes"));
                        ((com.fasterxml.jackson.databind.node.ArrayNode) v).set(i, com.fasterxml.jackson.databind.node.NullNode.getInstance());
                    } else {
                        kinds(e, element, key + "[" + i + "]", problems);
                    }
                }
            }
        }
    }

    /** Records a problem and binds the value as missing, so binding goes on. */
    private static final class Collector extends DeserializationProblemHandler {
        private final List<String> problems;

        Collector(List<String> problems) {
            this.problems = problems;
        }

        @Override
        public boolean handleUnknownProperty(DeserializationContext ctxt, JsonParser p, JsonDeserializer<?> deserializer,
                                             Object beanOrClass, String propertyName) throws IOException {
            // On a table or list value the parser's context is already the value's own: find the table holding the key.
            JsonStreamContext at = p.getParsingContext();
            while (at != null && !(at.inObject() && propertyName.equals(at.getCurrentName()))) {
                at = at.getParent();
            }
            String key = at == null ? propertyName : path(at);
            JsonNode value = p.readValueAsTree();
            List<String> known = new ArrayList<>();
            if (deserializer != null) {
                deserializer.getKnownPropertyNames().forEach(k -> known.add(String.valueOf(k)));
            }
            problems.add(UnknownKey.problem(key.isEmpty() ? propertyName : key, shown(value), known));
            return true;
        }

        @Override
        public Object handleWeirdStringValue(DeserializationContext ctxt, Class<?> targetType, String value, String failureMsg) {
            problems.add(Values.line(path(ctxt.getParser().getParsingContext()), value, "expected " + kind(targetType)));
            return null;
        }

        @Override
        public Object handleWeirdNumberValue(DeserializationContext ctxt, Class<?> targetType, Number value, String failureMsg) {
            problems.add(Values.line(path(ctxt.getParser().getParsingContext()), value, "expected " + kind(targetType)));
            return null;
        }

        @Override
        public Object handleUnexpectedToken(DeserializationContext ctxt, JavaType targetType, JsonToken t, JsonParser p,
                                            String failureMsg) throws IOException {
            return skip(p, t, targetType.getRawClass());
        }

        @Override
        public Object handleMissingInstantiator(DeserializationContext ctxt, Class<?> instClass, ValueInstantiator inst,
                                                JsonParser p, String msg) throws IOException {
            return skip(p, p.currentToken(), instClass);
        }

        private Object skip(JsonParser p, JsonToken t, Class<?> target) throws IOException {
            boolean structure = t == JsonToken.START_ARRAY || t == JsonToken.START_OBJECT;
            if (structure && p.currentToken() != t) {
                // Jackson has stepped into the array (looking for a single value to unwrap): skip to its end.
                String key = path(p.getParsingContext().getParent());
                for (JsonToken at = p.currentToken(); at != JsonToken.END_ARRAY && at != JsonToken.END_OBJECT && at != null;
                     at = p.nextToken()) {
                    p.skipChildren();
                }
                problems.add(Values.line(key, "[…]", "expected " + kind(target)));
                return null;
            }
            // Inside a structure the parser stands on its first token; its context is the structure itself.
            String key = path(structure ? p.getParsingContext().getParent() : p.getParsingContext());
            JsonNode value = p.readValueAsTree();
            problems.add(Values.line(key, shown(value), "expected " + kind(target)));
            return null;
        }
    }

    private static String kind(Class<?> type) {
        if (type == Integer.class || type == int.class || type == Long.class || type == long.class) {
            return "a whole number (without quotes)";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (type == String.class) {
            return "text in quotes";
        }
        if (List.class.isAssignableFrom(type)) {
            return "a list [ ... ] (or [[ ]] tables)";
        }
        return "a section of keys";
    }

    private static String shown(JsonNode value) {
        return value == null ? null : value.isValueNode() ? value.asText() : value.toString();
    }

    /** {@code services[2].hours.opens}: the key as the technician finds it in the file. */
    static String path(JsonStreamContext c) {
        Deque<String> parts = new ArrayDeque<>();
        for (; c != null && !c.inRoot(); c = c.getParent()) {
            if (c.inArray()) {
                parts.push("[" + Math.max(0, c.getCurrentIndex()) + "]");
            } else if (c.getCurrentName() != null) {
                parts.push("." + c.getCurrentName());
            }
        }
        return String.join("", parts).replaceFirst("^\\.", "");
    }

    private static String path(JsonMappingException e) {
        StringBuilder b = new StringBuilder();
        for (JsonMappingException.Reference r : e.getPath()) {
            b.append(r.getFieldName() != null ? "." + r.getFieldName() : "[" + r.getIndex() + "]");
        }
        return b.toString().replaceFirst("^\\.", "");
    }

    static String firstLine(String s) {
        String line = s == null ? "" : s.lines().findFirst().orElse("");
        line = line.replaceAll("\\p{Cntrl}", "?");
        return line.length() > 160 ? line.substring(0, 160) + "…" : line;
    }
}
