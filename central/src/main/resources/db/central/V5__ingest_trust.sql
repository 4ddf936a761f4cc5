-- Version 5: ingest trust (issue 11). Kiosks are registered by provisioning only, never by a
-- message; a check-in waits for its event instead of being stored against an event no venue owns;
-- a refused record is kept whole for replay; a tap time from a wrong kiosk clock is re-based or
-- marked, never refused (ADR 9).

-- Where tapped_at came from: the kiosk's clock, re-based from the batch's sentAt (kiosk_tapped_at
-- keeps the kiosk's claim), or implausible (tapped_at is the time central received it, the claim
-- is in kiosk_tapped_at, and reports leave the row out).
ALTER TABLE check_ins
    ADD COLUMN time_basis      text NOT NULL DEFAULT 'kiosk' CHECK (time_basis IN ('kiosk', 'rebased', 'implausible')),
    ADD COLUMN kiosk_tapped_at timestamptz;
CREATE INDEX check_ins_time_basis ON check_ins (time_basis) WHERE time_basis <> 'kiosk';
CREATE INDEX IF NOT EXISTS check_ins_received_at ON check_ins (received_at);

-- Check-ins whose event central does not know yet (it travels on up/events, through another
-- worker). Attached (moved to check_ins) when the event arrives at the same venue; flagged after
-- the grace period, and still attached if the event comes later. Not in reports until attached.
CREATE TABLE held_check_ins (
    id              uuid PRIMARY KEY,
    seq             bigint NOT NULL CHECK (seq >= 1),
    token           text NOT NULL CHECK (token ~ '^[0-9a-f]{64}$'),
    event_id        uuid NOT NULL,
    venue_id        text NOT NULL,
    kiosk_id        text NOT NULL,
    tapped_at       timestamptz NOT NULL,
    clock_synced    boolean NOT NULL,
    card_kind       text NOT NULL,
    app_version     text NOT NULL,
    received_at     timestamptz NOT NULL,
    time_basis      text NOT NULL CHECK (time_basis IN ('kiosk', 'rebased', 'implausible')),
    kiosk_tapped_at timestamptz,
    flagged_at      timestamptz
);
CREATE INDEX held_check_ins_event ON held_check_ins (event_id);
CREATE INDEX held_check_ins_received ON held_check_ins (received_at);

-- Dead letters: a reason class for metrics and replay, the topic's kiosk segment (the sender, as
-- the broker's ACL binds it to the certificate) for the junk quota, and for a check-in refused
-- inside an acknowledged batch its id: such a row's payload is the record with its envelope, as
-- a one-record batch, and can be replayed once the cause is fixed.
ALTER TABLE dead_letters
    ADD COLUMN reason_class  text NOT NULL DEFAULT 'unclassified',
    ADD COLUMN kiosk_segment text,
    ADD COLUMN record_id     uuid,
    ADD COLUMN replayed_at   timestamptz,
    ADD COLUMN replay_result text;
CREATE UNIQUE INDEX dead_letters_record ON dead_letters (record_id) WHERE record_id IS NOT NULL;
