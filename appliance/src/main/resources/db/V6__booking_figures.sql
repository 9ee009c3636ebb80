-- The booking figures of the office's history (issue 19): booked, checked in, on time, booking no-shows per cell
-- (history.Figures). Days rolled before this version had none counted in their cells, and read as 0.
ALTER TABLE day_figures ADD COLUMN booked INT DEFAULT 0 NOT NULL;
ALTER TABLE day_figures ADD COLUMN checked_in INT DEFAULT 0 NOT NULL;
ALTER TABLE day_figures ADD COLUMN booked_on_time INT DEFAULT 0 NOT NULL;
ALTER TABLE day_figures ADD COLUMN booking_no_shows INT DEFAULT 0 NOT NULL
