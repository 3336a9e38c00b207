//! `desmigratif backup FILE`: a consistent copy of the database, also while the bot runs.
//!
//! `VACUUM INTO` writes the copy from one read transaction, so it holds exactly what was
//! committed when it started (write-ahead log included) and the bot keeps writing meanwhile.
//! Erased rows are not carried over. The copy is a single self-contained file (no `-wal`),
//! checked with `PRAGMA integrity_check` and flushed to disk before the command reports it.

use std::{
    fmt,
    fs::OpenOptions,
    io,
    path::{Path, PathBuf},
};

use sqlx::{ConnectOptions, Connection, sqlite::SqliteConnectOptions};

use super::{database_file, open_read_only};

#[derive(Debug, thiserror::Error)]
pub enum BackupError {
    #[error(
        "{}: already exists; a backup never overwrites a file: choose a new name or move the old file away",
        .0.display()
    )]
    Exists(PathBuf),
    #[error("DATABASE_URL: no database at {}", .0.display())]
    NoDatabase(PathBuf),
    #[error("DATABASE_URL: an in-memory database has nothing to back up")]
    InMemory,
    #[error("{}: cannot be created: {source}", path.display())]
    Create { path: PathBuf, source: io::Error },
    #[error("{}: the file name must be valid UTF-8", .0.display())]
    Name(PathBuf),
    #[error("the copy failed its integrity check: {0}")]
    Damaged(String),
    #[error("database: {0}")]
    Sql(#[from] sqlx::Error),
    #[error(transparent)]
    Store(#[from] super::StoreError),
    #[error("{}: {source}", path.display())]
    Io { path: PathBuf, source: io::Error },
}

/// A finished backup.
#[derive(Debug)]
pub struct Backup {
    pub path: PathBuf,
    pub bytes: u64,
}

impl fmt::Display for Backup {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "backup written to {} ({} KiB), integrity ok",
            self.path.display(),
            self.bytes.div_ceil(1024)
        )
    }
}

/// Copies the database `database_url` names to `dest`, which must not exist yet. The copy is
/// readable by its owner only: it holds personal data.
pub async fn write(database_url: &str, dest: &Path) -> Result<Backup, BackupError> {
    let source = database_file(database_url)?.ok_or(BackupError::InMemory)?;
    if !source.is_file() {
        return Err(BackupError::NoDatabase(source));
    }
    let name = dest
        .to_str()
        .ok_or_else(|| BackupError::Name(dest.to_owned()))?;
    // Claiming the name with `create_new` is atomic: two backups racing for one name cannot
    // both win. `VACUUM INTO` accepts an existing file while it is empty.
    let mut options = OpenOptions::new();
    options.write(true).create_new(true);
    #[cfg(unix)]
    std::os::unix::fs::OpenOptionsExt::mode(&mut options, 0o600);
    options.open(dest).map_err(|source| match source.kind() {
        io::ErrorKind::AlreadyExists => BackupError::Exists(dest.to_owned()),
        _ => BackupError::Create {
            path: dest.to_owned(),
            source,
        },
    })?;
    match copy(&source, name, dest).await {
        Ok(backup) => Ok(backup),
        Err(error) => {
            let _ = std::fs::remove_file(dest);
            Err(error)
        }
    }
}

async fn copy(source: &Path, name: &str, dest: &Path) -> Result<Backup, BackupError> {
    let mut conn = open_read_only(source).await?;
    sqlx::query("VACUUM INTO ?")
        .bind(name)
        .execute(&mut conn)
        .await?;
    conn.close().await?;

    let mut copy = SqliteConnectOptions::new().filename(dest).connect().await?;
    // A copy of a database in WAL mode is in WAL mode too; one plain file is easier to move.
    sqlx::query("PRAGMA journal_mode = DELETE")
        .execute(&mut copy)
        .await?;
    let integrity: String = sqlx::query_scalar("PRAGMA integrity_check")
        .fetch_one(&mut copy)
        .await?;
    copy.close().await?;
    if integrity != "ok" {
        return Err(BackupError::Damaged(integrity));
    }
    let io_error = |source| BackupError::Io {
        path: dest.to_owned(),
        source,
    };
    let file = std::fs::File::open(dest).map_err(io_error)?;
    file.sync_all().map_err(io_error)?;
    let bytes = file.metadata().map_err(io_error)?.len();
    Ok(Backup {
        path: dest.to_owned(),
        bytes,
    })
}
