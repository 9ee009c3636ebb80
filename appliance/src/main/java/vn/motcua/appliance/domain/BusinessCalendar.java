package vn.motcua.appliance.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;

/** Maps an instant to the office's business day, which starts at a configured local time. */
final class BusinessCalendar {
    private final QueueRules rules;

    BusinessCalendar(QueueRules rules) {
        this.rules = rules;
    }

    LocalDateTime local(Instant at) {
        return LocalDateTime.ofInstant(at, rules.zone());
    }

    LocalDate dayOf(Instant at) {
        LocalDateTime local = local(at);
        LocalDate date = local.toLocalDate();
        return local.toLocalTime().isBefore(rules.dayStartsAt()) ? date.minusDays(1) : date;
    }
}
