//! SQLite persistence: the durable settings DESIGN.md asks for, migrations embedded in the
//! binary, and one way to write ([`work`]). One file per aggregate; every function takes the
//! unit of work ([`Tx`]) it runs in. No SQL lives outside this folder.

pub mod agencies;
pub mod areas;
pub mod audiences;
pub mod audit;
pub mod backup;
mod batch;
pub mod broadcasts;
pub mod checkpoint;
mod columns;
pub mod console;
pub mod conversations;
pub mod cooperative;
pub mod emergency_fixes;
pub mod export;
pub mod lock;
pub mod notice_copies;
pub mod officer_notices;
pub mod officer_texts;
pub mod officers_group;
pub mod outbox;
pub mod profiles;
pub mod questions;
pub mod reports;
mod routed;
pub mod signups;
pub mod staff;
pub mod stats;
pub mod status;
pub mod trainings;
pub mod updates;
pub mod users;
pub mod work;

use std::{
    path::{Path, PathBuf},
    str::FromStr,
    time::Duration,
};

use sqlx::{
    ConnectOptions, SqliteConnection, SqlitePool,
    sqlite::{SqliteConnectOptions, SqliteJournalMode, SqlitePoolOptions, SqliteSynchronous},
};

pub use work::{Failure, Health, Reader, Tx, Work, Writer};

#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("database: {0}")]
    Sql(#[from] sqlx::Error),
    #[error("database migration: {0}")]
    Migrate(#[from] sqlx::migrate::MigrateError),
    #[error("stored data is not valid: {0}")]
    Corrupt(String),
    /// A file beside the database (an export being made).
    #[error("file: {0}")]
    Io(#[from] std::io::Error),
    #[error("the unit of work was already committed or rolled back")]
    Ended,
    /// Found at start: the bot must not run on it.
    #[error("{0}")]
    Unusable(String),
}

pub type Result<T, E = StoreError> = std::result::Result<T, E>;

pub static MIGRATOR: sqlx::migrate::Migrator = sqlx::migrate!("./migrations");

/// An open database: the one writer, and readers of their own.
pub struct Database {
    pool: SqlitePool,
    read_pool: Option<SqlitePool>,
    reports_pool: Option<SqlitePool>,
    writer: Writer,
    reader: Reader,
    reports: Reader,
    files: export::Files,
    checkpointer: checkpoint::Checkpointer,
    /// Ends the background checkpointer.
    stop: tokio_util::sync::CancellationToken,
    file: Option<PathBuf>,
    /// The file is too big to check for damage before starting: checked just after.
    check_later: bool,
}

impl Database {
    /// The one way to change the database.
    pub fn writer(&self) -> Writer {
        self.writer.clone()
    }

    /// Read-only units of work that never wait for the writer.
    pub fn reader(&self) -> Reader {
        self.reader.clone()
    }

    /// Read-only units of work that count over everyone (statistics, exports): on a
    /// connection of their own whose SQLite thread runs only when the bot's other threads
    /// leave the CPU free, so that a long count never holds up a reply.
    pub fn reports(&self) -> Reader {
        self.reports.clone()
    }

    /// Where the files officers ask for are made.
    pub fn files(&self) -> export::Files {
        self.files.clone()
    }

    /// The check for damage still to run on a big file, once.
    pub fn later_check(&self) -> Option<LaterCheck> {
        match (self.check_later, &self.read_pool) {
            (true, Some(pool)) => Some(LaterCheck { pool: pool.clone() }),
            _ => None,
        }
    }

    /// The database file; `None` for an in-memory database.
    pub fn file(&self) -> Option<&Path> {
        self.file.as_deref()
    }

    /// Empties the write-ahead log in the background (after an erasure).
    pub fn checkpointer(&self) -> checkpoint::Checkpointer {
        self.checkpointer.clone()
    }

    /// Closes every connection (the writer's kept one too).
    pub async fn close(&self) {
        self.stop.cancel();
        self.writer.release().await;
        for pool in [&self.read_pool, &self.reports_pool].into_iter().flatten() {
            pool.close().await;
        }
        self.pool.close().await;
    }
}

/// Opens (creating when missing) the database at `url` and brings its schema up to date.
/// Files up to this size are checked for damage before the bot starts; bigger ones just after.
const CHECK_AT_START_BYTES: u64 = 64 << 20;

fn damaged(damage: &str) -> String {
    format!(
        "the database file is damaged (SQLite's quick_check: {damage}): restore the last backup (README: \"Restore yesterday's backup\")"
    )
}

/// The check for damage of a big database file, run after the start (see `open`).
pub struct LaterCheck {
    pool: SqlitePool,
}

impl LaterCheck {
    /// `Some(what to tell the operator)` if the file is damaged.
    pub async fn run(self) -> Result<Option<String>> {
        let mut conn = self.pool.acquire().await?;
        Ok(status::quick_check(&mut conn).await?.map(|d| damaged(&d)))
    }
}

pub async fn open(url: &str) -> Result<Database> {
    let options = SqliteConnectOptions::from_str(url)?
        .create_if_missing(true)
        .journal_mode(SqliteJournalMode::Wal)
        .synchronous(SqliteSynchronous::Normal)
        .foreign_keys(true)
        .busy_timeout(Duration::from_secs(10))
        // Erased rows are overwritten with zeros, so erased personal data cannot be read back
        // out of the file.
        .pragma("secure_delete", "ON")
        // Fold the log into the file every 4000 pages (16 MB) rather than SQLite's 1000: an
        // update writes about eight pages, so the commit that pays for a checkpoint (copying
        // and fsync) comes once in ~500 updates instead of once in ~125, and a page written
        // many times in between is copied once.
        .pragma("wal_autocheckpoint", "4000");
    let in_memory = is_in_memory(url);
    let pool = SqlitePoolOptions::new()
        // The writer's one connection (readers and migrations have their own). An in-memory
        // database exists once per connection, so there everyone shares it.
        .max_connections(1)
        // A SQLite connection is a file, not a socket that can die: checking it before each
        // use would cost every transaction a round trip to its thread.
        .test_before_acquire(false)
        .min_connections(1)
        .idle_timeout(None)
        .max_lifetime(None)
        .connect_with(options.clone())
        .await
        .map_err(unusable)?;
    let file = database_file(url)?;
    // A file of a few tens of megabytes is checked before anything else; a bigger one (a
    // million people) after the bot has started, so that it answers at once.
    let check_later = file
        .as_ref()
        .and_then(|f| std::fs::metadata(f).ok())
        .is_some_and(|m| m.len() > CHECK_AT_START_BYTES);
    if !check_later && let Some(damage) = status::quick_check(&mut *pool.acquire().await?).await? {
        return Err(StoreError::Unusable(damaged(&damage)));
    }
    migrate(&pool, file.is_some(), options)
        .await
        .map_err(|error| match error {
            StoreError::Sql(error) => unusable(error),
            other => other,
        })?;
    try_a_write(&pool).await?;
    let read_pool = match &file {
        Some(file) => Some(
            SqlitePoolOptions::new()
                .max_connections(4)
                .min_connections(0)
                .test_before_acquire(false)
                .connect_with(
                    SqliteConnectOptions::new()
                        .filename(file)
                        .read_only(true)
                        .busy_timeout(Duration::from_secs(10)),
                )
                .await?,
        ),
        None => None,
    };
    let reports_pool = file.as_deref().map(reports_pool);
    let writer = Writer::new(&pool, !in_memory);
    areas::load_shipped_if_missing(&writer).await?;
    let reader = Reader::new(read_pool.as_ref().unwrap_or(&pool));
    let files = export::Files::new(file.as_deref(), reader.clone())?;
    let checkpointer = checkpoint::Checkpointer::new(file.clone());
    let stop = tokio_util::sync::CancellationToken::new();
    tokio::spawn(checkpointer.clone().run(stop.clone()));
    Ok(Database {
        checkpointer,
        stop,
        writer,
        reader,
        files,
        reports: Reader::new(reports_pool.as_ref().unwrap_or(&pool)),
        pool,
        read_pool,
        reports_pool,
        file,
        check_later,
    })
}

/// The name of SQLite's threads for reports (at most 15 bytes: Linux keeps no more).
const REPORT_THREAD: &str = "report-";

/// Connections for reports, opened when one is asked for and closed a minute after: two, so
/// that a file and the figures can be made at once. Their SQLite threads are idle work
/// (`cpu::run_as_background`).
fn reports_pool(file: &Path) -> SqlitePool {
    SqlitePoolOptions::new()
        .max_connections(2)
        .min_connections(0)
        .idle_timeout(Duration::from_secs(60))
        .test_before_acquire(false)
        .after_connect(|_conn, _meta| {
            Box::pin(async {
                crate::cpu::run_as_background(REPORT_THREAD);
                Ok(())
            })
        })
        .connect_lazy_with(
            SqliteConnectOptions::new()
                .filename(file)
                .read_only(true)
                .busy_timeout(Duration::from_secs(10))
                .thread_name(|id| format!("{REPORT_THREAD}{id}")),
        )
}

/// Brings the schema up to date. A file is migrated on a connection of its own with foreign
/// keys off, so that a migration rebuilding a table (`0006`) can drop the old one without
/// cascading to the rows that point at it; each migration checks those rows itself. An
/// in-memory database exists only in the pool's one connection, and is empty.
async fn migrate(pool: &SqlitePool, file: bool, options: SqliteConnectOptions) -> Result<()> {
    if !file {
        MIGRATOR.run(pool).await?;
        return Ok(());
    }
    let mut conn = options.foreign_keys(false).connect().await?;
    let migrated = MIGRATOR.run(&mut conn).await;
    let _ = sqlx::Connection::close(conn).await;
    Ok(migrated?)
}

/// A real write, rolled into nothing: a file that cannot be written (read-only, wrong owner, a
/// full disk) stops the start, rather than every update later.
async fn try_a_write(pool: &SqlitePool) -> Result<()> {
    let mut conn = pool.acquire().await?;
    let written = async {
        sqlx::query("BEGIN IMMEDIATE").execute(&mut *conn).await?;
        sqlx::query("CREATE TABLE start_check (x)")
            .execute(&mut *conn)
            .await?;
        sqlx::query("DROP TABLE start_check")
            .execute(&mut *conn)
            .await?;
        sqlx::query("COMMIT").execute(&mut *conn).await
    }
    .await;
    match written {
        Ok(_) => Ok(()),
        Err(error) => {
            let _ = sqlx::query("ROLLBACK").execute(&mut *conn).await;
            Err(StoreError::Unusable(format!(
                "the database cannot be written ({}): check that the file and its folder belong to the bot's user and that the disk has room",
                sql_message(&error)
            )))
        }
    }
}

/// A database SQLite cannot even open: damaged, not a database, or not to be written. Said in
/// one sentence with what to do (sqlx's error repeats itself down its chain of sources).
fn unusable(error: sqlx::Error) -> StoreError {
    let code = match &error {
        sqlx::Error::Database(db) => db.code().and_then(|c| c.parse::<i32>().ok()),
        _ => None,
    };
    let words = sql_message(&error);
    StoreError::Unusable(match code.map(|c| c & 0xff) {
        // SQLITE_CORRUPT, SQLITE_NOTADB
        Some(11 | 26) => format!(
            "the database file is damaged ({words}): restore the last backup (README: \"Restore yesterday's backup\")"
        ),
        // SQLITE_READONLY, SQLITE_CANTOPEN, SQLITE_PERM, SQLITE_FULL
        Some(8 | 14 | 3 | 13) => format!(
            "the database cannot be opened for writing ({words}): check that the file and its folder belong to the bot's user and that the disk has room"
        ),
        _ => format!("the database cannot be opened ({words})"),
    })
}

/// SQLite's own words for an error, without sqlx's wrapping.
fn sql_message(error: &sqlx::Error) -> String {
    match error {
        sqlx::Error::Database(db) => db.message().to_owned(),
        other => other.to_string(),
    }
}

fn is_in_memory(url: &str) -> bool {
    url.contains(":memory:") || url.contains("mode=memory")
}

/// The file a database URL names; `None` for an in-memory database.
pub fn database_file(url: &str) -> Result<Option<PathBuf>> {
    if is_in_memory(url) {
        return Ok(None);
    }
    Ok(Some(
        SqliteConnectOptions::from_str(url)?
            .get_filename()
            .to_owned(),
    ))
}

/// Opens an existing database file read-only, for tools that run beside the bot: nothing is
/// created, migrated or changed.
pub(crate) async fn open_read_only(file: &Path) -> Result<SqliteConnection> {
    Ok(SqliteConnectOptions::new()
        .filename(file)
        .read_only(true)
        .busy_timeout(Duration::from_secs(10))
        .connect()
        .await?)
}

/// Unix seconds for a time.
pub fn unix(t: chrono::DateTime<chrono::Utc>) -> i64 {
    t.timestamp()
}

/// `column` (a village code) within `scope`, as SQL over fixed pieces and its parameters.
/// Rows whose village is not known are the admins' only.
/// `SELECT count(*) …` with `params` bound in order (the area's of `within`).
pub(crate) async fn count_of(tx: &mut Tx, sql: &str, params: &[i64]) -> Result<i64> {
    let mut count = sqlx::query_scalar(sql);
    for p in params {
        count = count.bind(*p);
    }
    Ok(count.fetch_one(tx.conn().await?).await?)
}

pub(crate) fn within(scope: &crate::domain::staff::Scope, column: &str) -> (String, Vec<i64>) {
    use crate::domain::staff::Scope;
    let list = |n: usize| vec!["?"; n].join(", ");
    match scope {
        Scope::Country => ("1".into(), Vec::new()),
        Scope::Regencies(regencies) => (
            format!("{column} / 1000000 IN ({})", list(regencies.len())),
            regencies.iter().map(|r| r.get()).collect(),
        ),
        Scope::Villages(villages) => (
            format!("{column} IN ({})", list(villages.len())),
            villages.iter().map(|v| v.get()).collect(),
        ),
    }
}
