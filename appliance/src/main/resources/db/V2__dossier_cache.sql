-- Last answers of the district server to dossier lookups, shown with their age when the link is down.
CREATE TABLE dossier_cache (
    slip_code  VARCHAR(64) PRIMARY KEY,
    status     VARCHAR(32) NOT NULL,
    department VARCHAR(200),
    due_date   DATE,
    note       VARCHAR(500),
    fetched_at TIMESTAMP(9) WITH TIME ZONE NOT NULL
);
