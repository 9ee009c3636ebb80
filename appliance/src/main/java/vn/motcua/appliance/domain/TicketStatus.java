package vn.motcua.appliance.domain;

/** Where a ticket is in its life. */
public enum TicketStatus {
    /** In the queue of its service (or of the counter it was transferred to). */
    WAITING,
    /** Called to a counter; the resident is on the way. */
    CALLED,
    /** The clerk is serving the resident. */
    SERVING,
    /** Sent away to fetch a missing paper; can be called back. */
    PARKED,
    /** Did not come when called; can be recalled within the no-show window. */
    NO_SHOW,
    /** Served. */
    FINISHED,
    /** No longer callable: no-show window passed, or the business day ended. */
    EXPIRED;

    public boolean isTerminal() {
        return this == FINISHED || this == EXPIRED;
    }
}
