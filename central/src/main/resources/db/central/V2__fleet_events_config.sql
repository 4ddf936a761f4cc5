-- Version 2: the rest of a kiosk's retained status, event capacity and origin, and the per-venue
-- counter that versions the retained config snapshot.

ALTER TABLE kiosks
    ADD COLUMN status_at              timestamptz,
    ADD COLUMN oldest_pending_seconds bigint,
    ADD COLUMN free_disk_bytes        bigint;

ALTER TABLE events
    ADD COLUMN capacity integer CHECK (capacity IS NULL OR capacity > 0),
    ADD COLUMN origin   text NOT NULL DEFAULT 'central' CHECK (origin IN ('central', 'kiosk'));

CREATE TABLE venue_config (
    venue_id     text PRIMARY KEY,
    version      bigint NOT NULL CHECK (version >= 1),
    published_at timestamptz NOT NULL
);
