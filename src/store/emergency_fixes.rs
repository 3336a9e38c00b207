//! Officers' corrections of the emergency contacts, which are data of the release
//! (`engine::pillars::emergency`): shown instead of the file's value, each with its source.

use sqlx::Row;

use super::{Result, Tx};

crate::domain::profile::choice!(
    /// What of a contact an officer may correct.
    Field, "emergency-field" {
        Phone => "phone",
        Hotline => "hotline",
        Whatsapp => "whatsapp",
        Address => "address",
    }
);
super::columns::code_column!(Field);

/// One correction.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Fix {
    /// The place's code (`emergency::Place`) and the entry's English name, as in the file.
    pub place: String,
    pub contact: String,
    pub field: Field,
    /// The new value; `None`: the file's value is no longer shown.
    pub value: Option<String>,
    /// Where the officer found it.
    pub source: String,
    pub fixed_by: i64,
    pub fixed_at: i64,
}

pub(super) const SELECT: &str =
    "SELECT place, contact, field, value, source, fixed_by, fixed_at FROM emergency_fixes
     ORDER BY place, contact, field";

pub(super) fn from_row(row: &sqlx::sqlite::SqliteRow) -> Result<Fix> {
    Ok(Fix {
        place: row.try_get("place")?,
        contact: row.try_get("contact")?,
        field: row.try_get("field")?,
        value: row.try_get("value")?,
        source: row.try_get("source")?,
        fixed_by: row.try_get("fixed_by")?,
        fixed_at: row.try_get("fixed_at")?,
    })
}

/// Every correction, by place and entry (a handful: the table holds only what officers
/// changed).
pub async fn all(tx: &mut Tx) -> Result<Vec<Fix>> {
    let rows = sqlx::query(SELECT).fetch_all(tx.conn().await?).await?;
    rows.iter().map(from_row).collect()
}

/// Records a correction, replacing an earlier one of the same field.
pub async fn set(tx: &mut Tx, fix: &Fix) -> Result<()> {
    sqlx::query(
        "INSERT INTO emergency_fixes (place, contact, field, value, source, fixed_by, fixed_at)
         VALUES (?, ?, ?, ?, ?, ?, ?)
         ON CONFLICT (place, contact, field) DO UPDATE SET value = excluded.value,
             source = excluded.source, fixed_by = excluded.fixed_by, fixed_at = excluded.fixed_at",
    )
    .bind(&fix.place)
    .bind(&fix.contact)
    .bind(fix.field)
    .bind(fix.value.as_deref())
    .bind(&fix.source)
    .bind(fix.fixed_by)
    .bind(fix.fixed_at)
    .execute(tx.conn().await?)
    .await?;
    Ok(())
}

/// Drops the corrections of one entry: the file's values show again. Returns how many.
pub async fn reset(tx: &mut Tx, place: &str, contact: &str) -> Result<u64> {
    Ok(
        sqlx::query("DELETE FROM emergency_fixes WHERE place = ? AND contact = ?")
            .bind(place)
            .bind(contact)
            .execute(tx.conn().await?)
            .await?
            .rows_affected(),
    )
}
