//! The state of a database file, for `desmigratif check`: does it exist, does SQLite find it
//! sound, and which of this version's migrations it has. Nothing is created or changed; the
//! migrations themselves run when the bot starts.

use std::path::PathBuf;

use sqlx::Connection;

use super::{MIGRATOR, Result, database_file, open_read_only};

/// What `inspect` found.
#[derive(Debug)]
pub enum Inspection {
    InMemory,
    /// No file at the path `DATABASE_URL` names.
    Missing(PathBuf),
    Found(Status),
}

#[derive(Debug)]
pub struct Status {
    pub file: PathBuf,
    /// Migrations of this version that the database has.
    pub applied: usize,
    /// Migrations of this version the bot will apply at its next start: (version, name).
    pub pending: Vec<(i64, String)>,
    /// What stops the bot from starting on this database, or shows it is damaged; one
    /// sentence each.
    pub problems: Vec<String>,
    /// The village list loaded (its name and villages), once the bot has started on it.
    pub areas: Option<(String, i64)>,
    /// Registered people whose village is still what they typed before villages were a list.
    pub unmatched_villages: i64,
    /// Officers' corrections of the emergency contacts, to be put into the data files.
    pub emergency_fixes: Vec<super::emergency_fixes::Fix>,
}

/// SQLite's `quick_check`: `None` when the file is sound, else what it found (its first
/// three findings, on one line).
pub(crate) async fn quick_check(conn: &mut sqlx::SqliteConnection) -> Result<Option<String>> {
    let findings: Vec<String> = sqlx::query_scalar("PRAGMA quick_check(3)")
        .fetch_all(conn)
        .await?;
    Ok(match findings.as_slice() {
        [ok] if ok == "ok" => None,
        _ => Some(findings.join("; ").replace(['\n', '\r'], " ")),
    })
}

/// Looks at the database `url` names without creating or migrating it.
pub async fn inspect(url: &str) -> Result<Inspection> {
    let Some(file) = database_file(url)? else {
        return Ok(Inspection::InMemory);
    };
    if !file.is_file() {
        return Ok(Inspection::Missing(file));
    }
    let mut conn = open_read_only(&file).await?;
    let mut problems = Vec::new();
    if let Some(damage) = quick_check(&mut conn).await? {
        problems.push(format!(
            "SQLite finds it damaged ({damage}): restore a backup"
        ));
    }
    let has_table: bool = sqlx::query_scalar(
        "SELECT EXISTS (SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = '_sqlx_migrations')",
    )
    .fetch_one(&mut conn)
    .await?;
    let recorded: Vec<(i64, String, bool, Vec<u8>)> = if has_table {
        sqlx::query_as(
            "SELECT version, description, success, checksum FROM _sqlx_migrations ORDER BY version",
        )
        .fetch_all(&mut conn)
        .await?
    } else {
        Vec::new()
    };
    let has_areas: bool = sqlx::query_scalar(
        "SELECT EXISTS (SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'area_releases')",
    )
    .fetch_one(&mut conn)
    .await?;
    let (areas, unmatched_villages) = if has_areas {
        let release: Option<(String, i64)> =
            sqlx::query_as("SELECT name, villages FROM area_releases ORDER BY id DESC LIMIT 1")
                .fetch_optional(&mut conn)
                .await?;
        let unmatched: i64 =
            sqlx::query_scalar("SELECT count(*) FROM profiles WHERE village_code IS NULL")
                .fetch_one(&mut conn)
                .await?;
        (release, unmatched)
    } else {
        (None, 0)
    };
    let has_fixes: bool = sqlx::query_scalar(
        "SELECT EXISTS (SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'emergency_fixes')",
    )
    .fetch_one(&mut conn)
    .await?;
    let emergency_fixes = if has_fixes {
        let rows = sqlx::query(super::emergency_fixes::SELECT)
            .fetch_all(&mut conn)
            .await?;
        rows.iter()
            .map(super::emergency_fixes::from_row)
            .collect::<Result<Vec<_>>>()?
    } else {
        Vec::new()
    };
    conn.close().await?;

    let known: Vec<_> = MIGRATOR
        .iter()
        .filter(|m| !m.migration_type.is_down_migration())
        .collect();
    let mut applied = 0;
    for (version, description, success, checksum) in &recorded {
        let ours = known.iter().find(|m| m.version == *version);
        match ours {
            _ if !success => problems.push(format!(
                "migration {version} ({description}) failed part-way: restore a backup"
            )),
            None => problems.push(format!(
                "migration {version} ({description}) is unknown to this version: the database was used by a newer desmigratif"
            )),
            Some(m) if *m.checksum != checksum[..] => problems.push(format!(
                "migration {version} ({description}) differs from this version's: the database was used by a different build"
            )),
            Some(_) => applied += 1,
        }
    }
    let pending = known
        .iter()
        .filter(|m| !recorded.iter().any(|(v, ..)| *v == m.version))
        .map(|m| (m.version, m.description.to_string()))
        .collect();
    Ok(Inspection::Found(Status {
        file,
        applied,
        pending,
        problems,
        areas,
        unmatched_villages,
        emergency_fixes,
    }))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn a_missing_database_is_reported_and_not_created() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("none.db");
        let url = format!("sqlite://{}", path.display());
        assert!(matches!(inspect(&url).await.unwrap(), Inspection::Missing(p) if p == path));
        assert!(!path.exists());
    }

    #[tokio::test]
    async fn a_migrated_database_has_nothing_pending_and_an_empty_one_everything() {
        let dir = tempfile::tempdir().unwrap();
        let url = format!("sqlite://{}", dir.path().join("bot.db").display());
        crate::store::open(&url).await.unwrap().close().await;
        let Inspection::Found(status) = inspect(&url).await.unwrap() else {
            panic!("found")
        };
        assert_eq!(status.applied, MIGRATOR.iter().count());
        assert!(status.pending.is_empty());
        assert!(status.problems.is_empty(), "{:?}", status.problems);

        let empty = dir.path().join("empty.db");
        std::fs::write(&empty, b"").unwrap();
        let url = format!("sqlite://{}", empty.display());
        let Inspection::Found(status) = inspect(&url).await.unwrap() else {
            panic!("found")
        };
        assert_eq!(status.applied, 0);
        assert_eq!(status.pending.len(), MIGRATOR.iter().count());
        assert_eq!(
            std::fs::metadata(&empty).unwrap().len(),
            0,
            "nothing written"
        );
    }

    #[tokio::test]
    async fn a_migration_from_a_newer_version_is_a_problem() {
        let dir = tempfile::tempdir().unwrap();
        let url = format!("sqlite://{}", dir.path().join("bot.db").display());
        let db = crate::store::open(&url).await.unwrap();
        db.writer()
            .write(async |tx| {
                sqlx::query(
                    "INSERT INTO _sqlx_migrations (version, description, success, checksum, execution_time)
                     VALUES (9999, 'future', 1, x'00', 0)",
                )
                .execute(tx.conn().await?)
                .await?;
                Ok::<_, crate::store::StoreError>(())
            })
            .await
            .unwrap();
        db.close().await;
        let Inspection::Found(status) = inspect(&url).await.unwrap() else {
            panic!("found")
        };
        assert_eq!(status.problems.len(), 1);
        assert!(status.problems[0].contains("9999"));
    }
}
