-- Version 3: the engagement report's per-day rollup, so that a report reads about one row per
-- (day, venue, event) instead of every check-in.
--
-- people: a pseudonymous 32-bit id per token, so that sets of people are compressed bitmaps of
-- integers. The ids never leave central's database and process except inside aggregates.
CREATE TABLE people (
    person_id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    token     text UNIQUE NOT NULL
);

-- One row per UTC day, venue and event (NULL: a general visit, no event). seen and twice are
-- serialised RoaringBitmaps (portable format) of person ids: people with at least one, and with
-- at least two, check-ins there that day. The event's sector, activity and mode are not copied
-- here: a report joins the events table as it is at report time, as the query on check_ins does.
CREATE TABLE report_rollup (
    day       date   NOT NULL,
    venue_id  text   NOT NULL,
    event_id  uuid,
    check_ins bigint NOT NULL CHECK (check_ins >= 1),
    seen      bytea  NOT NULL,
    twice     bytea  NOT NULL
);
-- One row per key, a general visit included (NULLS NOT DISTINCT needs PostgreSQL 15; the demo's is 14).
CREATE UNIQUE INDEX report_rollup_key
    ON report_rollup (day, venue_id, (coalesce(event_id, '00000000-0000-0000-0000-000000000000'::uuid)));

-- Days whose rollup is stale. Ingest upserts a day here (version + 1) in the transaction that
-- inserts its check-ins; the refresher deletes a day only if the version it read is still there,
-- so a check-in committed during a rebuild leaves the day dirty.
CREATE TABLE report_dirty_days (
    day     date PRIMARY KEY,
    version bigint NOT NULL
);

-- The refresher reads one day of check-ins at a time. IF NOT EXISTS: on a large table, build it
-- CONCURRENTLY by hand before migrating, so that this transaction does not block ingest for long.
CREATE INDEX IF NOT EXISTS check_ins_tapped ON check_ins (tapped_at);

-- An existing database: every day with check-ins has no rollup yet, so it is dirty (the backfill
-- is the refresher's ordinary work, done for a range by the first report over it).
INSERT INTO report_dirty_days (day, version)
SELECT DISTINCT (tapped_at AT TIME ZONE 'UTC')::date, 1 FROM check_ins;
