package vn.motcua.appliance.uplink;

import java.time.LocalDate;

/**
 * Where a resident's dossier stands, as the district server reports it. Holds no personal data:
 * the slip code, a status, a department name, a due date and a short note.
 */
public record Dossier(String code, Status status, String department, LocalDate dueDate, String note) {

    /** Wire names are lower snake case, e.g. {@code ready_for_pickup}. */
    public enum Status {
        RECEIVED, IN_PROGRESS, WAITING_FOR_DOCUMENTS, READY_FOR_PICKUP, RETURNED_LATE, NOT_FOUND;

        public String wire() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }

        public static Status fromWire(String s) {
            for (Status v : values()) {
                if (v.wire().equals(s)) {
                    return v;
                }
            }
            throw new BadMessageException("unknown dossier status '" + Sanitize.forLog(s, 32) + "'");
        }
    }
}
