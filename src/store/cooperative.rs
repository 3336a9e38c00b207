//! Applications to join the Koperasi Desmigratif.

use chrono::{DateTime, Utc};
use sqlx::Row;

use super::{Result, Tx, unix};
use crate::domain::{MembershipStatus, PersonName, Phone};

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Application {
    pub id: i64,
    pub user_id: i64,
    pub name: String,
    pub phone: String,
    pub village: Option<String>,
    pub status: MembershipStatus,
    pub applied_at: i64,
    pub updated_at: i64,
}

const COLUMNS: &str = "id, user_id, full_name, phone, village, status, applied_at, updated_at";

fn from_row(row: &sqlx::sqlite::SqliteRow) -> Result<Application> {
    Ok(Application {
        id: row.try_get("id")?,
        user_id: row.try_get("user_id")?,
        name: row.try_get("full_name")?,
        phone: row.try_get("phone")?,
        village: row.try_get("village")?,
        status: row.try_get("status")?,
        applied_at: row.try_get("applied_at")?,
        updated_at: row.try_get("updated_at")?,
    })
}

async fn one_where(tx: &mut Tx, column: &str, value: i64) -> Result<Option<Application>> {
    sqlx::query(&format!(
        "SELECT {COLUMNS} FROM cooperative_applications WHERE {column} = ?"
    ))
    .bind(value)
    .fetch_optional(tx.conn().await?)
    .await?
    .as_ref()
    .map(from_row)
    .transpose()
}

pub async fn find(tx: &mut Tx, id: i64) -> Result<Option<Application>> {
    one_where(tx, "id", id).await
}

pub async fn of_user(tx: &mut Tx, user_id: i64) -> Result<Option<Application>> {
    one_where(tx, "user_id", user_id).await
}

/// Records the user's application (again, after a refusal: with fresh details, as applied).
pub async fn apply(
    tx: &mut Tx,
    user_id: i64,
    name: &PersonName,
    phone: &Phone,
    village: Option<&str>,
    now: DateTime<Utc>,
) -> Result<Application> {
    let row = sqlx::query(&format!(
        "INSERT INTO cooperative_applications (user_id, full_name, phone, village, applied_at, updated_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?5)
         ON CONFLICT (user_id) DO UPDATE SET full_name = excluded.full_name, phone = excluded.phone,
             village = excluded.village, status = 'applied', applied_at = excluded.applied_at,
             updated_at = excluded.updated_at
         RETURNING {COLUMNS}"
    ))
    .bind(user_id)
    .bind(name)
    .bind(phone)
    .bind(village)
    .bind(unix(now))
    .fetch_one(tx.conn().await?)
    .await?;
    from_row(&row)
}

/// Sets the status; returns the application as it now stands (`None` if it is gone).
pub async fn set_status(
    tx: &mut Tx,
    id: i64,
    status: MembershipStatus,
    now: DateTime<Utc>,
) -> Result<Option<Application>> {
    sqlx::query(&format!(
        "UPDATE cooperative_applications SET status = ?2, updated_at = ?3 WHERE id = ?1 RETURNING {COLUMNS}"
    ))
    .bind(id)
    .bind(status)
    .bind(unix(now))
    .fetch_optional(tx.conn().await?)
    .await?
    .as_ref()
    .map(from_row)
    .transpose()
}
