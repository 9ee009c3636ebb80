-- Queue state and the event outbox. Changed together, one transaction per command.
-- One row: the business day, the day's last ordinal, and the last outbox seq ever used
-- (kept here because delivered outbox rows are pruned).
CREATE TABLE day_state (
    id           INT PRIMARY KEY CHECK (id = 1),
    business_day DATE NOT NULL,
    last_ordinal BIGINT NOT NULL,
    last_seq     BIGINT NOT NULL
);

CREATE TABLE service_day (
    business_day DATE NOT NULL,
    service      VARCHAR(32) NOT NULL,
    last_number  INT NOT NULL,
    issued       INT NOT NULL,
    PRIMARY KEY (business_day, service)
);

CREATE TABLE ticket (
    id             VARCHAR(24) PRIMARY KEY,
    business_day   DATE NOT NULL,
    ticket_number  VARCHAR(8) NOT NULL,
    numeric_part   INT NOT NULL,
    service        VARCHAR(32) NOT NULL,
    priority       VARCHAR(16) NOT NULL,
    ordinal        BIGINT NOT NULL,
    status         VARCHAR(12) NOT NULL,
    issued_at      TIMESTAMP(9) WITH TIME ZONE NOT NULL,
    counter_no     INT NOT NULL,
    target_counter INT NOT NULL,
    called_at      TIMESTAMP(9) WITH TIME ZONE,
    started_at     TIMESTAMP(9) WITH TIME ZONE,
    finished_at    TIMESTAMP(9) WITH TIME ZONE,
    skipped_at     TIMESTAMP(9) WITH TIME ZONE,
    recalls        INT NOT NULL,
    transfers      INT NOT NULL,
    resident_key   VARCHAR(64),
    served_by      VARCHAR(64),
    rating         INT NOT NULL
);
-- No separate unique index on (business_day, ticket_number): the id is exactly that pair, and every
-- extra index is extra pages rewritten on each durable commit (SD-card wear).

CREATE TABLE counter_state (
    counter_no           INT PRIMARY KEY,
    status               VARCHAR(8) NOT NULL,
    current_ticket       VARCHAR(24),
    staff_id             VARCHAR(64),
    last_finished_ticket VARCHAR(24),
    last_finished_at     TIMESTAMP(9) WITH TIME ZONE
);

CREATE TABLE outbox (
    seq           BIGINT PRIMARY KEY,
    event_id      VARCHAR(36) NOT NULL,
    device_id     VARCHAR(64) NOT NULL,
    wall_time     TIMESTAMP(9) WITH TIME ZONE NOT NULL,
    mono_nanos    BIGINT NOT NULL,
    boot_id       VARCHAR(36) NOT NULL,
    clock_trusted BOOLEAN NOT NULL,
    event_type    VARCHAR(48) NOT NULL,
    payload       VARCHAR(16384) NOT NULL,
    delivered     BOOLEAN DEFAULT FALSE NOT NULL
);
-- Pending rows are read in seq order from the primary key; no further index (each costs writes).
