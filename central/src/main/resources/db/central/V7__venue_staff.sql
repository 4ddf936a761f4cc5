-- Version 7: venue staff (issue 11, ADR 0012). Staff records are kept per venue here and reach the
-- venue's kiosks in the retained venue config (schema v2). Never the PIN: only its PBKDF2 hash,
-- made where the PIN was typed (provision staff). Never the card's UID: only its token under the
-- scheme key. A revoked member stays, with revoked_at, so that every kiosk refuses their card.

CREATE TABLE venue_staff (
    staff_id     uuid PRIMARY KEY,
    venue_id     text NOT NULL CHECK (venue_id ~ '^[a-z0-9-]{1,64}$'),
    display_name text NOT NULL CHECK (char_length(display_name) BETWEEN 1 AND 80),
    pin_hash     text CHECK (pin_hash ~ '^pbkdf2-sha256\$[0-9]{6,7}\$[A-Za-z0-9+/]{22,86}\$[A-Za-z0-9+/]{43}$'),
    card_token   text CHECK (card_token ~ '^[0-9a-f]{64}$'),
    revoked_at   timestamptz,
    created_at   timestamptz NOT NULL,
    updated_at   timestamptz NOT NULL,
    CHECK (pin_hash IS NOT NULL OR card_token IS NOT NULL)
);
-- A card belongs to one member of a venue for good: a revoked (lost) card is never enrolled again.
CREATE UNIQUE INDEX venue_staff_card ON venue_staff (venue_id, card_token) WHERE card_token IS NOT NULL;
-- provision staff finds members by name: one member who may sign in per name and venue.
CREATE UNIQUE INDEX venue_staff_name ON venue_staff (venue_id, lower(display_name)) WHERE revoked_at IS NULL;
CREATE INDEX venue_staff_venue ON venue_staff (venue_id, created_at);

-- The venue's staff-auth setting; a venue without a row uses the default, card-and-pin.
CREATE TABLE venue_staff_auth (
    venue_id   text PRIMARY KEY CHECK (venue_id ~ '^[a-z0-9-]{1,64}$'),
    auth       text NOT NULL CHECK (auth IN ('card-and-pin', 'card-only', 'pin-only')),
    updated_at timestamptz NOT NULL
);
