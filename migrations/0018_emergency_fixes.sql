-- Officers' corrections of the emergency contacts (data/emergency/*.toml), shown instead of the
-- file's values: a number changes sooner than a release. Which entry (its place and English
-- name, as in the file), which field, the new value (NULL: no longer shown), where the officer
-- found it, who and when. `desmigratif check` lists them, to be put into the files.
CREATE TABLE emergency_fixes (
    place    TEXT    NOT NULL,
    contact  TEXT    NOT NULL,
    field    TEXT    NOT NULL CHECK (field IN ('phone', 'hotline', 'whatsapp', 'address')),
    value    TEXT,
    source   TEXT    NOT NULL,
    fixed_by INTEGER NOT NULL,
    fixed_at INTEGER NOT NULL,
    PRIMARY KEY (place, contact, field)
);
