package vn.motcua.appliance.config;

import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import vn.motcua.appliance.domain.ClosedDays;
import vn.motcua.appliance.domain.CounterDef;
import vn.motcua.appliance.domain.OfficeLayout;
import vn.motcua.appliance.domain.OpeningHours;
import vn.motcua.appliance.domain.Priority;
import vn.motcua.appliance.domain.BookingRules;
import vn.motcua.appliance.domain.QueueRules;
import vn.motcua.appliance.domain.ServiceDef;

/** Turns the raw file into an {@link ApplianceConfig}, or lists every problem found. */
final class ConfigValidator {
    /** Ids go into MQTT topics: no '+', '#', '/' or control characters can get through. */
    static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9_-]{0,63}");
    private static final Pattern NAME = Pattern.compile("[^\\p{Cntrl}]{1,120}");
    private static final Pattern PREFIX = Pattern.compile("[A-Z]");
    private static final Pattern VOICE_LANGUAGES = Pattern.compile("vi|vi,en");
    private static final String ID_RULE = "1-64 of a-z, 0-9, _ or -, starting with a letter or digit";

    private final List<String> problems;
    private final Values v;

    /** @param problems the file's problems so far (from binding); this pass adds its own */
    ConfigValidator(List<String> problems) {
        this.problems = problems;
        this.v = new Values(problems);
    }

    ApplianceConfig validate(RawConfig raw, String source, ConfigLoader.Options options) throws ConfigException {
        RawConfig.Appliance a = v.required("appliance", raw.appliance(), "an [appliance] section");
        ApplianceConfig.Identity id = a == null ? null : identity(a);
        QueueRules rules = rules(raw.queue() == null ? new RawConfig.Queue(null, null, null, null, null, null, null, null, null, null) : raw.queue());
        OpeningHours defaultHours = hours("hours", raw.hours(), null);
        List<ServiceDef> services = services(raw.services(), defaultHours);
        List<CounterDef> counters = counters(raw.counters(), raw.services());
        ApplianceConfig.Web web = new WebValidator(v, options.openFiles()).web(
                raw.web() == null ? new RawConfig.Web(null, null, null, null, null, null, null) : raw.web(),
                id == null ? Path.of("/var/lib/motcua") : id.dataDir());
        RawConfig.Manager mg = raw.manager() == null ? new RawConfig.Manager(null, null) : raw.manager();
        ApplianceConfig.Manager manager = new ApplianceConfig.Manager(
                v.integer("manager.alert_waiting", mg.alertWaiting(), 1, 9999, 20),
                positive("manager.alert_wait", mg.alertWait(), Duration.ofMinutes(30)));
        RawConfig.Store s = raw.store() == null ? new RawConfig.Store(null, null, null, null, null) : raw.store();
        ApplianceConfig.Store store = new ApplianceConfig.Store(s.durableCommits() == null || s.durableCommits(),
                v.duration("store.outbox_retention", s.outboxRetention(), Duration.ofDays(30)),
                v.integer("store.low_space_mib", s.lowSpaceMib(), 1, 1_000_000, 64) * 1024L * 1024,
                Boolean.TRUE.equals(s.restoreFromDistrict()),
                positive("store.restore_timeout", s.restoreTimeout(), Duration.ofSeconds(20)));
        RawConfig.Kiosk k = raw.kiosk() == null ? new RawConfig.Kiosk(null) : raw.kiosk();
        ApplianceConfig.Kiosk kiosk = new ApplianceConfig.Kiosk(
                Duration.ofSeconds(v.integer("kiosk.status_timeout_seconds", k.statusTimeoutSeconds(), 5, 600, 20)));
        ApplianceConfig.Voice voice = new ApplianceConfig.Voice("vi,en".equals(v.text("voice.languages",
                raw.voice() == null ? null : raw.voice().languages(), VOICE_LANGUAGES,
                "\"vi\" (Vietnamese only) or \"vi,en\" (Vietnamese, then English)", "vi,en")),
                v.integer("voice.repeat", raw.voice() == null ? null : raw.voice().repeat(), 1, 5, 1),
                raw.voice() != null && Boolean.TRUE.equals(raw.voice().guidanceOnButtons()));
        ClosedDays closed = closedDays(raw.calendar());
        EdgeSections edges = new EdgeSections(problems);
        ApplianceConfig.Devices devices = edges.devices(raw.devices(), services, counters, options);
        var uplink = edges.uplink(raw.uplink(), id, store.outboxRetention());
        Optional<ApplianceConfig.Satellite> satellite = raw.satellite() == null ? Optional.empty()
                : Optional.of(new SatelliteValidator(v).satellite(raw.satellite(),
                        id == null ? Path.of("/var/lib/motcua") : id.dataDir(), uplink.isPresent()));
        OfficeLayout office = null;
        if (problems.isEmpty()) {
            try {
                office = new OfficeLayout(services, counters, rules, closed);
            } catch (IllegalArgumentException e) { // how services and counters fit together: named by their section
                problems.add((e.getMessage().startsWith("counter") ? "counters" : "services") + ": " + e.getMessage());
            }
        }
        if (!problems.isEmpty()) {
            throw new ConfigException(source, problems);
        }
        return new ApplianceConfig(id, office, web, store, uplink, devices, manager, kiosk, voice, satellite);
    }

    private ApplianceConfig.Identity identity(RawConfig.Appliance a) {
        return new ApplianceConfig.Identity(
                v.text("appliance.device_id", a.deviceId(), ID, ID_RULE, null),
                v.text("appliance.district", a.district(), ID, ID_RULE, null),
                v.text("appliance.office", a.office(), ID, ID_RULE, null),
                v.text("appliance.office_name_vi", a.officeNameVi(), NAME, "the office's name, 1-120 characters", null),
                v.text("appliance.office_name_en", a.officeNameEn(), NAME, "the office's name, 1-120 characters", ""),
                Path.of(v.text("appliance.data_dir", a.dataDir(), Pattern.compile("[^\\p{Cntrl}]{1,255}"),
                        "a folder path", "/var/lib/motcua")),
                ApplianceConfig.WallClock.valueOf(v.text("appliance.wall_clock", a.wallClock(), Pattern.compile("timesync|system"),
                        "\"timesync\" (trusted once NTP has synchronised) or \"system\" (always trusted)", "timesync")
                        .toUpperCase(java.util.Locale.ROOT)));
    }

    private QueueRules rules(RawConfig.Queue q) {
        QueueRules d = QueueRules.defaults();
        ZoneId zone = v.parse("queue.zone", q.zone(), d.zone(), "a time zone id such as Asia/Ho_Chi_Minh", ZoneId::of);
        Set<Priority> priorities = EnumSet.noneOf(Priority.class);
        List<String> names = q.priorities() == null ? d.priorities().stream().map(Enum::name).toList() : q.priorities();
        for (int i = 0; i < names.size(); i++) {
            Priority p = v.parse("queue.priorities[" + i + "]", names.get(i), null,
                    "one of ELDERLY, DISABLED, PREGNANT, CHILD_CARER, VETERAN",
                    n -> Priority.valueOf(n.toUpperCase(Locale.ROOT)));
            if (p != null && p != Priority.NORMAL) {
                priorities.add(p);
            }
        }
        return new QueueRules(zone,
                v.time("queue.day_starts_at", q.dayStartsAt(), d.dayStartsAt()),
                positive("queue.no_show_recall_window", q.noShowRecallWindow(), d.noShowRecallWindow()),
                positive("queue.rating_window", q.ratingWindow(), d.ratingWindow()),
                positive("queue.default_service_time", q.defaultServiceTime(), d.defaultServiceTime()),
                v.integer("queue.estimate_sample", q.estimateSample(), 1, 1000, d.estimateSample()),
                priorities,
                QueueRules.UnstartedCall.valueOf(v.text("queue.unstarted_call_on_next", q.unstartedCallOnNext(),
                        Pattern.compile("no_show|served"), "\"no_show\" or \"served\"",
                        d.unstartedCallOnNext().name().toLowerCase(Locale.ROOT)).toUpperCase(Locale.ROOT)),
                bookings(q));
    }

    /** {@code booking_grace} 0..2h (0: a booking is late at its slot start); whether early arrivals wait for the slot. */
    private BookingRules bookings(RawConfig.Queue q) {
        BookingRules d = BookingRules.defaults();
        Duration grace = v.duration("queue.booking_grace", q.bookingGrace(), d.grace());
        if (grace.compareTo(Duration.ofHours(2)) > 0) {
            v.problem("queue.booking_grace", q.bookingGrace(), "a duration from 0s to 2h");
            grace = d.grace();
        }
        return new BookingRules(grace, q.bookingEarlyArrivalsWait() == null ? d.earlyArrivalsWait()
                : q.bookingEarlyArrivalsWait());
    }

    private Duration positive(String key, String value, Duration fallback) {
        Duration d = v.duration(key, value, fallback);
        if (d.isZero()) {
            v.problem(key, value, "a duration above zero");
            return fallback;
        }
        return d;
    }

    private OpeningHours hours(String key, RawConfig.Hours h, OpeningHours fallback) {
        if (h == null) {
            return fallback != null ? fallback : new OpeningHours(EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY),
                    LocalTime.of(7, 30), LocalTime.of(17, 0), LocalTime.of(11, 30), LocalTime.of(13, 0));
        }
        Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
        List<String> names = h.days() == null ? List.of("MON", "TUE", "WED", "THU", "FRI") : h.days();
        for (int i = 0; i < names.size(); i++) {
            DayOfWeek d = v.parse(key + ".days[" + i + "]", names.get(i), null, "a day such as MON, TUE, ..., SUN",
                    ConfigValidator::day);
            if (d != null) {
                days.add(d);
            }
        }
        LocalTime opens = v.time(key + ".opens", h.opens(), LocalTime.of(7, 30));
        LocalTime closes = v.closingTime(key + ".closes", h.closes(), LocalTime.of(17, 0));
        LocalTime lunchStarts = v.time(key + ".lunch_starts", h.lunchStarts(), LocalTime.NOON);
        LocalTime lunchEnds = v.time(key + ".lunch_ends", h.lunchEnds(), lunchStarts);
        try {
            return new OpeningHours(days, opens, closes, lunchStarts, lunchEnds);
        } catch (IllegalArgumentException e) {
            problems.add(key + ": " + e.getMessage());
            return OpeningHours.always();
        }
    }

    /**
     * {@code [calendar] closed_days}: "2027-01-01" or a range "2027-02-05..2027-02-11" (Tết), each entry checked on
     * its own so a bad one is named by its index.
     */
    private ClosedDays closedDays(RawConfig.Calendar c) {
        if (c == null || c.closedDays() == null) {
            return ClosedDays.none();
        }
        Set<java.time.LocalDate> days = new java.util.TreeSet<>();
        for (int i = 0; i < c.closedDays().size(); i++) {
            String entry = c.closedDays().get(i);
            List<java.time.LocalDate> range = v.parse("calendar.closed_days[" + i + "]", entry, null,
                    "a date 2027-01-01 or a range 2027-02-05..2027-02-11 (first day not after the last, at most 31 days)",
                    ClosedDays::parseEntry);
            if (range != null) {
                days.addAll(range);
            }
        }
        return new ClosedDays(days);
    }

    private static DayOfWeek day(String s) {
        String u = s.trim().toUpperCase(Locale.ROOT);
        for (DayOfWeek d : DayOfWeek.values()) {
            if (d.name().startsWith(u) && u.length() >= 3) {
                return d;
            }
        }
        throw new IllegalArgumentException(s);
    }

    private List<ServiceDef> services(List<RawConfig.Service> raw, OpeningHours defaultHours) {
        List<ServiceDef> out = new ArrayList<>();
        if (raw == null || raw.isEmpty()) {
            v.problem("services", null, "at least one [[services]] entry");
            return out;
        }
        for (int i = 0; i < raw.size(); i++) {
            RawConfig.Service s = raw.get(i);
            String k = "services[" + i + "]";
            String code = v.text(k + ".code", s.code(), Pattern.compile("[a-z][a-z0-9_-]{0,31}"),
                    "1-32 of a-z, 0-9, _ or -, starting with a letter", null);
            String prefix = v.text(k + ".prefix", s.prefix(), PREFIX, "one capital letter A-Z", null);
            String vi = v.text(k + ".name_vi", s.nameVi(), NAME, "the Vietnamese name, 1-120 characters", null);
            String en = v.text(k + ".name_en", s.nameEn(), NAME, "the English name, 1-120 characters", null);
            int first = v.integer(k + ".first_number", s.firstNumber(), 1, 9999, 1);
            int last = v.integer(k + ".last_number", s.lastNumber(), 1, 9999, 999);
            int cap = v.integer(k + ".daily_cap", s.dailyCap(), 0, 9999, 0);
            OpeningHours h = hours(k + ".hours", s.hours(), defaultHours);
            if (first > last) {
                v.problem(k + ".first_number", first, "at most last_number (" + last + ")");
            }
            if (code != null && prefix != null && vi != null && en != null && first <= last) {
                out.add(new ServiceDef(code, vi, en, prefix.charAt(0), first, last, cap, h));
            }
        }
        return out;
    }

    /** @param services the file's services: each counter's codes are checked against their codes, by key */
    private List<CounterDef> counters(List<RawConfig.Counter> raw, List<RawConfig.Service> services) {
        List<String> codes = services == null ? List.of()
                : services.stream().map(RawConfig.Service::code).filter(java.util.Objects::nonNull).toList();
        List<CounterDef> out = new ArrayList<>();
        if (raw == null || raw.isEmpty()) {
            v.problem("counters", null, "at least one [[counters]] entry");
            return out;
        }
        for (int i = 0; i < raw.size(); i++) {
            RawConfig.Counter c = raw.get(i);
            String k = "counters[" + i + "]";
            int number = v.integer(k + ".number", c.number(), 1, 99, null);
            String name = v.text(k + ".name", c.name(), NAME, "a name, 1-120 characters", "Quầy " + number);
            if (c.services() == null || c.services().isEmpty()) {
                v.problem(k + ".services", c.services(), "a list of the service codes this counter serves");
            } else if (c.services().stream().anyMatch(code -> code == null || !codes.contains(code))) {
                v.problem(k + ".services", c.services(), "codes of [[services]] entries (" + String.join(", ", codes) + ")");
            } else if (c.number() != null) {
                // no [counters.hours]: the counter may be opened at any time (the services' hours still bind tickets)
                out.add(new CounterDef(number, name, c.services(),
                        c.hours() == null ? OpeningHours.always() : hours(k + ".hours", c.hours(), null)));
            }
        }
        return out;
    }
}
