-- The official list of licensed placement companies (P3MI), as an officer last loaded it
-- (`desmigratif import-agencies FILE`, or the file sent to the bot by an admin): each load
-- replaces the list whole.
-- AUTOINCREMENT: a new list never reuses an id, so an old screen's button cannot name another
-- company.
CREATE TABLE agencies (
    id             INTEGER PRIMARY KEY AUTOINCREMENT,
    name           TEXT NOT NULL,
    licence_number TEXT NOT NULL,
    address        TEXT NOT NULL,
    status         TEXT NOT NULL CHECK (status IN ('active', 'suspended', 'revoked')),
    -- The date of the official list the line comes from (YYYY-MM-DD).
    listed_on      TEXT NOT NULL
);

-- Each load: when, by whom (none from the command line), how many companies, and the
-- newest date of the list.
CREATE TABLE agency_loads (
    id        INTEGER PRIMARY KEY,
    loaded_at INTEGER NOT NULL,
    loaded_by INTEGER REFERENCES users (id) ON DELETE SET NULL,
    companies INTEGER NOT NULL,
    listed_on TEXT NOT NULL
);

-- Companies officers marked as reported to them, by the name as the search compares it
-- (`domain::agency::name_key`): a mark outlives a new list, and can name a company that is
-- on no list at all.
CREATE TABLE agency_reports (
    name_key    TEXT PRIMARY KEY,
    name        TEXT NOT NULL,
    reported_by INTEGER REFERENCES users (id) ON DELETE SET NULL,
    reported_at INTEGER NOT NULL
);

-- One number, raised by every load and every mark: each running process compares it with the
-- copy of the list it searches, so a load from the command line reaches the running bot.
CREATE TABLE agency_changes (
    id      INTEGER PRIMARY KEY CHECK (id = 1),
    version INTEGER NOT NULL
);
INSERT INTO agency_changes (id, version) VALUES (1, 0);
