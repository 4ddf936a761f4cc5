-- Version 9: identity (issue 13, ADR 30). A person is a set of tokens linked by enrolment records;
-- reports count people, not tokens. Tokens (HMACs), bands, months and dates only: nothing raw.

-- The person a token counts as (NULL: itself), and from when a replaced card's token counts for nobody.
ALTER TABLE people ADD COLUMN canonical_id integer;
ALTER TABLE people ADD COLUMN lost_at timestamptz;
CREATE INDEX people_canonical ON people (canonical_id) WHERE canonical_id IS NOT NULL;

-- Every enrolment record received, applied or refused, keyed by the kiosk's UUIDv7 (idempotent).
CREATE TABLE enrolments (
    id                uuid PRIMARY KEY,
    kind              text NOT NULL CHECK (kind IN ('ENROL', 'REPLACE', 'UNDO')),
    venue_id          text NOT NULL CHECK (venue_id ~ '^[a-z0-9-]{1,64}$'),
    kiosk_id          text NOT NULL CHECK (kiosk_id ~ '^[a-z0-9-]{1,64}$'),
    staff_id          uuid,
    chip_token        text CHECK (chip_token ~ '^[0-9a-f]{64}$'),
    barcode_token     text NOT NULL CHECK (barcode_token ~ '^[0-9a-f]{64}$'),
    old_barcode_token text CHECK (old_barcode_token ~ '^[0-9a-f]{64}$'),
    undoes            uuid,
    age_band          text,
    band_changes_on   date CHECK (extract(day FROM band_changes_on) = 1),
    valid_until       date,
    enrolled_at       timestamptz NOT NULL,
    received_at       timestamptz NOT NULL,
    outcome           text NOT NULL CHECK (outcome IN ('applied', 'refused')),
    refusal           text,
    undone_by         uuid
);
-- The links between tokens are the applied records not undone; relinking finds them by token.
CREATE INDEX enrolments_chip ON enrolments (chip_token) WHERE outcome = 'applied' AND kind <> 'UNDO' AND undone_by IS NULL;
CREATE INDEX enrolments_barcode ON enrolments (barcode_token) WHERE outcome = 'applied' AND kind <> 'UNDO' AND undone_by IS NULL;
CREATE INDEX enrolments_old ON enrolments (old_barcode_token) WHERE outcome = 'applied' AND kind = 'REPLACE' AND undone_by IS NULL;

-- The days on which a person's taps are verified: from_day (NULL: since always) to until_day.
CREATE TABLE person_validity (
    person_id integer NOT NULL,
    from_day  date,
    until_day date NOT NULL
);
CREATE INDEX person_validity_person ON person_validity (person_id);

-- The audit of identity changes: which record did what to which people. Never a token.
CREATE TABLE identity_changes (
    id            bigserial PRIMARY KEY,
    at            timestamptz NOT NULL,
    enrolment_id  uuid NOT NULL,
    action        text NOT NULL CHECK (action IN ('bind', 'merge', 'replace', 'undo', 'split', 'refused', 'undo-refused')),
    venue_id      text NOT NULL,
    staff_id      uuid,
    persons       integer[] NOT NULL DEFAULT '{}',
    detail        text NOT NULL DEFAULT ''
);
CREATE INDEX identity_changes_at ON identity_changes (at);

-- The rollup keeps verified and unverified taps apart, so reports can include or exclude the latter.
ALTER TABLE report_rollup ADD COLUMN verified boolean NOT NULL DEFAULT false;
DROP INDEX report_rollup_key;
CREATE UNIQUE INDEX report_rollup_key
    ON report_rollup (day, venue_id, (coalesce(event_id, '00000000-0000-0000-0000-000000000000'::uuid)), verified);

-- Rebuild every day once with the new key.
INSERT INTO report_dirty_days (day, version)
SELECT DISTINCT (tapped_at AT TIME ZONE 'UTC')::date, 1 FROM check_ins
ON CONFLICT (day) DO UPDATE SET version = report_dirty_days.version + 1;
