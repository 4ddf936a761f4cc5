-- Version 4: awards to show (issue 14, ADR 37). The sync agent keeps the pending awards of central's acks here
-- before it marks the batch delivered; the kiosk shows a row to the card of its token and deletes it in the
-- transaction that queues the "shown" record. Tokens and achievement ids only, never a raw UID.

CREATE TABLE awards_to_show (
    token           TEXT NOT NULL,                      -- the card's token (64 hex digits)
    achievement_id  TEXT NOT NULL,
    payload         TEXT NOT NULL,                      -- core's PendingAward as wire JSON (names, image, progress)
    received_at     TEXT NOT NULL,
    PRIMARY KEY (token, achievement_id)
);

-- Awards shown here, for the sync agent to report to central (AwardsShown); delivered_at set on central's ack.
-- A row here also keeps a re-sent award from being shown twice while central has not yet heard of it.
CREATE TABLE awards_shown_outbox (
    token           TEXT NOT NULL,
    achievement_id  TEXT NOT NULL,
    shown_at        TEXT NOT NULL,
    batch_id        TEXT,                               -- the AwardsShown batch it went in, while unacked
    delivered_at    TEXT,
    PRIMARY KEY (token, achievement_id)
);
CREATE INDEX awards_shown_pending ON awards_shown_outbox (shown_at) WHERE delivered_at IS NULL;
