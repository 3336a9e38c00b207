-- The web console's log-in links and sessions. Only the SHA-256 of a link's or a session's
-- token is kept, so a copy of the database cannot be used to log in (but for the moment a link's
-- message waits in the outbox, within its 10 minutes). Both go with the person:
-- erasing a user, or ending their place on the staff (`store::staff::remove`), ends them.

-- A one-time link sent by the bot on /konsol: valid until `expires_at`, used once.
CREATE TABLE console_links (
    id         INTEGER PRIMARY KEY AUTOINCREMENT,
    token_hash TEXT    NOT NULL UNIQUE,
    user_id    INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    created_at INTEGER NOT NULL,
    expires_at INTEGER NOT NULL,
    used_at    INTEGER
);
CREATE INDEX console_links_user ON console_links (user_id, created_at);

-- A browser logged in: its cookie's token (hashed), the token its forms carry (against
-- cross-site requests), the language its pages are in, what browser it is (a short
-- description such as "Chrome, Windows", to tell one's sessions apart; no address is kept),
-- and when it was last used (it ends 12 hours after that).
CREATE TABLE console_sessions (
    id         INTEGER PRIMARY KEY AUTOINCREMENT,
    token_hash TEXT    NOT NULL UNIQUE,
    user_id    INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    csrf       TEXT    NOT NULL,
    language   TEXT    NOT NULL CHECK (language IN ('id', 'en')),
    browser    TEXT    NOT NULL,
    started_at INTEGER NOT NULL,
    last_seen  INTEGER NOT NULL
);
CREATE INDEX console_sessions_user ON console_sessions (user_id);
