package vn.motcua.appliance.config;

import java.time.Duration;
import java.time.LocalTime;
import java.time.DateTimeException;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import vn.motcua.appliance.config.section.ProblemLines;

/** Parses single values, recording a problem (key, value, what was expected) instead of throwing. */
final class Values {
    private static final Pattern DURATION = Pattern.compile("(\\d{1,6})\\s*(s|m|h|d)");
    private final List<String> problems;

    Values(List<String> problems) {
        this.problems = problems;
    }

    void problem(String key, Object value, String expected) {
        if (value == null && problems.stream().anyMatch(p -> p.startsWith(key + " = "))) {
            return; // its value was refused when the file was bound: it is not also "missing"
        }
        problems.add(line(key, value, "expected " + expected));
    }

    static String line(String key, Object value, String what) {
        return ProblemLines.line(key, value, what);
    }

    static String shown(Object value) {
        return ProblemLines.shown(value);
    }

    <T> T required(String key, T value, String expected) {
        if (value == null) {
            problem(key, null, expected);
        }
        return value;
    }

    String text(String key, String value, Pattern pattern, String expected, String fallback) {
        if (value == null) {
            if (fallback == null) {
                problem(key, null, expected);
            }
            return fallback;
        }
        if (!pattern.matcher(value).matches()) {
            problem(key, value, expected);
            return fallback;
        }
        return value;
    }

    int integer(String key, Integer value, int min, int max, Integer fallback) {
        if (value == null) {
            if (fallback == null) {
                problem(key, null, "a whole number from " + min + " to " + max);
                return min;
            }
            return fallback;
        }
        if (value < min || value > max) {
            problem(key, value, "a whole number from " + min + " to " + max);
            return fallback == null ? min : fallback;
        }
        return value;
    }

    LocalTime time(String key, String value, LocalTime fallback) {
        return parse(key, value, fallback, "a local time HH:MM, e.g. 07:30", v -> LocalTime.parse(v));
    }

    /**
     * A closing time: HH:MM, or "24:00" for the end of the day. Without it an office open until midnight (or around
     * the clock) could only say 23:59 and would refuse tickets in the day's last minute.
     */
    LocalTime closingTime(String key, String value, LocalTime fallback) {
        return parse(key, value, fallback, "a local time HH:MM (24:00 = the end of the day), e.g. 17:00",
                v -> "24:00".equals(v.trim()) ? LocalTime.MAX : LocalTime.parse(v));
    }

    /** "90s", "15m", "2h", "30d". */
    Duration duration(String key, String value, Duration fallback) {
        return parse(key, value, fallback, "a duration such as 90s, 15m, 2h or 30d", v -> {
            Matcher m = DURATION.matcher(v.trim().toLowerCase(Locale.ROOT));
            if (!m.matches()) {
                throw new IllegalArgumentException(v);
            }
            long n = Long.parseLong(m.group(1));
            return switch (m.group(2)) {
                case "s" -> Duration.ofSeconds(n);
                case "m" -> Duration.ofMinutes(n);
                case "h" -> Duration.ofHours(n);
                default -> Duration.ofDays(n);
            };
        });
    }

    <T> T parse(String key, String value, T fallback, String expected, Function<String, T> parser) {
        if (value == null) {
            if (fallback == null) {
                problem(key, null, expected);
            }
            return fallback;
        }
        try {
            return parser.apply(value);
        } catch (DateTimeException | IllegalArgumentException e) {
            // DateTimeException, not only its parse subclass: ZoneId.of("Asia/Hanoi") throws ZoneRulesException
            problem(key, value, expected);
            return fallback;
        }
    }
}
