-- A photo uploaded in the web console for an announcement, kept until Telegram has it: the
-- first copy uploads it, and its file id (`photo_file_id`) serves every copy after that, when
-- these bytes are dropped.
ALTER TABLE broadcasts ADD COLUMN photo_upload BLOB;
