-- Officers' announcements and the audit log of what officers did.

CREATE TABLE broadcasts (
    id                  INTEGER PRIMARY KEY,
    officer_id          INTEGER NOT NULL,
    text_id             TEXT,               -- the Indonesian version
    text_en             TEXT,               -- the English version (at least one of the two)
    photo_file_id       TEXT,               -- Telegram file id of an optional photo
    audience            TEXT    NOT NULL,   -- engine::broadcast::Audience as JSON
    status              TEXT    NOT NULL
                                CHECK (status IN ('draft', 'scheduled', 'sending', 'paused', 'cancelled', 'done')),
    send_at             INTEGER NOT NULL,   -- when delivery starts
    created_at          INTEGER NOT NULL,
    recipients          INTEGER NOT NULL DEFAULT 0,
    delivered           INTEGER NOT NULL DEFAULT 0,
    blocked             INTEGER NOT NULL DEFAULT 0,
    failed              INTEGER NOT NULL DEFAULT 0,
    progress_chat_id    INTEGER,            -- where the officer watches the progress
    progress_outbox_id  INTEGER,            -- the outbox row of the progress message
    progress_shown_at   INTEGER,
    finished_at         INTEGER
);
CREATE INDEX broadcasts_by_status ON broadcasts (status, send_at);

-- Each recipient's copy is an outbox row tagged with its broadcast.
ALTER TABLE outbox ADD COLUMN broadcast_id INTEGER REFERENCES broadcasts (id);
CREATE INDEX outbox_by_broadcast ON outbox (broadcast_id, status) WHERE broadcast_id IS NOT NULL;

CREATE TABLE audit_log (
    id         INTEGER PRIMARY KEY,
    officer_id INTEGER NOT NULL,
    action     TEXT    NOT NULL,   -- e.g. broadcast.send, export.registrations
    detail     TEXT    NOT NULL,   -- what, in words and ids (no personal data of others)
    at         INTEGER NOT NULL
);
CREATE INDEX audit_log_by_time ON audit_log (at);
