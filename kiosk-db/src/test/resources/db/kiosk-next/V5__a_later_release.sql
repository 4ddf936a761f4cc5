-- Not a real migration: what a later release might add, to test that files keep working when the
-- kiosk and its sync agent are upgraded at different times. Forward-only and additive, as ADR 26
-- requires: a new table, and a new column with a default, so older SQL keeps working.

CREATE TABLE visit_streaks (
    token      TEXT PRIMARY KEY,
    days       INTEGER NOT NULL,
    updated_at TEXT NOT NULL
);
ALTER TABLE check_ins ADD COLUMN source TEXT NOT NULL DEFAULT 'card';
