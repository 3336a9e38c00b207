-- Foundation: people who talk to the bot, where their conversation stands, which Telegram
-- updates were already handled, and the outbox of messages waiting to be sent.
-- Times are Unix seconds (UTC) unless the column name says otherwise.

CREATE TABLE users (
    id              INTEGER PRIMARY KEY,          -- Telegram user id (= private chat id)
    language        TEXT    NOT NULL CHECK (language IN ('id', 'en')),
    language_chosen INTEGER NOT NULL DEFAULT 0,   -- 1 once the user picked it themselves
    first_seen      INTEGER NOT NULL,
    last_seen       INTEGER NOT NULL,
    status          TEXT    NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'blocked'))
);

-- What the bot waits for next from a user (engine::State as JSON). A missing row means idle.
CREATE TABLE conversations (
    user_id    INTEGER PRIMARY KEY REFERENCES users (id) ON DELETE CASCADE,
    state      TEXT    NOT NULL,
    updated_at INTEGER NOT NULL
);

-- Telegram re-delivers updates it has not seen confirmed; each is handled once.
-- Only the id is kept, never the update's content.
CREATE TABLE processed_updates (
    update_id    INTEGER PRIMARY KEY,
    processed_at INTEGER NOT NULL
);
CREATE INDEX processed_updates_by_time ON processed_updates (processed_at);

-- Every message the bot sends is first written here, in the same transaction as the change
-- that caused it; one sender task delivers them.
CREATE TABLE outbox (
    id                  INTEGER PRIMARY KEY,
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
    error               TEXT
);
CREATE INDEX outbox_pending ON outbox (priority, id) WHERE status = 'pending';
CREATE INDEX outbox_by_chat ON outbox (chat_id);
CREATE INDEX outbox_by_subject ON outbox (subject_user_id) WHERE subject_user_id IS NOT NULL;
CREATE INDEX outbox_done ON outbox (sent_at) WHERE status <> 'pending';
