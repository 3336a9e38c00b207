-- Indonesia's administrative areas by their Kemendagri codes, stored as numbers (32.12.16.2004
-- is 3212162004; every code starts with its parent's). The rows are loaded by store::areas
-- from the release shipped in the binary the first time a database is opened, and from a
-- newer release by `import-areas`. A row is never deleted: a code a newer release no longer
-- lists is retired (kept for the people and work that point at it, left out of searches).

CREATE TABLE area_releases (
    id        INTEGER PRIMARY KEY AUTOINCREMENT,
    name      TEXT    NOT NULL,          -- 'idn-area-data 4.0.1', or the folder imported
    loaded_at INTEGER NOT NULL,
    villages  INTEGER NOT NULL
);

CREATE TABLE provinces (
    code       INTEGER PRIMARY KEY,
    name       TEXT    NOT NULL,
    release_id INTEGER NOT NULL,         -- the last release that listed it
    retired_at INTEGER
);

CREATE TABLE regencies (
    code       INTEGER PRIMARY KEY,      -- the province's code is code / 100
    name       TEXT    NOT NULL,         -- 'Kabupaten Indramayu', 'Kota Bandung'
    release_id INTEGER NOT NULL,
    retired_at INTEGER
);

CREATE TABLE districts (
    code       INTEGER PRIMARY KEY,      -- the regency's code is code / 100
    name       TEXT    NOT NULL,
    release_id INTEGER NOT NULL,
    retired_at INTEGER
);

CREATE TABLE villages (
    code       INTEGER PRIMARY KEY,      -- the district's code is code / 10000
    name       TEXT    NOT NULL,
    release_id INTEGER NOT NULL,
    retired_at INTEGER,
    -- A village of the Desmigratif programme (marked by admins): found first in searches.
    programme  INTEGER NOT NULL DEFAULT 0
);

-- The village a person registered in; village and district keep the official names (or, until
-- the person chooses, what they typed before villages were a list).
ALTER TABLE profiles ADD COLUMN village_code INTEGER REFERENCES villages (code);
-- When a person whose typed village matched no code was asked to choose it (once).
ALTER TABLE profiles ADD COLUMN village_asked_at INTEGER;
CREATE INDEX profiles_by_village_code ON profiles (village_code);
ALTER TABLE cooperative_applications ADD COLUMN village_code INTEGER REFERENCES villages (code);
