-- The kiosk's local store (SQLite). The kiosk migrates it (Flyway, classpath:db/kiosk); the sync
-- agent shares the file (WAL) and reads and updates only the outbox and event tables.
-- Times are ISO-8601 UTC text; ids are UUID text.

CREATE TABLE events (
    id             TEXT PRIMARY KEY,
    venue_id       TEXT NOT NULL,
    title          TEXT NOT NULL,
    sector         TEXT NOT NULL,
    activity       TEXT,
    mode           TEXT NOT NULL,
    age_band       TEXT NOT NULL,
    learning_layer TEXT,
    starts_at      TEXT NOT NULL,
    ends_at        TEXT NOT NULL,
    capacity       INTEGER,
    active         INTEGER NOT NULL DEFAULT 0,   -- made active by staff: taps count against it
    closed         INTEGER NOT NULL DEFAULT 0,
    origin         TEXT NOT NULL,                -- 'kiosk' (staff made it here) or 'central'
    config_version INTEGER,                      -- the venue snapshot version it came from, if central
    published      INTEGER NOT NULL DEFAULT 0,   -- a kiosk-made event sent up to central
    updated_at     TEXT NOT NULL
);

CREATE TABLE check_ins (
    id           TEXT PRIMARY KEY,               -- UUIDv7
    seq          INTEGER NOT NULL UNIQUE,        -- gap-free per kiosk
    token        TEXT NOT NULL,                  -- HMAC-SHA256 pseudonym; never the UID
    event_id     TEXT REFERENCES events (id),    -- NULL for a general venue visit
    venue_id     TEXT NOT NULL,
    kiosk_id     TEXT NOT NULL,
    tapped_at    TEXT NOT NULL,
    visit_day    TEXT NOT NULL,                  -- local date of the tap, for one general visit a day
    clock_synced INTEGER NOT NULL,
    card_kind    TEXT NOT NULL,
    app_version  TEXT NOT NULL
);
CREATE UNIQUE INDEX check_ins_once_per_event ON check_ins (token, event_id) WHERE event_id IS NOT NULL;
CREATE UNIQUE INDEX check_ins_one_visit_a_day ON check_ins (token, visit_day) WHERE event_id IS NULL;
CREATE INDEX check_ins_by_token ON check_ins (token, tapped_at);

-- One row per check-in, written in the same transaction. The sync agent's only durable queue.
CREATE TABLE outbox (
    seq          INTEGER PRIMARY KEY,            -- the check-in's seq: batches go in this order
    check_in_id  TEXT NOT NULL UNIQUE REFERENCES check_ins (id),
    payload      TEXT NOT NULL,                  -- the check-in as wire JSON
    created_at   TEXT NOT NULL,
    batch_id     TEXT,                           -- the batch it was last published in
    sent_at      TEXT,
    delivered_at TEXT                            -- set only when central's ack arrives
);
CREATE INDEX outbox_pending ON outbox (seq) WHERE delivered_at IS NULL;
CREATE INDEX outbox_by_batch ON outbox (batch_id);

CREATE TABLE staff (
    id            TEXT PRIMARY KEY,
    display_name  TEXT NOT NULL,
    pin_hash      TEXT,                          -- PBKDF2-HMAC-SHA256, salted
    card_token    TEXT UNIQUE,                   -- an enrolled staff card's token
    created_at    TEXT NOT NULL
);

CREATE TABLE settings (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
);
