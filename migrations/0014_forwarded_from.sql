-- A message the person forwarded to the officers (a job offer, a message from an agent):
-- where it came from, as Telegram names it (a person's or chat's name), so that the officer
-- sees it is not the person's own words.
ALTER TABLE question_entries ADD COLUMN forwarded_from TEXT;
