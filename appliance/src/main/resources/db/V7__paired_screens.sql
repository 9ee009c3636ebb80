-- Screens paired over the LAN (issue 17): hall displays and counter-top screens on any browser of the office's LAN.
-- A screen is known by the SHA-256 of its token (256 random bits, held only in the screen's cookie), never the token
-- itself, so a copy of this database lets nobody act as a screen. Scope: the services a display shows (empty: all),
-- or the one counter a counter-top screen shows. A revoked screen's row stays, for the manager's list and the record.
-- Numbered 7: version 6 is another branch's (merge both in order; this loader allows the gap until then).
CREATE TABLE paired_screen (
    id          BIGINT AUTO_INCREMENT PRIMARY KEY,
    name        VARCHAR(64) NOT NULL,
    role        VARCHAR(16) NOT NULL,
    services    VARCHAR(512) NOT NULL,
    counters    VARCHAR(256) NOT NULL,
    token_hash  CHAR(64) NOT NULL,
    created_at  TIMESTAMP(9) WITH TIME ZONE NOT NULL,
    last_seen   TIMESTAMP(9) WITH TIME ZONE,
    revoked_at  TIMESTAMP(9) WITH TIME ZONE,
    revoked_by  VARCHAR(32)
);

CREATE UNIQUE INDEX paired_screen_token ON paired_screen (token_hash)
