-- Registration: a person's profile, kept only after they consented, erased on request.
-- Every table that holds a person's data references users(id) ON DELETE CASCADE, so that
-- erasing the user row erases it all.

CREATE TABLE consents (
    user_id  INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    version  TEXT    NOT NULL,      -- which consent text was shown (engine::registration::CONSENT_VERSION)
    given_at INTEGER NOT NULL,
    PRIMARY KEY (user_id, version)
);

CREATE TABLE profiles (
    user_id       INTEGER PRIMARY KEY REFERENCES users (id) ON DELETE CASCADE,
    role          TEXT    NOT NULL CHECK (role IN ('returnee', 'family', 'prospective')),
    full_name     TEXT    NOT NULL,
    phone         TEXT    NOT NULL,   -- E.164: + and the country code
    village       TEXT    NOT NULL,   -- desa / kelurahan
    district      TEXT    NOT NULL,   -- kabupaten / kota
    country       TEXT,               -- returnee: last placement; family: the worker's; prospective: destination
    years_abroad  INTEGER,            -- returnee
    sector        TEXT,               -- returnee: work sector
    relation      TEXT,               -- family: relation to the worker
    worker_abroad INTEGER,            -- family: 1 the worker is abroad, 0 at home
    interests     TEXT    NOT NULL DEFAULT '',  -- comma-separated interest codes
    registered_at INTEGER NOT NULL,
    updated_at    INTEGER NOT NULL
);
CREATE INDEX profiles_by_role ON profiles (role);
CREATE INDEX profiles_by_village ON profiles (village COLLATE NOCASE);
CREATE INDEX profiles_by_registered_at ON profiles (registered_at);
