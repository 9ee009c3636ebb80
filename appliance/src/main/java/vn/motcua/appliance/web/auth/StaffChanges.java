package vn.motcua.appliance.web.auth;

import java.util.Map;

/** Where a manager's change to a staff account is recorded: the outbox, as a {@link #TYPE} event to the district. */
@FunctionalInterface
public interface StaffChanges {
    /** The event type, as the district contract names it ({@code uplink/TOPICS.md}). */
    String TYPE = "staff.changed";

    /** Must not throw for storage trouble; it logs instead. */
    void record(Map<String, Object> change);
}
