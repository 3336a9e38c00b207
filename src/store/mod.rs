//! SQLite persistence: one pool, the durable settings DESIGN.md asks for, migrations embedded
//! in the binary. One file per aggregate; every function takes a connection so that it can run
//! inside the caller's transaction.

pub mod audit;
pub mod broadcasts;
pub mod conversations;
pub mod outbox;
pub mod profiles;
pub mod updates;
pub mod users;

use std::{str::FromStr, time::Duration};

use sqlx::{
    SqlitePool,
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
    let in_memory = url.contains(":memory:") || url.contains("mode=memory");
    let pool = SqlitePoolOptions::new()
        // An in-memory database exists once per connection: keep exactly one.
        .max_connections(if in_memory { 1 } else { 4 })
        // A SQLite connection is a file, not a socket that can die: checking it before each
        // use would cost every transaction a round trip to its thread.
        .test_before_acquire(false)
        .min_connections(1)
        .idle_timeout(None)
        .max_lifetime(None)
        .connect_with(options)
        .await?;
    MIGRATOR.run(&pool).await?;
    Ok(pool)
}

/// Unix seconds for a time.
pub fn unix(t: chrono::DateTime<chrono::Utc>) -> i64 {
    t.timestamp()
}
