-- Urgent cases («🆘 Darurat», or a message that sounded like trouble): where the person in
-- trouble is (an emergency::Place code) and when the officers were last told. An urgent case
-- goes to its level and the one above at once, is sorted first, and is told again every two
-- hours until someone takes it.
ALTER TABLE questions ADD COLUMN urgent_place TEXT;
ALTER TABLE questions ADD COLUMN notified_at INTEGER;
CREATE INDEX questions_urgent_waiting ON questions (notified_at)
    WHERE urgent_place IS NOT NULL AND status = 'open' AND taken_by IS NULL;
