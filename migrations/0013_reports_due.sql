-- Reports an update asked for (an officer's /statistik), written in the update's own
-- transaction and deleted in the one that queues the report's messages: a stop in between
-- (a kill, a crash) leaves the row, and the report is made at the next start.
CREATE TABLE reports_due (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    -- What to make, as JSON (engine::Deferred).
    payload TEXT NOT NULL,
    asked_at INTEGER NOT NULL
);
