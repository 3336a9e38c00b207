-- Trainings, who signed up for them (a seat or a place on the waitlist), which reminders went
-- out, and which training an unregistered person wanted (so registration can lead them back).

CREATE TABLE trainings (
    id             INTEGER PRIMARY KEY,
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
CREATE INDEX trainings_by_start ON trainings (starts_at);

-- A seat ('booked') or a place on the waitlist ('waiting'). The waitlist is served in the
-- order of `id`, which grows with every sign-up.
CREATE TABLE training_signups (
    id           INTEGER PRIMARY KEY,
    training_id  INTEGER NOT NULL REFERENCES trainings (id) ON DELETE CASCADE,
    user_id      INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    status       TEXT    NOT NULL CHECK (status IN ('booked', 'waiting')),
    signed_up_at INTEGER NOT NULL,
    booked_at    INTEGER,
    UNIQUE (training_id, user_id)
);
CREATE INDEX training_signups_by_training ON training_signups (training_id, status, id);
CREATE INDEX training_signups_by_user ON training_signups (user_id);

-- Each reminder of each training is dealt with once: sent, or skipped because the bot was down
-- past its time. Editing a training's start time forgets its reminders.
CREATE TABLE training_reminders (
    training_id    INTEGER NOT NULL REFERENCES trainings (id) ON DELETE CASCADE,
    offset_seconds INTEGER NOT NULL,    -- how long before the start (REMINDER_OFFSETS)
    outcome        TEXT    NOT NULL CHECK (outcome IN ('sent', 'skipped')),
    recipients     INTEGER NOT NULL,
    done_at        INTEGER NOT NULL,
    PRIMARY KEY (training_id, offset_seconds)
);

-- The training an unregistered person tried to sign up for, shown again after registration.
CREATE TABLE training_wishes (
    user_id     INTEGER PRIMARY KEY REFERENCES users (id) ON DELETE CASCADE,
    training_id INTEGER NOT NULL REFERENCES trainings (id) ON DELETE CASCADE,
    wished_at   INTEGER NOT NULL
);
