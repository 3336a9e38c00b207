//! CSV files for officers: UTF-8 with a byte-order mark, so spreadsheet programs open them
//! with the right characters. Made when they are sent, from the database as it is then, so
//! no copy of people's data waits in the outbox.

use chrono::{DateTime, Utc};
use chrono_tz::Tz;
use serde::{Deserialize, Serialize};
use sqlx::Row;

use crate::store::{Conn, Result, StoreError};

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Table {
    Registrations,
}

impl Table {
    pub const ALL: [Table; 1] = [Table::Registrations];

    pub fn code(self) -> &'static str {
        match self {
            Table::Registrations => "registrations",
        }
    }

    pub fn parse(code: &str) -> Option<Table> {
        Table::ALL.into_iter().find(|t| t.code() == code)
    }
}

const BOM: &[u8] = b"\xEF\xBB\xBF";

/// A moment as a spreadsheet reads it, in the configured time zone.
pub fn local(unix: i64, tz: Tz) -> String {
    DateTime::<Utc>::from_timestamp(unix, 0)
        .map(|t| t.with_timezone(&tz).format("%Y-%m-%d %H:%M").to_string())
        .unwrap_or_default()
}

fn csv_error(e: impl std::fmt::Display) -> StoreError {
    StoreError::Corrupt(format!("csv: {e}"))
}

pub async fn csv(conn: &mut Conn, table: Table, tz: Tz) -> Result<Vec<u8>> {
    let mut writer = csv::Writer::from_writer(BOM.to_vec());
    match table {
        Table::Registrations => registrations(conn, &mut writer, tz).await?,
    }
    writer.into_inner().map_err(csv_error)
}

async fn registrations(conn: &mut Conn, writer: &mut csv::Writer<Vec<u8>>, tz: Tz) -> Result<()> {
    writer
        .write_record([
            "user_id",
            "role",
            "full_name",
            "phone",
            "village",
            "district",
            "country",
            "years_abroad",
            "sector",
            "relation",
            "worker_abroad",
            "interests",
            "language",
            "status",
            "registered_at",
        ])
        .map_err(csv_error)?;
    let rows = sqlx::query(
        "SELECT p.user_id, p.role, p.full_name, p.phone, p.village, p.district, p.country, p.years_abroad,
                p.sector, p.relation, p.worker_abroad, p.interests, u.language, u.status, p.registered_at
         FROM profiles p JOIN users u ON u.id = p.user_id ORDER BY p.registered_at, p.user_id",
    )
    .fetch_all(conn)
    .await?;
    for row in rows {
        let text = |name: &str| {
            row.try_get::<Option<String>, _>(name)
                .ok()
                .flatten()
                .unwrap_or_default()
        };
        let number = |name: &str| {
            row.try_get::<Option<i64>, _>(name)
                .ok()
                .flatten()
                .map(|n| n.to_string())
                .unwrap_or_default()
        };
        let country = text("country");
        let country = country
            .strip_prefix("other:")
            .map(str::to_owned)
            .unwrap_or(country);
        writer
            .write_record([
                number("user_id"),
                text("role"),
                text("full_name"),
                text("phone"),
                text("village"),
                text("district"),
                country,
                number("years_abroad"),
                text("sector"),
                text("relation"),
                match row
                    .try_get::<Option<bool>, _>("worker_abroad")
                    .ok()
                    .flatten()
                {
                    Some(true) => "abroad".into(),
                    Some(false) => "home".into(),
                    None => String::new(),
                },
                text("interests").replace(',', ";"),
                text("language"),
                text("status"),
                local(row.try_get::<i64, _>("registered_at")?, tz),
            ])
            .map_err(csv_error)?;
    }
    Ok(())
}
