package vn.motcua.appliance.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.function.Executable;

/**
 * The fixture office every engine test runs in, modelled on a district one-stop office:
 * <ul>
 *   <li>{@code hotich} (A, 1..999): Mon-Fri 07:30-17:00, lunch 11:30-13:30, no cap;</li>
 *   <li>{@code datdai} (B, 1..999): same hours, at most 3 tickets a day;</li>
 *   <li>{@code chungthuc} (C, 1..1999, so four digits): Mon-Sat, same times;</li>
 *   <li>{@code kinhdoanh} (D, 7..9: three numbers a day), open all day every day.</li>
 * </ul>
 * Counters: 1 serves hộ tịch then chứng thực, 2 chứng thực then hộ tịch, 3 đất đai, 4 kinh doanh then đất đai.
 * The day starts at 04:00 Asia/Ho_Chi_Minh; no-shows can be recalled for 15 minutes; ratings for 5 minutes.
 */
final class Office {
    /** A Monday. */
    static final LocalDate MONDAY = LocalDate.of(2026, 11, 23);
    static final LocalDateTime MONDAY_9AM = MONDAY.atTime(9, 0);
    static final Duration RECALL_WINDOW = Duration.ofMinutes(15);
    static final Duration RATING_WINDOW = Duration.ofMinutes(5);
    static final Duration DEFAULT_SERVICE_TIME = Duration.ofMinutes(6);

    private Office() {}

    static OfficeLayout layout() {
        return layout(LocalTime.of(4, 0), 20);
    }

    /** The fixture office with the given rule for a call nobody started ({@code queue.unstarted_call_on_next}). */
    static OfficeLayout layout(QueueRules.UnstartedCall unstarted) {
        return layout(LocalTime.of(4, 0), 20, unstarted);
    }

    static OfficeLayout layout(LocalTime dayStartsAt, int estimateSample) {
        return layout(dayStartsAt, estimateSample, QueueRules.UnstartedCall.NO_SHOW);
    }

    static OfficeLayout layout(LocalTime dayStartsAt, int estimateSample, QueueRules.UnstartedCall unstarted) {
        Set<DayOfWeek> weekdays = EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY);
        Set<DayOfWeek> monToSat = EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.SATURDAY);
        OpeningHours office = hours(weekdays);
        List<ServiceDef> services = List.of(
                new ServiceDef("hotich", "Hộ tịch", "Civil status", 'A', 1, 999, 0, office),
                new ServiceDef("datdai", "Đất đai", "Land", 'B', 1, 999, 3, office),
                new ServiceDef("chungthuc", "Chứng thực", "Certification", 'C', 1, 1999, 0, hours(monToSat)),
                new ServiceDef("kinhdoanh", "Đăng ký kinh doanh", "Business registration", 'D', 7, 9, 0,
                        OpeningHours.always()));
        List<CounterDef> counters = List.of(
                new CounterDef(1, "Quầy 1", List.of("hotich", "chungthuc")),
                new CounterDef(2, "Quầy 2", List.of("chungthuc", "hotich")),
                new CounterDef(3, "Quầy 3", List.of("datdai")),
                new CounterDef(4, "Quầy 4", List.of("kinhdoanh", "datdai")));
        QueueRules rules = new QueueRules(QueueRules.VIETNAM, dayStartsAt, RECALL_WINDOW, RATING_WINDOW,
                DEFAULT_SERVICE_TIME, estimateSample, Set.of(Priority.ELDERLY, Priority.DISABLED, Priority.PREGNANT),
                unstarted);
        return new OfficeLayout(services, counters, rules);
    }

    private static OpeningHours hours(Set<DayOfWeek> days) {
        return new OpeningHours(days, LocalTime.of(7, 30), LocalTime.of(17, 0), LocalTime.of(11, 30), LocalTime.of(13, 30));
    }

    static TestClock clockAt(LocalDateTime local) {
        return new TestClock(local, QueueRules.VIETNAM);
    }

    /** Everything a refused command must leave untouched: the snapshot and the wait estimates. */
    record Observed(QueueSnapshot snapshot, Map<String, Long> estimates) {
        static Observed of(QueueEngine e) {
            Map<String, Long> est = new LinkedHashMap<>();
            e.layout().services().forEach(s -> est.put(s.code(), e.estimatedWaitSeconds(s.code())));
            return new Observed(e.snapshot(), est);
        }
    }

    /** Runs a command that must be refused with {@code reason} and must change nothing. */
    static QueueRefusedException assertRefused(QueueEngine e, Refusal reason, Executable command) {
        Observed before = Observed.of(e);
        QueueRefusedException x = assertThrows(QueueRefusedException.class, command);
        assertEquals(reason, x.reason(), x.getMessage());
        assertEquals(before, Observed.of(e), "a refused command changed the engine");
        return x;
    }

    static List<String> types(CommandResult r) {
        return r.events().stream().map(QueueEvent::type).toList();
    }

    /** The only event of a result, cast to the type the test expects. */
    static <T extends QueueEvent> T only(CommandResult r, Class<T> type) {
        assertEquals(1, r.events().size(), () -> "events: " + r.events());
        return type.cast(r.events().getFirst());
    }

    static <T extends QueueEvent> T event(CommandResult r, int index, Class<T> type) {
        return type.cast(r.events().get(index));
    }
}
