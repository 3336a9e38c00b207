-- The programme's staff beyond ADMIN_IDS (who are always admins): admins, regency coordinators
-- and village officers, each with the areas they serve, invited and removed from the bot.

CREATE TABLE staff (
    user_id     INTEGER PRIMARY KEY,         -- their Telegram user id
    role        TEXT    NOT NULL CHECK (role IN ('admin', 'coordinator', 'officer')),
    invited_by  INTEGER NOT NULL,
    since       INTEGER NOT NULL,
    -- The contact card people see under "My village officer", set by the staff member: a
    -- public name and office contacts, never their own Telegram account.
    card_name    TEXT,
    card_phone   TEXT,
    card_hours   TEXT,
    card_address TEXT
);

CREATE TABLE staff_areas (
    user_id INTEGER NOT NULL REFERENCES staff (user_id) ON DELETE CASCADE,
    -- A village's code for an officer, a regency's for a coordinator, 0 (the whole country)
    -- for an admin.
    area    INTEGER NOT NULL,
    PRIMARY KEY (user_id, area)
);
CREATE INDEX staff_areas_by_area ON staff_areas (area);

CREATE TABLE staff_invitations (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    -- SHA-256 of the token in the link (hex): the token itself is not kept.
    token_hash  TEXT    NOT NULL UNIQUE,
    role        TEXT    NOT NULL CHECK (role IN ('admin', 'coordinator', 'officer')),
    area        INTEGER NOT NULL,
    created_by  INTEGER NOT NULL,
    created_at  INTEGER NOT NULL,
    expires_at  INTEGER NOT NULL,
    accepted_by INTEGER,
    accepted_at INTEGER,
    revoked_at  INTEGER
);
CREATE INDEX staff_invitations_pending ON staff_invitations (expires_at)
    WHERE accepted_at IS NULL AND revoked_at IS NULL;
