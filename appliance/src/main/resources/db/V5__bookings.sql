-- Appointments the district booked at this office (issue 19), from its retained bookings/{day} topic, kept so that
-- check-in works offline for days with what the office has. A row's check-in and no-show are written from the
-- booking.checked_in / booking.no_show events themselves, wherever those events are written (the command's own
-- commit, a journal replay): the check-in and its ticket are one commit, never one without the other.
CREATE TABLE booking (
    code          VARCHAR(24) PRIMARY KEY,
    business_day  DATE NOT NULL,
    service       VARCHAR(32) NOT NULL,
    slot_start    TIMESTAMP(9) WITH TIME ZONE NOT NULL,
    slot_end      TIMESTAMP(9) WITH TIME ZONE NOT NULL,
    priority      VARCHAR(16) NOT NULL,
    status        VARCHAR(12) NOT NULL,
    ticket_id     VARCHAR(24),
    outcome       VARCHAR(12),
    checked_in_at TIMESTAMP(9) WITH TIME ZONE,
    no_show_at    TIMESTAMP(9) WITH TIME ZONE
);

CREATE INDEX booking_day ON booking (business_day)
