-- Version 3: enrolments of library cards (issue 13). The kiosk appends one row per enrolment record
-- (ENROL, REPLACE or UNDO) as core's Enrolment in wire JSON: tokens and the age band only, never a
-- barcode, PIN, name or birth date. The sync agent sends pending rows to central and marks them
-- delivered on its ack. The kiosk also reads the day's rows to let staff undo a mistaken enrolment.

CREATE TABLE enrolment_outbox (
    seq           INTEGER PRIMARY KEY AUTOINCREMENT, -- the order rows are sent in
    enrolment_id  TEXT NOT NULL UNIQUE,              -- the record's UUIDv7
    kind          TEXT NOT NULL,                     -- ENROL, REPLACE or UNDO
    undoes        TEXT,                              -- for an UNDO: the enrolment_id it takes back
    payload       TEXT NOT NULL,                     -- the Enrolment as wire JSON
    created_at    TEXT NOT NULL,
    delivered_at  TEXT                               -- set only when central's ack arrives
);
CREATE INDEX enrolment_outbox_pending ON enrolment_outbox (seq) WHERE delivered_at IS NULL;
CREATE INDEX enrolment_outbox_by_day ON enrolment_outbox (created_at);
