//! The one way to change the database: a unit of work ([`Tx`]).
//!
//! A [`Writer`] hands out one unit of work at a time on the bot's single writing connection;
//! a [`Reader`] hands out read-only ones on connections of their own, so a long read (an
//! export, the statistics) never holds up anyone's reply. Every store function takes a `Tx`,
//! and only `store/` can reach the SQLite connection inside it.
//!
//! A unit of work begins its transaction with the first statement it sends (`BEGIN
//! IMMEDIATE` rides in the same round trip to SQLite's thread) and ends in exactly one
//! `COMMIT` or `ROLLBACK`, sent here and nowhere else: the work succeeded, so whatever it
//! left to write at commit goes with the `COMMIT`; it failed, so it is rolled back. A
//! connection whose state is in doubt (the rollback failed, or the work was cancelled
//! halfway) is closed, which rolls back whatever was open, and a fresh one takes its place:
//! it is never used again. There is no other transaction style on any connection (sqlx's own
//! `begin` is not used), so nothing can get out of step.

use std::sync::{
    Arc,
    atomic::{AtomicI64, Ordering},
};

use sqlx::{Sqlite, SqliteConnection, SqlitePool, pool::PoolConnection, sqlite::SqliteRow};

use super::{Result, StoreError, batch::Batch};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Mode {
    Write,
    Read,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Phase {
    /// Nothing sent yet: no transaction is open.
    NotBegun,
    /// `BEGIN` was sent (it may have failed: ending rolls back, which is harmless then).
    Open,
    /// Committed or rolled back.
    Ended,
}

/// A unit of work: one transaction on one connection. See the module's documentation.
pub struct Tx {
    conn: Option<PoolConnection<Sqlite>>,
    mode: Mode,
    phase: Phase,
    /// Statements that need no answer, sent with the `COMMIT`.
    at_commit: Batch<'static>,
}

impl Tx {
    fn new(conn: PoolConnection<Sqlite>, mode: Mode) -> Tx {
        Tx {
            conn: Some(conn),
            mode,
            phase: Phase::NotBegun,
            at_commit: Batch::new(),
        }
    }

    /// A placeholder with no connection.
    fn ended() -> Tx {
        Tx {
            conn: None,
            mode: Mode::Write,
            phase: Phase::Ended,
            at_commit: Batch::new(),
        }
    }

    fn begin_sql(&self) -> &'static str {
        match self.mode {
            Mode::Write => "BEGIN IMMEDIATE;\n",
            Mode::Read => "BEGIN;\n",
        }
    }

    fn raw(&mut self) -> Result<&mut SqliteConnection> {
        match (self.phase, self.conn.as_mut()) {
            (Phase::Ended, _) | (_, None) => Err(StoreError::Ended),
            (_, Some(conn)) => Ok(&mut **conn),
        }
    }

    /// The connection, inside the transaction (begun first if need be).
    pub(super) async fn conn(&mut self) -> Result<&mut SqliteConnection> {
        if self.phase == Phase::NotBegun {
            let begin = self.begin_sql();
            // Counted as begun before it is sent: if it fails halfway, ending rolls back.
            self.phase = Phase::Open;
            sqlx::query(begin).execute(self.raw()?).await?;
        }
        self.raw()
    }

    /// Runs the statements of `batch` in the transaction (begun in the same round trip if
    /// need be) and returns the rows they give.
    pub(super) async fn run(&mut self, batch: Batch<'_>) -> Result<Vec<SqliteRow>> {
        let batch = self.with_begin(batch);
        batch.fetch_all(self.raw()?).await
    }

    /// Runs `batch` (or, when it is empty, what waits for the commit), then commits, in one
    /// round trip: for a unit of work whose last statements give rows it needs, and for the
    /// commit itself. Nothing can be sent after it.
    pub(super) async fn run_and_commit(&mut self, batch: Batch<'_>) -> Result<Vec<SqliteRow>> {
        let waiting = std::mem::take(&mut self.at_commit);
        let batch = if batch.is_empty() {
            waiting
        } else {
            if !waiting.is_empty() {
                // Its parameters are numbered on their own: a round trip of its own.
                self.run(waiting).await?;
            }
            batch
        };
        let mut batch = self.with_begin(batch);
        batch.sql("COMMIT;\n");
        let rows = batch.fetch_all(self.raw()?).await?;
        self.phase = Phase::Ended;
        Ok(rows)
    }

    fn with_begin<'q>(&mut self, mut batch: Batch<'q>) -> Batch<'q> {
        if self.phase == Phase::NotBegun {
            self.phase = Phase::Open;
            batch.prepend_sql(self.begin_sql());
        }
        batch
    }

    /// Statements to send with the `COMMIT` (they need no answer and nothing in this unit of
    /// work reads what they write).
    pub(super) fn at_commit(&mut self) -> &mut Batch<'static> {
        &mut self.at_commit
    }

    /// Sends what waits for the commit already when it has grown large (a broadcast queuing
    /// a message per recipient), so that no one query exceeds SQLite's limits.
    pub(super) async fn send_at_commit_if_large(&mut self) -> Result<()> {
        if self.at_commit.is_large() {
            let batch = std::mem::take(&mut self.at_commit);
            self.run(batch).await?;
        }
        Ok(())
    }

    /// Ends the transaction: commits with what waits for the commit, or rolls back.
    async fn end(&mut self, commit: bool) -> Result<()> {
        match self.phase {
            Phase::Ended => return Ok(()),
            Phase::NotBegun if !commit || self.at_commit.is_empty() => {
                self.phase = Phase::Ended;
                return Ok(());
            }
            _ => {}
        }
        if commit {
            self.run_and_commit(Batch::new()).await?;
        } else {
            self.at_commit = Batch::new();
            let rolled_back = roll_back(self.raw()?).await;
            self.phase = Phase::Ended;
            rolled_back?;
        }
        Ok(())
    }

    /// The connection back, once the transaction is over; `None` when its state is in doubt
    /// (it is closed then).
    async fn finish(mut self, commit: bool) -> (Result<()>, Option<PoolConnection<Sqlite>>) {
        let ended = self.end(commit).await;
        let clean = match (&ended, self.conn.as_mut()) {
            (Ok(()), _) => true,
            // A failed COMMIT may leave the transaction open (SQLite keeps it open after
            // SQLITE_BUSY, for one): roll back; if even that fails, the connection goes.
            (Err(_), Some(conn)) => roll_back(conn).await.is_ok(),
            (Err(_), None) => false,
        };
        self.phase = Phase::Ended;
        let conn = self.conn.take();
        if clean {
            return (ended, conn);
        }
        if let Some(conn) = conn {
            drop(conn.detach());
        }
        (ended, None)
    }
}

impl Drop for Tx {
    fn drop(&mut self) {
        // Cancelled halfway: nobody can say what state the connection is in. Closing it rolls
        // back whatever was open; the pool opens a new one when it is next needed.
        if let Some(conn) = self.conn.take()
            && self.phase != Phase::Ended
        {
            drop(conn.detach());
        }
    }
}

/// Ends the open transaction without keeping anything; does nothing when none is open.
async fn roll_back(conn: &mut SqliteConnection) -> Result<()> {
    match sqlx::query("ROLLBACK").execute(conn).await {
        Ok(_) => Ok(()),
        Err(sqlx::Error::Database(error)) if error.message().contains("no transaction") => Ok(()),
        Err(error) => Err(error.into()),
    }
}

/// An error a unit of work can end with: the store's own, or one that may carry it.
pub trait Failure: From<StoreError> {
    /// The database failed (rather than the work deciding to roll back).
    fn is_database_fault(&self) -> bool;
}

impl Failure for StoreError {
    fn is_database_fault(&self) -> bool {
        matches!(self, StoreError::Sql(_) | StoreError::Ended)
    }
}

/// Whether the database takes writes: when the last unit of work that failed did, if none
/// has succeeded since (Unix milliseconds; 0 when the last one succeeded).
#[derive(Debug, Default)]
pub struct Health {
    failing_since_ms: AtomicI64,
}

impl Health {
    fn succeeded(&self) {
        self.failing_since_ms.store(0, Ordering::Relaxed);
    }

    fn failed(&self) {
        let now = chrono::Utc::now().timestamp_millis().max(1);
        let _ =
            self.failing_since_ms
                .compare_exchange(0, now, Ordering::Relaxed, Ordering::Relaxed);
    }

    /// How long units of work have been failing without one succeeding; `None` while writes
    /// go through.
    pub fn failing_for(&self) -> Option<std::time::Duration> {
        let since = self.failing_since_ms.load(Ordering::Relaxed);
        (since > 0).then(|| {
            let ms = (chrono::Utc::now().timestamp_millis() - since).max(0);
            std::time::Duration::from_millis(u64::try_from(ms).unwrap_or(0))
        })
    }
}

/// The bot's one writing connection, shared by the engine, the sender and the background
/// tasks, kept from one unit of work to the next. One connection rather than one each:
/// SQLite lets one connection write at a time anyway, and a connection throws its page cache
/// away whenever another one has committed.
#[derive(Clone)]
pub struct Writer {
    pool: SqlitePool,
    kept: Arc<tokio::sync::Mutex<Option<PoolConnection<Sqlite>>>>,
    /// An in-memory database's pool has one connection, which everyone shares: it goes back
    /// after each unit of work.
    keep: bool,
    health: Arc<Health>,
}

impl Writer {
    pub(super) fn new(pool: &SqlitePool, keep: bool) -> Writer {
        Writer {
            pool: pool.clone(),
            kept: Arc::new(tokio::sync::Mutex::new(None)),
            keep,
            health: Arc::new(Health::default()),
        }
    }

    /// Runs `work` as one unit of work, one at a time: committed when it succeeds, rolled back
    /// when it fails or is cancelled.
    pub async fn write<T, E: Failure>(
        &self,
        work: impl AsyncFnOnce(&mut Tx) -> std::result::Result<T, E>,
    ) -> std::result::Result<T, E> {
        let mut work_unit = self.begin().await?;
        let result = work(work_unit.tx()).await;
        work_unit.end(result).await
    }

    /// Starts a unit of work, for code that cannot be a closure; [`Work::end`] ends it, and
    /// dropping it unended counts as a cancellation (rolled back, connection closed).
    pub async fn begin(&self) -> Result<Work<'_>> {
        let mut kept = self.kept.lock().await;
        let conn = match kept.take() {
            Some(conn) => conn,
            None => match self.pool.acquire().await {
                Ok(conn) => conn,
                Err(error) => {
                    self.health.failed();
                    return Err(error.into());
                }
            },
        };
        Ok(Work {
            writer: self,
            kept,
            tx: Tx::new(conn, Mode::Write),
        })
    }

    pub fn health(&self) -> Arc<Health> {
        self.health.clone()
    }

    /// Gives the kept connection back, so that the pool can close.
    pub(super) async fn release(&self) {
        self.kept.lock().await.take();
    }
}

/// A unit of work under way on the writer (see [`Writer::begin`]).
pub struct Work<'w> {
    writer: &'w Writer,
    kept: tokio::sync::MutexGuard<'w, Option<PoolConnection<Sqlite>>>,
    tx: Tx,
}

impl Work<'_> {
    pub fn tx(&mut self) -> &mut Tx {
        &mut self.tx
    }

    /// Commits if `result` is a success, else rolls back; a failed commit turns it into a
    /// failure.
    pub async fn end<T, E: Failure>(
        mut self,
        result: std::result::Result<T, E>,
    ) -> std::result::Result<T, E> {
        let tx = std::mem::replace(&mut self.tx, Tx::ended());
        let (ended, conn) = tx.finish(result.is_ok()).await;
        if self.writer.keep {
            *self.kept = conn;
        }
        let health = &self.writer.health;
        match (result, ended) {
            (Ok(value), Ok(())) => {
                health.succeeded();
                Ok(value)
            }
            (Ok(_), Err(error)) => {
                health.failed();
                Err(error.into())
            }
            (Err(error), ended) => {
                if ended.is_err() || error.is_database_fault() {
                    health.failed();
                }
                Err(error)
            }
        }
    }
}

/// Read-only units of work on connections of their own (the same as the writer's for an
/// in-memory database, which has just one).
#[derive(Clone)]
pub struct Reader {
    pool: SqlitePool,
}

impl Reader {
    pub(super) fn new(pool: &SqlitePool) -> Reader {
        Reader { pool: pool.clone() }
    }

    /// Runs `work` in one read transaction: it sees the database as it was when it began.
    pub async fn read<T, E: From<StoreError>>(
        &self,
        work: impl AsyncFnOnce(&mut Tx) -> std::result::Result<T, E>,
    ) -> std::result::Result<T, E> {
        let conn = self.pool.acquire().await.map_err(StoreError::from)?;
        let mut tx = Tx::new(conn, Mode::Read);
        let result = work(&mut tx).await;
        // Goes back to the pool only when the read transaction is over.
        let (_, _conn) = tx.finish(false).await;
        result
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::Database;

    /// A fresh database file with a table `t (n, s)` and a table `child` whose foreign key is
    /// checked only at COMMIT (so a commit can be made to fail).
    async fn database() -> (tempfile::TempDir, Database) {
        let dir = tempfile::tempdir().unwrap();
        let url = format!("sqlite://{}", dir.path().join("t.db").display());
        let db = crate::store::open(&url).await.unwrap();
        db.writer()
            .write(async |tx| {
                sqlx::raw_sql(
                    "CREATE TABLE t (n INTEGER NOT NULL, s TEXT NOT NULL);
                     CREATE TABLE parent (id INTEGER PRIMARY KEY);
                     CREATE TABLE child (parent_id INTEGER NOT NULL
                         REFERENCES parent (id) DEFERRABLE INITIALLY DEFERRED);",
                )
                .execute(tx.conn().await?)
                .await?;
                Ok::<_, StoreError>(())
            })
            .await
            .unwrap();
        (dir, db)
    }

    async fn rows(db: &Database) -> Vec<(i64, String)> {
        db.reader()
            .read(async |tx| {
                Ok::<_, StoreError>(
                    sqlx::query_as("SELECT n, s FROM t ORDER BY n")
                        .fetch_all(tx.conn().await?)
                        .await?,
                )
            })
            .await
            .unwrap()
    }

    fn insert(batch: &mut Batch<'_>, n: i64, s: &'static str) {
        let sql = format!(
            "INSERT INTO t (n, s) VALUES ({}, {});",
            batch.param(n),
            batch.param(s)
        );
        batch.sql(&sql);
    }

    async fn insert_now(tx: &mut Tx, n: i64, s: &str) -> Result<()> {
        sqlx::query("INSERT INTO t (n, s) VALUES (?, ?)")
            .bind(n)
            .bind(s)
            .execute(tx.conn().await?)
            .await?;
        Ok(())
    }

    #[tokio::test]
    async fn statements_run_in_order_with_parameters_numbered_across_a_batch() {
        let (_dir, db) = database().await;
        db.writer()
            .write(async |tx| {
                let mut batch = Batch::new();
                insert(&mut batch, 1, "satu");
                insert(&mut batch, 2, "dua");
                tx.run(batch).await?;
                insert(tx.at_commit(), 3, "tiga");
                Ok::<_, StoreError>(())
            })
            .await
            .unwrap();
        assert_eq!(
            rows(&db).await,
            vec![(1, "satu".into()), (2, "dua".into()), (3, "tiga".into())]
        );
    }

    #[tokio::test]
    async fn a_failing_statement_rolls_the_whole_unit_of_work_back() {
        let (_dir, db) = database().await;
        let failed = db
            .writer()
            .write(async |tx| {
                insert_now(tx, 1, "satu").await?;
                let mut batch = Batch::new();
                insert(&mut batch, 2, "dua");
                batch.sql("INSERT INTO t (n, s) VALUES (3, NULL);");
                tx.run(batch).await?;
                Ok::<_, StoreError>(())
            })
            .await;
        assert!(failed.is_err());
        assert_eq!(rows(&db).await, vec![]);
        assert!(db.writer().health().failing_for().is_some());
        // The same writer goes on: its connection was left clean.
        db.writer()
            .write(async |tx| insert_now(tx, 4, "empat").await)
            .await
            .unwrap();
        assert_eq!(rows(&db).await, vec![(4, "empat".into())]);
        assert_eq!(db.writer().health().failing_for(), None);
    }

    #[tokio::test]
    async fn a_failed_commit_is_rolled_back_and_the_next_units_of_work_commit() {
        let (_dir, db) = database().await;
        // The foreign key is checked at COMMIT, which fails and leaves the transaction open.
        let failed = db
            .writer()
            .write(async |tx| {
                insert_now(tx, 1, "lost").await?;
                sqlx::query("INSERT INTO child (parent_id) VALUES (42)")
                    .execute(tx.conn().await?)
                    .await?;
                Ok::<_, StoreError>(())
            })
            .await;
        assert!(
            matches!(&failed, Err(StoreError::Sql(e)) if e.to_string().contains("FOREIGN KEY")),
            "{failed:?}"
        );
        for n in 2..5 {
            db.writer()
                .write(async |tx| insert_now(tx, n, "kept").await)
                .await
                .unwrap();
        }
        assert_eq!(
            rows(&db).await,
            vec![(2, "kept".into()), (3, "kept".into()), (4, "kept".into())]
        );
    }

    #[tokio::test]
    async fn a_unit_of_work_cancelled_halfway_leaves_nothing_and_its_connection_is_not_reused() {
        let (_dir, db) = database().await;
        let writer = db.writer();
        let (started, halfway) = tokio::sync::oneshot::channel();
        let cancelled = {
            let writer = writer.clone();
            tokio::spawn(async move {
                writer
                    .write(async |tx| {
                        insert_now(tx, 1, "half").await?;
                        let _ = started.send(());
                        std::future::pending::<()>().await;
                        Ok::<_, StoreError>(())
                    })
                    .await
            })
        };
        halfway.await.unwrap();
        cancelled.abort();
        assert!(cancelled.await.unwrap_err().is_cancelled());
        writer
            .write(async |tx| insert_now(tx, 2, "after").await)
            .await
            .unwrap();
        assert_eq!(rows(&db).await, vec![(2, "after".into())]);
    }

    #[tokio::test]
    async fn a_unit_of_work_that_sends_nothing_begins_no_transaction() {
        let (_dir, db) = database().await;
        let untouched = db
            .writer()
            .write(async |tx| Ok::<_, StoreError>(tx.phase == Phase::NotBegun))
            .await
            .unwrap();
        assert!(untouched);
    }
}
