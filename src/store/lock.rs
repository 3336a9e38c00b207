//! One bot per database.
//!
//! Two bots polling on one file would both send every reply. The running bot holds an
//! exclusive advisory lock (`flock`) on a file beside the database, `<database>.lock`, with
//! its process id written in it. The kernel releases the lock when the process ends in any
//! way, a crash or `kill -9` included, so a stale lock file never stops the next start. It is
//! a lock of its own rather than SQLite's exclusive locking mode, which would also shut out
//! `chat`, `check` and `backup`, which are meant to work beside the running bot.

use std::{
    fs::{File, OpenOptions, TryLockError},
    io::{Read, Seek, Write},
    path::{Path, PathBuf},
};

/// Held while the bot runs; dropping it (or the process ending) releases the database.
#[derive(Debug)]
pub struct InstanceLock {
    _file: File,
}

#[derive(Debug, thiserror::Error)]
pub enum LockError {
    #[error(
        "another desmigratif is running on {}{}: stop it first (two bots on one database would both send every message)",
        .database.display(),
        .pid.map(|pid| format!(" (pid {pid})")).unwrap_or_default()
    )]
    Taken { database: PathBuf, pid: Option<u32> },
    /// Not a `source`: the reason is part of the one line, not repeated after it.
    #[error(
        "DATABASE_URL: the lock file {} beside the database cannot be opened ({reason}): the bot's user must be able to write in the database's folder",
        .path.display()
    )]
    Io {
        path: PathBuf,
        reason: std::io::Error,
    },
}

/// The lock file of `database`.
pub fn lock_file(database: &Path) -> PathBuf {
    let mut name = database.as_os_str().to_owned();
    name.push(".lock");
    PathBuf::from(name)
}

/// Takes the database for this process, or says who has it.
pub fn take(database: &Path) -> Result<InstanceLock, LockError> {
    let path = lock_file(database);
    let io = |reason| LockError::Io {
        path: path.clone(),
        reason,
    };
    let mut file = OpenOptions::new()
        .read(true)
        .write(true)
        .create(true)
        .truncate(false)
        .open(&path)
        .map_err(io)?;
    match file.try_lock() {
        Ok(()) => {}
        Err(TryLockError::WouldBlock) => {
            let mut text = String::new();
            let _ = file.read_to_string(&mut text);
            return Err(LockError::Taken {
                database: database.to_owned(),
                pid: text.trim().parse().ok(),
            });
        }
        Err(TryLockError::Error(source)) => return Err(io(source)),
    }
    file.set_len(0).map_err(io)?;
    file.rewind().map_err(io)?;
    writeln!(file, "{}", std::process::id()).map_err(io)?;
    Ok(InstanceLock { _file: file })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_second_taker_is_told_the_first_ones_pid_and_may_take_it_once_released() {
        let dir = tempfile::tempdir().unwrap();
        let database = dir.path().join("bot.db");
        let first = take(&database).unwrap();
        match take(&database) {
            Err(LockError::Taken { pid, .. }) => assert_eq!(pid, Some(std::process::id())),
            other => panic!("expected the lock to be taken, got {other:?}"),
        }
        drop(first);
        take(&database).unwrap();
    }
}
