-- Version 15: Open Badges credentials for awards (issue 14 item 4, ADR 34 "Central issues them").
-- Person ids, achievement ids, random recipient identifiers and status-list indexes only: never a token.

-- Each person's recipient identifier in credentials: random (not derived from a token, a card or the
-- person id), hashed with the salt into every credential of that person; deleting the row on erasure
-- leaves the issued hashes pointing at nobody.
CREATE TABLE badge_recipients (
    person_id  integer PRIMARY KEY,
    identifier text NOT NULL UNIQUE CHECK (identifier ~ '^[0-9a-f]{32}$'),
    salt       text NOT NULL CHECK (salt ~ '^[0-9a-f]{32}$')
);

-- One status-list index per award, handed out once and never reused; revoked_at set flips its bit.
CREATE SEQUENCE badge_status_index AS integer MINVALUE 0 START 0 MAXVALUE 131071 NO CYCLE;
CREATE TABLE badge_credentials (
    person_id      integer NOT NULL,
    achievement_id text NOT NULL,
    status_index   integer NOT NULL UNIQUE CHECK (status_index >= 0),
    revoked_at     timestamptz,
    PRIMARY KEY (person_id, achievement_id)
);
