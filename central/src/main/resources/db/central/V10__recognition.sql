-- Version 10: recognition (issue 14, ADR 33). Awards of achievements to canonical people, goals,
-- and the persons whose awards must be evaluated again. Person ids and achievement ids only.

-- Tokens with new check-ins since their person was last evaluated. Ingest upserts them (version + 1)
-- in the transaction that inserts the check-ins, tokens in sorted order, before the report's days;
-- the evaluator deletes a row only if the version it read is still there (as report_dirty_days).
CREATE TABLE recognition_dirty (
    token   text PRIMARY KEY,
    version bigint NOT NULL
);

-- Persons whose tokens changed person (identity merges, splits, replacements): their awards move
-- to the canonical person and both are evaluated again. Written by the trigger below, never by ingest.
CREATE TABLE recognition_dirty_people (
    person_id integer PRIMARY KEY,
    version   bigint NOT NULL
);

CREATE FUNCTION recognition_person_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO recognition_dirty_people (person_id, version)
    SELECT p, 1 FROM unnest(ARRAY[OLD.person_id, coalesce(OLD.canonical_id, OLD.person_id),
                                  coalesce(NEW.canonical_id, NEW.person_id)]) AS u(p)
    GROUP BY p ORDER BY p
    ON CONFLICT (person_id) DO UPDATE SET version = recognition_dirty_people.version + 1;
    RETURN NULL;
END $$;

CREATE TRIGGER people_recognition AFTER UPDATE OF canonical_id, lost_at ON people
    FOR EACH ROW WHEN (OLD.canonical_id IS DISTINCT FROM NEW.canonical_id OR OLD.lost_at IS DISTINCT FROM NEW.lost_at)
    EXECUTE FUNCTION recognition_person_changed();

-- One award per person and achievement, ever. completed_by is the check-in that completed it (the
-- earliest such, if a late check-in completes it earlier); shown_at stays NULL until a kiosk has
-- shown it (issue 14 item 3, not built yet).
CREATE TABLE awards (
    person_id       integer NOT NULL,
    achievement_id  text NOT NULL CHECK (achievement_id ~ '^[a-z0-9][a-z0-9-]{0,63}$'),
    version         integer NOT NULL CHECK (version >= 1),
    awarded_at      timestamptz NOT NULL,
    completed_by    uuid NOT NULL,
    completed_at    timestamptz NOT NULL,
    venue_id        text NOT NULL,
    shown_at        timestamptz,
    PRIMARY KEY (person_id, achievement_id)
);
CREATE INDEX awards_achievement ON awards (achievement_id, completed_at);

-- A person's chosen pathway (one at a time).
CREATE TABLE recognition_goals (
    person_id  integer PRIMARY KEY,
    pathway_id text NOT NULL CHECK (pathway_id ~ '^[a-z0-9][a-z0-9-]{0,63}$'),
    chosen_at  timestamptz NOT NULL
);
