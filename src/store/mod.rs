//! SQLite persistence: one pool, the durable settings DESIGN.md asks for, migrations embedded
//! in the binary. One file per aggregate; every function takes a connection so that it can run
//! inside the caller's transaction.

pub mod audit;
pub mod backup;
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
    ConnectOptions, SqlitePool,
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
        .pragma("secure_delete", "ON");
    let in_memory = is_in_memory(url);
    let pool = SqlitePoolOptions::new()
        // An in-memory database exists once per connection: keep exactly one.
        .max_connections(if in_memory { 1 } else { 4 })
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

/// Unix seconds for a time.
pub fn unix(t: chrono::DateTime<chrono::Utc>) -> i64 {
    t.timestamp()
}
