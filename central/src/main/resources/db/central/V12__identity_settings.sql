-- Version 12: a venue's identity settings (issue 13, ADR 0036). What the venue's kiosks say to a card
-- the enrolled-card filter does not know travels in the venue config (optional field unregisteredCards);
-- a venue without a row has never chosen, and its config leaves the field out (record silently).
CREATE TABLE venue_identity_settings (
    venue_id           text PRIMARY KEY CHECK (venue_id ~ '^[a-z0-9-]{1,64}$'),
    unregistered_cards text NOT NULL CHECK (unregistered_cards IN ('record-silently', 'record-and-remind')),
    updated_at         timestamptz NOT NULL
);
