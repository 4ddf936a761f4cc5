-- Version 8: the API's audit table (issue 11, ADR 0010). One row per raw read (check-in rows and
-- exact counts, the auditor's routes) and per kiosk registry change through the admin API: who
-- (the token's configured name, never the token), when, and what (method, route, parameters).
-- Rows are only ever added; nothing in central updates or deletes them.

CREATE TABLE api_audit (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    at          timestamptz NOT NULL,
    token_name  text NOT NULL CHECK (token_name ~ '^[a-z0-9][a-z0-9-]{0,39}$'),
    role        text NOT NULL CHECK (role IN ('officer', 'venue-manager', 'researcher', 'auditor', 'admin')),
    method      text NOT NULL CHECK (method ~ '^[A-Z]{1,10}$'),
    route       text NOT NULL CHECK (char_length(route) <= 2001),
    parameters  text NOT NULL CHECK (char_length(parameters) <= 2001)
);
CREATE INDEX api_audit_at ON api_audit (at);
