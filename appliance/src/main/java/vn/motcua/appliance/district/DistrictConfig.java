package vn.motcua.appliance.district;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;

import vn.motcua.appliance.domain.CounterDef;
import vn.motcua.appliance.domain.OfficeLayout;
import vn.motcua.appliance.domain.OpeningHours;
import vn.motcua.appliance.domain.QueueRules;
import vn.motcua.appliance.domain.ServiceDef;

/**
 * Reads the office configuration the district pushes (TOPICS.md, "Config from the district") into an
 * {@link OfficeLayout}, keeping this appliance's queue rules. Opening hours are given per weekday as up to two
 * periods, {@code "07:30-11:30,13:30-17:00"}: the gap between them is the lunch break.
 */
final class DistrictConfig {
    private DistrictConfig() {}

    static OfficeLayout layout(JsonNode c, QueueRules rules, OfficeLayout current) {
        OpeningHours hours = c.has("openingHours") ? hours(c.get("openingHours")) : null;
        List<ServiceDef> services = new ArrayList<>();
        JsonNode list = c.path("services");
        if (!list.isArray() || list.isEmpty()) {
            throw new IllegalArgumentException("an office needs at least one service");
        }
        for (JsonNode s : list) {
            String code = text(s, "code");
            OpeningHours h = hours != null ? hours
                    : current.service(code).map(ServiceDef::hours).orElse(current.services().getFirst().hours());
            String prefix = text(s, "prefix");
            if (prefix.length() != 1) {
                throw new IllegalArgumentException("service " + code + ": prefix must be one letter");
            }
            services.add(new ServiceDef(code, text(s, "nameVi"), text(s, "nameEn"), prefix.charAt(0),
                    s.path("firstNumber").asInt(1), s.path("lastNumber").asInt(999), s.path("dailyCap").asInt(0), h));
        }
        List<CounterDef> counters = new ArrayList<>();
        for (JsonNode k : c.path("counters")) {
            int number = k.path("number").asInt(-1);
            List<String> serves = new ArrayList<>();
            k.path("services").forEach(x -> serves.add(x.asText()));
            // a counter's own hours are this appliance's, like the office calendar
            counters.add(new CounterDef(number, k.path("name").asText("Quầy " + number), serves,
                    current.counter(number).map(CounterDef::hours).orElse(OpeningHours.always())));
        }
        if (counters.isEmpty()) {
            throw new IllegalArgumentException("an office needs at least one counter");
        }
        // cross-checks codes, prefixes, counters; the office calendar is this appliance's own, like its rules
        return new OfficeLayout(services, counters, rules, current.closedDays());
    }

    private static String text(JsonNode n, String field) {
        JsonNode v = n.get(field);
        if (v == null || !v.isTextual() || v.asText().isBlank() || v.asText().length() > 120
                || v.asText().chars().anyMatch(Character::isISOControl)) {
            throw new IllegalArgumentException("field " + field + " missing or not a short text");
        }
        return v.asText();
    }

    /** All listed days share one schedule in this version; days with different hours are refused, not guessed. */
    static OpeningHours hours(JsonNode byDay) {
        Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
        String schedule = null;
        for (Iterator<Map.Entry<String, JsonNode>> it = byDay.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            days.add(day(e.getKey()));
            String periods = e.getValue().asText();
            if (schedule != null && !schedule.equals(periods)) {
                throw new IllegalArgumentException("different hours on different days are not supported yet");
            }
            schedule = periods;
        }
        if (schedule == null) {
            throw new IllegalArgumentException("openingHours lists no day");
        }
        String[] parts = schedule.split(",");
        if (parts.length > 2) {
            throw new IllegalArgumentException("at most two opening periods a day (morning, afternoon)");
        }
        LocalTime[] first = period(parts[0]);
        if (parts.length == 1) {
            return new OpeningHours(days, first[0], first[1], first[1], first[1]);
        }
        LocalTime[] second = period(parts[1]);
        return new OpeningHours(days, first[0], second[1], first[1], second[0]);
    }

    private static LocalTime[] period(String p) {
        String[] ends = p.trim().split("-");
        if (ends.length != 2) {
            throw new IllegalArgumentException("opening period '" + p.strip() + "' is not HH:MM-HH:MM");
        }
        try {
            return new LocalTime[] {LocalTime.parse(ends[0].trim()), LocalTime.parse(ends[1].trim())};
        } catch (java.time.format.DateTimeParseException e) {
            throw new IllegalArgumentException("opening period '" + p.strip() + "' is not HH:MM-HH:MM");
        }
    }

    private static DayOfWeek day(String key) {
        String k = key.toUpperCase(Locale.ROOT);
        for (DayOfWeek d : DayOfWeek.values()) {
            if (k.length() >= 3 && d.name().startsWith(k)) {
                return d;
            }
        }
        throw new IllegalArgumentException("unknown day '" + key + "' in openingHours");
    }
}
