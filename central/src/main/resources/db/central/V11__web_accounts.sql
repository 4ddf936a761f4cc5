-- Version 11: the partnership staff's web accounts (issue 15, ADR 0035). A user name (a login
-- handle, the same shape as an API token's name so that api_audit can record web actions too), a
-- role and, for a venue manager, its venues; the password as an Argon2id PHC string, never the
-- password; the TOTP secret (RFC 6238) that the account's authenticator app shares, and whether
-- sign-in asks for its code (false only for the demo's accounts; the CLI always sets true).

CREATE TABLE web_account (
    id               uuid PRIMARY KEY,
    username         text NOT NULL UNIQUE CHECK (username ~ '^[a-z0-9][a-z0-9-]{0,39}$'),
    role             text NOT NULL CHECK (role IN ('officer', 'venue-manager', 'researcher', 'auditor', 'admin')),
    venues           text[] NOT NULL DEFAULT '{}',
    password_hash    text NOT NULL CHECK (password_hash LIKE '$argon2id$%'),
    totp_secret      text NOT NULL CHECK (totp_secret ~ '^[A-Z2-7]{32}$'),
    totp_required    boolean NOT NULL DEFAULT true,
    created_at       timestamptz NOT NULL,
    last_sign_in_at  timestamptz,
    disabled_at      timestamptz,
    CHECK (role = 'venue-manager' OR cardinality(venues) = 0)
);
