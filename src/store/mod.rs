//! SQLite persistence: one pool, the durable settings DESIGN.md asks for, migrations embedded
//! in the binary. One file per aggregate; every function takes a connection so that it can run
//! inside the caller's transaction.

pub mod audit;
pub mod backup;
pub mod batch;
pub mod broadcasts;
pub mod conversations;
pub mod cooperative;
pub mod officer_texts;
pub mod outbox;
pub mod profiles;
pub mod questions;
pub mod signups;
pub mod stats;
pub mod status;
pub mod trainings;
pub mod updates;
pub mod users;

use std::{
    path::{Path, PathBuf},
    str::FromStr,
    time::Duration,
};

use sqlx::{
    ConnectOptions, Sqlite, SqlitePool,
    pool::PoolConnection,
    sqlite::{SqliteConnectOptions, SqliteJournalMode, SqlitePoolOptions, SqliteSynchronous},
};

pub type Db = sqlx::Sqlite;
pub type Conn = sqlx::SqliteConnection;

#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("database: {0}")]
    Sql(#[from] sqlx::Error),
    #[error("database migration: {0}")]
    Migrate(#[from] sqlx::migrate::MigrateError),
    #[error("stored data is not valid: {0}")]
    Corrupt(String),
}

pub type Result<T, E = StoreError> = std::result::Result<T, E>;

pub static MIGRATOR: sqlx::migrate::Migrator = sqlx::migrate!("./migrations");

/// A connection taken from the pool once and kept for the next transaction. Taking one and
/// giving it back costs a spawned task and a ping through the connection's SQLite thread
/// (sqlx checks each connection as it returns): in the engine's profile a fifth of an
/// update's time. For the bot's one writer (see [`Writer`]), which writes one transaction at a
/// time anyway. A pool of one connection (an in-memory database) is shared
/// with everyone else, so there the connection goes back after each use.
///
/// The hot paths begin and commit their transactions with plain statements (see
/// [`batch`]), which sqlx does not know of, so a transaction left open must never reach the
/// pool: after a failure it is rolled back (the connection is closed if even that fails), and
/// a user cancelled halfway has its transaction rolled back before the next one begins.
pub struct KeptConnection {
    conn: Option<PoolConnection<Sqlite>>,
    keep: bool,
    /// Set from `get` until `done`: still set at the next `get` (or the drop) means the last
    /// user was cancelled halfway, maybe inside a transaction.
    in_use: bool,
}

impl KeptConnection {
    pub fn new(pool: &SqlitePool) -> KeptConnection {
        KeptConnection {
            conn: None,
            keep: pool.options().get_max_connections() > 1,
            in_use: false,
        }
    }

    /// The kept connection, or a new one from the pool.
    pub async fn get(&mut self, pool: &SqlitePool) -> Result<&mut Conn> {
        if self.in_use {
            self.end_transaction().await;
        }
        let conn = match self.conn.take() {
            Some(conn) => conn,
            None => pool.acquire().await?,
        };
        self.in_use = true;
        Ok(&mut **self.conn.insert(conn))
    }

    /// The transaction is over. After a failure it is rolled back and the connection goes back
    /// to the pool (which checks it) rather than being kept; so it does when connections are
    /// not kept.
    pub async fn done(&mut self, succeeded: bool) {
        if !succeeded {
            self.end_transaction().await;
        }
        self.in_use = false;
        if !(succeeded && self.keep) {
            self.conn = None;
        }
    }

    /// Rolls back whatever transaction the connection may be in; closes the connection when
    /// that fails, so that an open transaction cannot go back to the pool.
    async fn end_transaction(&mut self) {
        if let Some(conn) = self.conn.as_mut()
            && let Err(error) = roll_back(conn).await
        {
            tracing::error!(%error, "could not roll back; closing the connection");
            if let Some(conn) = self.conn.take() {
                drop(conn.detach());
            }
        }
    }
}

impl Drop for KeptConnection {
    fn drop(&mut self) {
        // Cancelled halfway and no chance to roll back: closing the connection does it.
        if self.in_use
            && let Some(conn) = self.conn.take()
        {
            drop(conn.detach());
        }
    }
}

/// The connection the bot writes through, shared by the engine and the sender and kept from
/// one transaction to the next. One connection rather than one each: SQLite lets one
/// connection write at a time anyway, and a connection throws its whole page cache away
/// whenever another one has committed, so two writers taking turns read every page afresh
/// from the file (a system call and a copy each) on every transaction. In the end-to-end
/// benchmark that was a third of the time SQLite's threads spent.
#[derive(Clone)]
pub struct Writer {
    pool: SqlitePool,
    kept: std::sync::Arc<tokio::sync::Mutex<KeptConnection>>,
}

impl Writer {
    pub fn new(pool: &SqlitePool) -> Writer {
        Writer {
            pool: pool.clone(),
            kept: std::sync::Arc::new(tokio::sync::Mutex::new(KeptConnection::new(pool))),
        }
    }

    /// Runs `work` on the connection, one writer at a time; a failed `work` has its
    /// transaction rolled back (see [`KeptConnection::done`]).
    pub async fn write<T, E: From<StoreError>>(
        &self,
        work: impl AsyncFnOnce(&mut Conn) -> std::result::Result<T, E>,
    ) -> std::result::Result<T, E> {
        let mut kept = self.kept.lock().await;
        let result = work(kept.get(&self.pool).await?).await;
        kept.done(result.is_ok()).await;
        result
    }
}

/// Ends the open transaction without keeping anything; does nothing when none is open.
pub async fn roll_back(conn: &mut Conn) -> Result<()> {
    match sqlx::query("ROLLBACK").execute(conn).await {
        Ok(_) => Ok(()),
        Err(sqlx::Error::Database(error)) if error.message().contains("no transaction") => Ok(()),
        Err(error) => Err(error.into()),
    }
}

/// Opens (creating when missing) the database at `url` and brings its schema up to date.
pub async fn open(url: &str) -> Result<SqlitePool> {
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
        // An in-memory database exists once per connection: keep exactly one.
        .max_connections(if in_memory { 1 } else { 4 })
        // A SQLite connection is a file, not a socket that can die: checking it before each
        // use would cost every transaction a round trip to its thread.
        .test_before_acquire(false)
        .after_connect(|conn, _| Box::pin(async move { wait_for_writers_briefly(conn).await }))
        .min_connections(1)
        .idle_timeout(None)
        .max_lifetime(None)
        .connect_with(options)
        .await?;
    MIGRATOR.run(&pool).await?;
    Ok(pool)
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
pub async fn open_read_only(file: &Path) -> Result<Conn> {
    Ok(SqliteConnectOptions::new()
        .filename(file)
        .read_only(true)
        .busy_timeout(Duration::from_secs(10))
        .connect()
        .await?)
}

/// Replaces SQLite's busy handler, which sleeps 1, 2, 5, 10… ms between tries for a lock,
/// with one that tries again every 100 µs for the first 0.2 s (then every 10 ms, up to about
/// 10 s in all, as `busy_timeout` did). The engine and the sender both write hundreds of
/// times a second, each holding the lock for a fraction of a millisecond: in the end-to-end
/// benchmark those sleeps, not the work, were two thirds of an update's time.
async fn wait_for_writers_briefly(conn: &mut Conn) -> Result<(), sqlx::Error> {
    let mut handle = conn.lock_handle().await?;
    let db = handle.as_raw_handle().as_ptr();
    // SAFETY: `db` is this open connection, locked for us; the handler is a plain function
    // that touches no data (its argument is null).
    unsafe { libsqlite3_sys::sqlite3_busy_handler(db, Some(busy_wait), std::ptr::null_mut()) };
    Ok(())
}

extern "C" fn busy_wait(_: *mut std::ffi::c_void, tries: std::ffi::c_int) -> std::ffi::c_int {
    const QUICK_TRIES: std::ffi::c_int = 2_000;
    const SLOW_TRIES: std::ffi::c_int = 980;
    let wait = if tries < QUICK_TRIES {
        Duration::from_micros(100)
    } else if tries < QUICK_TRIES + SLOW_TRIES {
        Duration::from_millis(10)
    } else {
        return 0;
    };
    std::thread::sleep(wait);
    1
}

/// Unix seconds for a time.
pub fn unix(t: chrono::DateTime<chrono::Utc>) -> i64 {
    t.timestamp()
}
