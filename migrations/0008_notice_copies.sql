-- The bot's messages in officers' chats (and the officers' group) about a person, by chat and
-- message id only: erasing the person replaces them with "[erased at the person's request]"
-- (a copy of a photo or voice note is deleted). No personal data is kept here.
CREATE TABLE notice_copies (
    chat_id INTEGER NOT NULL,
    message_id INTEGER NOT NULL,
    subject_user_id INTEGER NOT NULL,
    -- 1: a copy of the person's own message (a photo, a voice note), deleted rather than edited.
    media INTEGER NOT NULL,
    sent_at INTEGER NOT NULL,
    PRIMARY KEY (chat_id, message_id)
) WITHOUT ROWID;
CREATE INDEX notice_copies_subject ON notice_copies (subject_user_id);
