-- The question desk (families ask, officers answer), applications to join the cooperative,
-- and the texts officers keep up to date from the bot. A person's questions and application
-- go with their users row (ON DELETE CASCADE, directly or through their question).

-- One question and its follow-ups. A question is open until an officer answers it; a
-- follow-up after an answer opens it again with the next round, so that each round is
-- answered exactly once.
CREATE TABLE questions (
    id          INTEGER PRIMARY KEY,          -- the number people see ("no. 12")
    user_id     INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    status      TEXT    NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'answered')),
    round       INTEGER NOT NULL DEFAULT 1,
    asked_at    INTEGER NOT NULL,
    opened_at   INTEGER NOT NULL,             -- when the current round started (inbox order)
    answered_at INTEGER
);
CREATE INDEX questions_by_user ON questions (user_id);
CREATE INDEX questions_open ON questions (opened_at) WHERE status = 'open';

-- What was said, in order: the asker's messages and the officers' answers. Officers are not
-- recorded by name or id: users only ever hear from "the Desmigratif officer".
CREATE TABLE question_entries (
    id          INTEGER PRIMARY KEY,
    question_id INTEGER NOT NULL REFERENCES questions (id) ON DELETE CASCADE,
    round       INTEGER NOT NULL,
    author      TEXT    NOT NULL CHECK (author IN ('user', 'officer')),
    text        TEXT    NOT NULL DEFAULT '',  -- the text, or a file's caption
    media       TEXT,                         -- photo, voice, document…: the user sent a file
    message_id  INTEGER,                      -- the user's message with the file, to copy it on
    created_at  INTEGER NOT NULL
);
CREATE INDEX question_entries_by_question ON question_entries (question_id, id);

-- Telegram messages that stand for a question (its notice to the officers, the copy of a
-- photo, the answer in the user's chat), recorded by the sender when it delivers them, so
-- that a reply to one of them reaches the question. Kept apart from the outbox, whose rows
-- are emptied on delivery and pruned after a few days.
CREATE TABLE question_messages (
    chat_id     INTEGER NOT NULL,
    message_id  INTEGER NOT NULL,
    question_id INTEGER NOT NULL REFERENCES questions (id) ON DELETE CASCADE,
    round       INTEGER NOT NULL,
    PRIMARY KEY (chat_id, message_id)
);
CREATE INDEX question_messages_by_question ON question_messages (question_id);

-- One application per person to join the Koperasi Desmigratif, with the contact details the
-- cooperative needs (from the profile, or asked for after consent).
CREATE TABLE cooperative_applications (
    id         INTEGER PRIMARY KEY,
    user_id    INTEGER NOT NULL UNIQUE REFERENCES users (id) ON DELETE CASCADE,
    full_name  TEXT    NOT NULL,
    phone      TEXT    NOT NULL,              -- E.164
    village    TEXT,                          -- from the profile, where there is one
    status     TEXT    NOT NULL DEFAULT 'applied'
                       CHECK (status IN ('applied', 'contacted', 'member', 'declined')),
    applied_at INTEGER NOT NULL,
    updated_at INTEGER NOT NULL
);
CREATE INDEX cooperative_applications_by_status ON cooperative_applications (status);

-- Texts officers edit from the bot (no personal data): the cooperative's contacts and hours.
CREATE TABLE officer_texts (
    key        TEXT    PRIMARY KEY CHECK (key IN ('cooperative_contacts')),
    value      TEXT    NOT NULL,
    updated_at INTEGER NOT NULL
);
