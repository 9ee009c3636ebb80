-- Every start of a master reads back its satellites' press keys of the last 36 h (web.satellite.SatellitePresses:
-- the outbox rows WHERE event_type = 'satellite.ticket' AND wall_time >= ?, ORDER BY seq). Without an index on the
-- type that read scanned the whole outbox, every event kept until pruned, at every start. This index finds the rows
-- of one type within the window directly (a few hundred a day, then sorted by seq). Its cost, one more index entry
-- per outbox insert, is paid by each command's commit; V1 kept the outbox to its primary key for that reason, and
-- this is the one read by type that runs at every start.
CREATE INDEX outbox_type_time ON outbox (event_type, wall_time)
