-- The office's history (issue 18): compact figures per business day x service x counter x clerk x hour, written
-- in the same transaction as the day roll's day.summary event (from its payload), so they exist exactly when the
-- day does and outlive the pruned outbox rows. Histograms are comma-separated bucket counts (Histogram.BOUNDS).
ALTER TABLE ticket ADD COLUMN parks INT DEFAULT 0 NOT NULL;

-- A day summary carries every cell of the day: more than the 16384 characters of a single queue event.
ALTER TABLE outbox ALTER COLUMN payload VARCHAR(1000000);

CREATE TABLE day_figures (
    business_day  DATE NOT NULL,
    service       VARCHAR(32) NOT NULL,
    counter_no    INT NOT NULL,
    staff_id      VARCHAR(64) NOT NULL,
    hour_of_day   INT NOT NULL,
    issued        INT NOT NULL,
    issued_by_priority VARCHAR(64) NOT NULL,
    called        INT NOT NULL,
    served        INT NOT NULL,
    no_shows      INT NOT NULL,
    expired       INT NOT NULL,
    transferred   INT NOT NULL,
    parked        INT NOT NULL,
    breaches      INT NOT NULL,
    wait_sum      BIGINT NOT NULL,
    wait_max      INT NOT NULL,
    wait_hist     VARCHAR(160) NOT NULL,
    service_sum   BIGINT NOT NULL,
    service_max   INT NOT NULL,
    service_hist  VARCHAR(160) NOT NULL,
    ratings       VARCHAR(32) NOT NULL,
    PRIMARY KEY (business_day, service, counter_no, staff_id, hour_of_day)
);
