package vn.motcua.appliance.web.status;

import java.time.Duration;
import java.time.LocalDate;
import java.util.Objects;

/**
 * What the district knows about one dossier.
 *
 * @param found        false when the district has no such code (the other fields are then ignored)
 * @param department   where it is now (Vietnamese name), may be null
 * @param promisedDate the date on the appointment slip, may be null
 * @param cachedAge    null when fresh from the server; else how old the cached answer is (server unreachable)
 */
public record DossierAnswer(String code, boolean found, Status status, String department, LocalDate promisedDate,
                            Duration cachedAge) {
    public enum Status {
        RECEIVED("Đã tiếp nhận", "Received"),
        IN_PROGRESS("Đang giải quyết", "In progress"),
        WAITING_FOR_DOCUMENTS("Chờ bổ sung giấy tờ", "Waiting for extra documents"),
        READY_FOR_PICKUP("Đã có kết quả, mời nhận", "Ready for pickup"),
        RETURNED_LATE("Trả kết quả trễ hẹn", "Returned late");

        public final String vi;
        public final String en;

        Status(String vi, String en) {
            this.vi = vi;
            this.en = en;
        }
    }

    public DossierAnswer {
        Objects.requireNonNull(code, "code");
        if (found) {
            Objects.requireNonNull(status, "status");
        }
    }

    public static DossierAnswer notFound(String code) {
        return new DossierAnswer(code, false, null, null, null, null);
    }

    /** Late: returned late, or not yet ready and the promised date has passed. */
    public boolean late(LocalDate today) {
        if (!found) {
            return false;
        }
        return status == Status.RETURNED_LATE
                || status != Status.READY_FOR_PICKUP && promisedDate != null && today.isAfter(promisedDate);
    }
}
