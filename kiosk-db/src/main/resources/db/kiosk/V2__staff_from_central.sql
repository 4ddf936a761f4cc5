-- Version 2: staff records kept per venue at central reach the kiosk in the venue config
-- (ADR 0012). The sync agent writes central's staff with origin 'central' and replaces them all
-- at every config that carries them; rows provisioned on this kiosk keep origin 'kiosk' and are
-- deleted by the first config in which central manages the venue's staff. Two settings rows come
-- with them: 'staff.auth' (card-and-pin, card-only or pin-only) and 'staff.source' ('central').

ALTER TABLE staff ADD COLUMN origin TEXT NOT NULL DEFAULT 'kiosk';   -- 'kiosk' or 'central'
ALTER TABLE staff ADD COLUMN revoked_at TEXT;                        -- revoked at central: card and PIN refused
ALTER TABLE staff ADD COLUMN config_version INTEGER;                 -- the venue snapshot it came from
