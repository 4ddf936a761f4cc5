-- Central store, version 1: check-ins (idempotent on the kiosk's UUIDv7 id), the kiosk registry
-- with live status, events, and dead letters for everything that failed validation.

CREATE TABLE kiosks (
    kiosk_id         text PRIMARY KEY CHECK (kiosk_id ~ '^[a-z0-9-]{1,64}$'),
    venue_id         text NOT NULL CHECK (venue_id ~ '^[a-z0-9-]{1,64}$'),
    cert_fingerprint text,
    registered_at    timestamptz NOT NULL DEFAULT now(),
    state            text NOT NULL DEFAULT 'unknown' CHECK (state IN ('unknown', 'online', 'offline')),
    last_seen        timestamptz,
    backlog          bigint,
    reader_state     text,
    versions         jsonb NOT NULL DEFAULT '{}'::jsonb
);

CREATE TABLE events (
    event_id       uuid PRIMARY KEY,
    venue_id       text NOT NULL,
    title          text NOT NULL,
    sector         text NOT NULL,
    arts_activity  text,
    mode           text NOT NULL,
    age_band       text NOT NULL,
    learning_layer text,
    starts_at      timestamptz,
    ends_at        timestamptz,
    closed         boolean NOT NULL DEFAULT false,
    version        bigint NOT NULL DEFAULT 1,
    updated_at     timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX events_venue ON events (venue_id);

CREATE TABLE check_ins (
    id           uuid PRIMARY KEY,
    seq          bigint NOT NULL CHECK (seq >= 1),
    token        text NOT NULL CHECK (token ~ '^[0-9a-f]{64}$'),
    event_id     uuid,
    venue_id     text NOT NULL,
    kiosk_id     text NOT NULL,
    tapped_at    timestamptz NOT NULL,
    clock_synced boolean NOT NULL,
    card_kind    text NOT NULL,
    app_version  text NOT NULL,
    received_at  timestamptz NOT NULL
);
CREATE INDEX check_ins_received ON check_ins (received_at DESC, id DESC);
CREATE INDEX check_ins_kiosk_seq ON check_ins (kiosk_id, seq);
CREATE INDEX check_ins_token ON check_ins (token);
CREATE INDEX check_ins_event ON check_ins (event_id) WHERE event_id IS NOT NULL;

CREATE TABLE dead_letters (
    id           bigserial PRIMARY KEY,
    received_at  timestamptz NOT NULL,
    topic        text NOT NULL,
    reason       text NOT NULL,
    payload      bytea NOT NULL CHECK (octet_length(payload) <= 65536),
    payload_size integer NOT NULL CHECK (payload_size >= 0)
);
CREATE INDEX dead_letters_received ON dead_letters (received_at DESC);
