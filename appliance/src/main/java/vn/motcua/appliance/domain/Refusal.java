package vn.motcua.appliance.domain;

/**
 * Why a command was refused. The code is stable for APIs and tests; the words a resident or clerk reads (Vietnamese
 * first) are in the web's error catalogue ({@code web.ErrorCatalogue}), one entry of the same name each.
 */
public enum Refusal {
    UNKNOWN_SERVICE,
    UNKNOWN_COUNTER,
    UNKNOWN_TICKET,
    PRIORITY_NOT_OFFERED,
    OFFICE_CLOSED_TODAY,
    COUNTER_OUTSIDE_HOURS,
    SERVICE_CLOSED_TODAY,
    SERVICE_NOT_YET_OPEN,
    SERVICE_LUNCH_BREAK,
    SERVICE_CLOSED_FOR_THE_DAY,
    SERVICE_FULL,
    NUMBER_RANGE_EXHAUSTED,
    COUNTER_CLOSED,
    COUNTER_PAUSED,
    COUNTER_BUSY,
    COUNTER_IDLE,
    NOBODY_WAITING,
    WRONG_TICKET_STATE,
    RECALL_WINDOW_PASSED,
    TRANSFER_TARGET_INVALID,
    TRANSFER_TARGET_CLOSED,
    STAFF_AT_ANOTHER_COUNTER,
    NOTHING_TO_RATE,
    INVALID_RATING,
    BOOKING_UNKNOWN,
    BOOKING_OTHER_DAY,
    BOOKING_OTHER_OFFICE,
    BOOKING_USED
}
