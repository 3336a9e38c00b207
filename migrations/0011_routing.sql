-- Work goes to the right people: each question and cooperative application carries the
-- asker's village and the level now answering for it (the village's officers, the regency's
-- coordinators, the admins), since when, and who took it. Work from before this migration went
-- to the admins, and stays with them.

ALTER TABLE questions ADD COLUMN village_code INTEGER;
ALTER TABLE questions ADD COLUMN level TEXT NOT NULL DEFAULT 'country'
    CHECK (level IN ('village', 'regency', 'country'));
ALTER TABLE questions ADD COLUMN level_since INTEGER NOT NULL DEFAULT 0;
ALTER TABLE questions ADD COLUMN taken_by INTEGER;
CREATE INDEX questions_to_escalate ON questions (level_since)
    WHERE status = 'open' AND taken_by IS NULL AND level <> 'country';
CREATE INDEX questions_by_village ON questions (village_code);

ALTER TABLE cooperative_applications ADD COLUMN level TEXT NOT NULL DEFAULT 'country'
    CHECK (level IN ('village', 'regency', 'country'));
ALTER TABLE cooperative_applications ADD COLUMN level_since INTEGER NOT NULL DEFAULT 0;
ALTER TABLE cooperative_applications ADD COLUMN taken_by INTEGER;
