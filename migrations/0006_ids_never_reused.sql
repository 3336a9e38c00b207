-- Ids that people and officers point at are never given out again (AUTOINCREMENT): after an
-- erasure, an old notice's button, an old "/jawab 12" or a typed number finds nothing rather
-- than a stranger's question or application. SQLite cannot add AUTOINCREMENT to a table, so
-- each is rebuilt and its rows copied with their ids (the next id continues after the
-- largest). The bot runs its migrations on a connection with foreign keys off (see
-- `store::open`), so dropping an old table does not cascade to the rows that point at it;
-- the last statement checks that every such row still points at something.
CREATE TABLE new_outbox (
    id                  INTEGER PRIMARY KEY AUTOINCREMENT,
    chat_id             INTEGER NOT NULL,
    subject_user_id     INTEGER,                  -- whose personal data the message may quote
    priority            INTEGER NOT NULL,         -- 0 interactive reply, 1 bulk
    payload             TEXT    NOT NULL,         -- engine::Reply as JSON
    status              TEXT    NOT NULL DEFAULT 'pending'
                                CHECK (status IN ('pending', 'sent', 'failed')),
    attempts            INTEGER NOT NULL DEFAULT 0,
    not_before_ms       INTEGER NOT NULL DEFAULT 0,
    created_at          INTEGER NOT NULL,
    sent_at             INTEGER,
    telegram_message_id INTEGER,
    error               TEXT,
    broadcast_id        INTEGER REFERENCES broadcasts (id)
);
INSERT INTO new_outbox (id, chat_id, subject_user_id, priority, payload, status, attempts, not_before_ms, created_at, sent_at, telegram_message_id, error, broadcast_id) SELECT id, chat_id, subject_user_id, priority, payload, status, attempts, not_before_ms, created_at, sent_at, telegram_message_id, error, broadcast_id FROM outbox;
DROP TABLE outbox;
ALTER TABLE new_outbox RENAME TO outbox;
CREATE INDEX outbox_pending ON outbox (priority, id) WHERE status = 'pending';
CREATE INDEX outbox_by_chat ON outbox (chat_id);
CREATE INDEX outbox_by_subject ON outbox (subject_user_id) WHERE subject_user_id IS NOT NULL;
CREATE INDEX outbox_done ON outbox (sent_at) WHERE status <> 'pending';
CREATE INDEX outbox_by_broadcast ON outbox (broadcast_id, status) WHERE broadcast_id IS NOT NULL;

CREATE TABLE new_trainings (
    id             INTEGER PRIMARY KEY AUTOINCREMENT,
    title_id       TEXT    NOT NULL,
    title_en       TEXT    NOT NULL,
    category       TEXT    NOT NULL
                           CHECK (category IN ('business', 'finance', 'digital', 'coop', 'parenting', 'other')),
    starts_at      INTEGER NOT NULL,
    location       TEXT    NOT NULL,
    capacity       INTEGER NOT NULL CHECK (capacity BETWEEN 1 AND 10000),
    description_id TEXT    NOT NULL,
    description_en TEXT    NOT NULL,
    status         TEXT    NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'closed', 'cancelled')),
    created_at     INTEGER NOT NULL,
    updated_at     INTEGER NOT NULL
);
INSERT INTO new_trainings (id, title_id, title_en, category, starts_at, location, capacity, description_id, description_en, status, created_at, updated_at) SELECT id, title_id, title_en, category, starts_at, location, capacity, description_id, description_en, status, created_at, updated_at FROM trainings;
DROP TABLE trainings;
ALTER TABLE new_trainings RENAME TO trainings;
CREATE INDEX trainings_by_start ON trainings (starts_at);

CREATE TABLE new_training_signups (
    id           INTEGER PRIMARY KEY AUTOINCREMENT,
    training_id  INTEGER NOT NULL REFERENCES trainings (id) ON DELETE CASCADE,
    user_id      INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    status       TEXT    NOT NULL CHECK (status IN ('booked', 'waiting')),
    signed_up_at INTEGER NOT NULL,
    booked_at    INTEGER,
    UNIQUE (training_id, user_id)
);
INSERT INTO new_training_signups (id, training_id, user_id, status, signed_up_at, booked_at) SELECT id, training_id, user_id, status, signed_up_at, booked_at FROM training_signups;
DROP TABLE training_signups;
ALTER TABLE new_training_signups RENAME TO training_signups;
CREATE INDEX training_signups_by_training ON training_signups (training_id, status, id);
CREATE INDEX training_signups_by_user ON training_signups (user_id);

CREATE TABLE new_questions (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,          -- the number people see ("no. 12")
    user_id     INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    status      TEXT    NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'answered')),
    round       INTEGER NOT NULL DEFAULT 1,
    asked_at    INTEGER NOT NULL,
    opened_at   INTEGER NOT NULL,             -- when the current round started (inbox order)
    answered_at INTEGER
);
INSERT INTO new_questions (id, user_id, status, round, asked_at, opened_at, answered_at) SELECT id, user_id, status, round, asked_at, opened_at, answered_at FROM questions;
DROP TABLE questions;
ALTER TABLE new_questions RENAME TO questions;
CREATE INDEX questions_by_user ON questions (user_id);
CREATE INDEX questions_open ON questions (opened_at) WHERE status = 'open';

CREATE TABLE new_question_entries (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    question_id INTEGER NOT NULL REFERENCES questions (id) ON DELETE CASCADE,
    round       INTEGER NOT NULL,
    author      TEXT    NOT NULL CHECK (author IN ('user', 'officer')),
    text        TEXT    NOT NULL DEFAULT '',  -- the text, or a file's caption
    media       TEXT,                         -- photo, voice, document…: the user sent a file
    message_id  INTEGER,                      -- the user's message with the file, to copy it on
    created_at  INTEGER NOT NULL
);
INSERT INTO new_question_entries (id, question_id, round, author, text, media, message_id, created_at) SELECT id, question_id, round, author, text, media, message_id, created_at FROM question_entries;
DROP TABLE question_entries;
ALTER TABLE new_question_entries RENAME TO question_entries;
CREATE INDEX question_entries_by_question ON question_entries (question_id, id);

CREATE TABLE new_cooperative_applications (
    id         INTEGER PRIMARY KEY AUTOINCREMENT,
    user_id    INTEGER NOT NULL UNIQUE REFERENCES users (id) ON DELETE CASCADE,
    full_name  TEXT    NOT NULL,
    phone      TEXT    NOT NULL,              -- E.164
    village    TEXT,                          -- from the profile, where there is one
    status     TEXT    NOT NULL DEFAULT 'applied'
                       CHECK (status IN ('applied', 'contacted', 'member', 'declined')),
    applied_at INTEGER NOT NULL,
    updated_at INTEGER NOT NULL
);
INSERT INTO new_cooperative_applications (id, user_id, full_name, phone, village, status, applied_at, updated_at) SELECT id, user_id, full_name, phone, village, status, applied_at, updated_at FROM cooperative_applications;
DROP TABLE cooperative_applications;
ALTER TABLE new_cooperative_applications RENAME TO cooperative_applications;
CREATE INDEX cooperative_applications_by_status ON cooperative_applications (status);

CREATE TABLE new_broadcasts (
    id                  INTEGER PRIMARY KEY AUTOINCREMENT,
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
INSERT INTO new_broadcasts (id, officer_id, text_id, text_en, photo_file_id, audience, status, send_at, created_at, recipients, delivered, blocked, failed, progress_chat_id, progress_outbox_id, progress_shown_at, finished_at) SELECT id, officer_id, text_id, text_en, photo_file_id, audience, status, send_at, created_at, recipients, delivered, blocked, failed, progress_chat_id, progress_outbox_id, progress_shown_at, finished_at FROM broadcasts;
DROP TABLE broadcasts;
ALTER TABLE new_broadcasts RENAME TO broadcasts;
CREATE INDEX broadcasts_by_status ON broadcasts (status, send_at);

CREATE TABLE new_audit_log (
    id         INTEGER PRIMARY KEY AUTOINCREMENT,
    officer_id INTEGER NOT NULL,
    action     TEXT    NOT NULL,   -- e.g. broadcast.send, export.registrations
    detail     TEXT    NOT NULL,   -- what, in words and ids (no personal data of others)
    at         INTEGER NOT NULL
);
INSERT INTO new_audit_log (id, officer_id, action, detail, at) SELECT id, officer_id, action, detail, at FROM audit_log;
DROP TABLE audit_log;
ALTER TABLE new_audit_log RENAME TO audit_log;
CREATE INDEX audit_log_by_time ON audit_log (at);

-- Fails the migration (and so the start, with nothing changed) if a row points at nothing.
SELECT CASE WHEN EXISTS (SELECT 1 FROM pragma_foreign_key_check)
            THEN json_extract('a row points at nothing', '$') END;
