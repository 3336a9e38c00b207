-- A question's life: waiting (open, nobody took it) → taken (open, someone has it) → answered
-- → closed; a follow-up from the person opens it again. A closed question says why: the person
-- marked it resolved, or an officer closed it as answered elsewhere, a duplicate, or spam (spam
-- closes without a word to the person). SQLite cannot change a CHECK, so the table is rebuilt
-- with its rows and ids, as in 0006 (migrated with foreign keys off; the last statement checks
-- that every row pointing at a question still finds it).
CREATE TABLE new_questions (
    id            INTEGER PRIMARY KEY AUTOINCREMENT,        -- the number people see ("no. 12")
    user_id       INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    status        TEXT    NOT NULL DEFAULT 'open'
                          CHECK (status IN ('open', 'answered', 'closed')),
    round         INTEGER NOT NULL DEFAULT 1,
    asked_at      INTEGER NOT NULL,
    opened_at     INTEGER NOT NULL,           -- when the current round started (inbox order)
    answered_at   INTEGER,
    village_code  INTEGER,
    level         TEXT    NOT NULL DEFAULT 'country'
                          CHECK (level IN ('village', 'regency', 'country')),
    level_since   INTEGER NOT NULL DEFAULT 0,
    taken_by      INTEGER,
    urgent_place  TEXT,
    notified_at   INTEGER,
    closed_reason TEXT    CHECK (closed_reason IN ('resolved', 'elsewhere', 'duplicate', 'spam')),
    closed_at     INTEGER,
    CHECK ((status = 'closed') = (closed_reason IS NOT NULL))
);
INSERT INTO new_questions (id, user_id, status, round, asked_at, opened_at, answered_at,
                           village_code, level, level_since, taken_by, urgent_place, notified_at)
    SELECT id, user_id, status, round, asked_at, opened_at, answered_at,
           village_code, level, level_since, taken_by, urgent_place, notified_at
    FROM questions;
DROP TABLE questions;
ALTER TABLE new_questions RENAME TO questions;
CREATE INDEX questions_by_user ON questions (user_id);
CREATE INDEX questions_open ON questions (opened_at) WHERE status = 'open';
CREATE INDEX questions_to_escalate ON questions (level_since)
    WHERE status = 'open' AND taken_by IS NULL AND level <> 'country';
CREATE INDEX questions_by_village ON questions (village_code);
CREATE INDEX questions_urgent_waiting ON questions (notified_at)
    WHERE urgent_place IS NOT NULL AND status = 'open' AND taken_by IS NULL;
CREATE INDEX questions_inbox ON questions ((urgent_place IS NULL), opened_at, id)
    WHERE status = 'open';
CREATE INDEX questions_closed ON questions (closed_at) WHERE status = 'closed';

-- What an officer's message on a question is: the answer, or a later addition to or
-- correction of it (the person sees «Tambahan…» or «Koreksi dari petugas»).
ALTER TABLE question_entries ADD COLUMN kind TEXT NOT NULL DEFAULT 'said'
    CHECK (kind IN ('said', 'addition', 'correction'));

-- Notices of new questions, at most one per chat every 15 minutes unless the officer chose
-- «each at once»: when the chat was last told, and how many new messages came since.
CREATE TABLE officer_notices (
    chat_id      INTEGER PRIMARY KEY,
    each_at_once INTEGER NOT NULL DEFAULT 0,
    last_at      INTEGER,
    held         INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX officer_notices_held ON officer_notices (last_at) WHERE held > 0;

-- Fails the migration (and so the start, with nothing changed) if a row points at nothing.
SELECT CASE WHEN EXISTS (SELECT 1 FROM pragma_foreign_key_check)
            THEN json_extract('a row points at nothing', '$') END;
