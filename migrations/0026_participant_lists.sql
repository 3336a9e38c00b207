-- A training's participants shown in an organiser's chat («👥 Lihat peserta»): names and phone
-- numbers in someone else's chat, which erasing any one of those people must reach. The
-- message is replaced, as officers' notices about a person are (`notice_copies`).
CREATE TABLE participant_lists (
    chat_id     INTEGER NOT NULL,
    message_id  INTEGER NOT NULL,
    training_id INTEGER NOT NULL,
    sent_at     INTEGER NOT NULL,
    PRIMARY KEY (chat_id, message_id)
) WITHOUT ROWID;
CREATE INDEX participant_lists_training ON participant_lists (training_id);
