//! The list of licensed placement companies and officers' marks on companies reported to
//! them (see `domain::agency`).

use std::collections::HashMap;

use chrono::{DateTime, NaiveDate, Utc};

use super::{Result, StoreError, Tx, unix};
use crate::domain::agency::{Agency, AgencyStatus, Listed, Reported, name_key};

/// Rows in one insert statement.
const ROWS_PER_INSERT: usize = 200;

/// Replaces the list with `agencies` (read whole from one file), and records the load.
pub async fn replace(
    tx: &mut Tx,
    agencies: &[Agency],
    by: Option<i64>,
    now: DateTime<Utc>,
) -> Result<()> {
    sqlx::query("DELETE FROM agencies")
        .execute(tx.conn().await?)
        .await?;
    for chunk in agencies.chunks(ROWS_PER_INSERT) {
        let mut sql = String::from(
            "INSERT INTO agencies (name, licence_number, address, status, listed_on) VALUES ",
        );
        for i in 0..chunk.len() {
            if i > 0 {
                sql.push_str(", ");
            }
            sql.push_str("(?, ?, ?, ?, ?)");
        }
        let mut query = sqlx::query(&sql);
        for agency in chunk {
            query = query
                .bind(&agency.name)
                .bind(&agency.licence_number)
                .bind(&agency.address)
                .bind(agency.status.code())
                .bind(agency.listed_on.to_string());
        }
        query.execute(tx.conn().await?).await?;
    }
    let newest = agencies.iter().map(|a| a.listed_on).max();
    sqlx::query(
        "INSERT INTO agency_loads (loaded_at, loaded_by, companies, listed_on) VALUES (?, ?, ?, ?)",
    )
    .bind(unix(now))
    .bind(by)
    .bind(agencies.len() as i64)
    .bind(newest.map(|d| d.to_string()).unwrap_or_default())
    .execute(tx.conn().await?)
    .await?;
    changed(tx).await
}

/// The list or a mark changed: every process's copy of the search is out of date.
async fn changed(tx: &mut Tx) -> Result<()> {
    sqlx::query("UPDATE agency_changes SET version = version + 1 WHERE id = 1")
        .execute(tx.conn().await?)
        .await?;
    Ok(())
}

/// How many times the list and the marks have changed: a copy of the search built at another
/// number is out of date.
pub async fn version(tx: &mut Tx) -> Result<i64> {
    Ok(
        sqlx::query_scalar("SELECT version FROM agency_changes WHERE id = 1")
            .fetch_optional(tx.conn().await?)
            .await?
            .unwrap_or(0),
    )
}

/// Everything the search holds: the list, its newest date, the marks, and the version they
/// are of.
pub struct Loaded {
    pub version: i64,
    pub listed: Vec<Listed>,
    pub listed_on: Option<NaiveDate>,
    pub reported: HashMap<String, Reported>,
}

pub async fn load(tx: &mut Tx) -> Result<Loaded> {
    let rows: Vec<(i64, String, String, String, String, String)> = sqlx::query_as(
        "SELECT id, name, licence_number, address, status, listed_on FROM agencies ORDER BY id",
    )
    .fetch_all(tx.conn().await?)
    .await?;
    let mut listed = Vec::with_capacity(rows.len());
    for (id, name, licence_number, address, status, listed_on) in rows {
        let status = AgencyStatus::parse(&status)
            .ok_or_else(|| StoreError::Corrupt(format!("agency {id}: status {status}")))?;
        let listed_on = date(&listed_on)
            .ok_or_else(|| StoreError::Corrupt(format!("agency {id}: listed_on {listed_on}")))?;
        listed.push(Listed {
            id,
            agency: Agency {
                name,
                licence_number,
                address,
                status,
                listed_on,
            },
        });
    }
    let newest: Option<(String,)> =
        sqlx::query_as("SELECT listed_on FROM agency_loads ORDER BY id DESC LIMIT 1")
            .fetch_optional(tx.conn().await?)
            .await?;
    let reports: Vec<(String, String, Option<i64>, i64)> =
        sqlx::query_as("SELECT name_key, name, reported_by, reported_at FROM agency_reports")
            .fetch_all(tx.conn().await?)
            .await?;
    Ok(Loaded {
        version: version(tx).await?,
        listed,
        listed_on: newest.and_then(|(d,)| date(&d)),
        reported: reports
            .into_iter()
            .map(|(key, name, by, at)| (key, Reported { name, at, by }))
            .collect(),
    })
}

fn date(text: &str) -> Option<NaiveDate> {
    NaiveDate::parse_from_str(text, "%Y-%m-%d").ok()
}

/// Marks a company (by its name) as reported; a mark already there is kept as it was, and a
/// name with nothing to compare by ("PT", "Tbk") is not marked.
pub async fn mark_reported(tx: &mut Tx, name: &str, by: i64, now: DateTime<Utc>) -> Result<bool> {
    if name_key(name).is_empty() {
        return Ok(false);
    }
    let done = sqlx::query(
        "INSERT INTO agency_reports (name_key, name, reported_by, reported_at) VALUES (?, ?, ?, ?)
         ON CONFLICT (name_key) DO NOTHING",
    )
    .bind(name_key(name))
    .bind(name)
    .bind(by)
    .bind(unix(now))
    .execute(tx.conn().await?)
    .await?;
    if done.rows_affected() == 1 {
        changed(tx).await?;
    }
    Ok(done.rows_affected() == 1)
}

/// Takes a mark off; whether there was one.
pub async fn unmark(tx: &mut Tx, name: &str) -> Result<bool> {
    let done = sqlx::query("DELETE FROM agency_reports WHERE name_key = ?")
        .bind(name_key(name))
        .execute(tx.conn().await?)
        .await?;
    if done.rows_affected() == 1 {
        changed(tx).await?;
    }
    Ok(done.rows_affected() == 1)
}
