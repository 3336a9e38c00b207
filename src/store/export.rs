//! CSV files for officers: UTF-8 with a byte-order mark, so spreadsheet programs open them
//! with the right characters. Made when they are sent, from the database as it is then, so
//! no copy of people's data waits in the outbox.

use chrono_tz::Tz;
use serde::{Deserialize, Serialize};
use sqlx::Row;

use super::{Result, StoreError, Tx};

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Table {
    Registrations,
    Trainings,
    SignUps,
    /// One training's participants (from the training's own screen, not the /export menu).
    Participants(i64),
}

impl Table {
    /// The files on the /export menu.
    pub const ALL: [Table; 3] = [Table::Registrations, Table::Trainings, Table::SignUps];

    pub fn code(self) -> &'static str {
        match self {
            Table::Registrations => "registrations",
            Table::Trainings => "trainings",
            Table::SignUps => "signups",
            Table::Participants(_) => "participants",
        }
    }

    pub fn parse(code: &str) -> Option<Table> {
        Table::ALL.into_iter().find(|t| t.code() == code)
    }
}

const BOM: &[u8] = b"\xEF\xBB\xBF";

/// A moment as a spreadsheet reads it, in the configured time zone (as officers type a
/// training's start).
pub fn local(unix: i64, tz: Tz) -> String {
    crate::domain::training::format_start(unix, tz)
}

fn csv_error(e: impl std::fmt::Display) -> StoreError {
    StoreError::Corrupt(format!("csv: {e}"))
}

pub async fn csv(tx: &mut Tx, table: Table, tz: Tz) -> Result<Vec<u8>> {
    let mut writer = csv::Writer::from_writer(BOM.to_vec());
    match table {
        Table::Registrations => registrations(tx, &mut writer, tz).await?,
        Table::Trainings => trainings(tx, &mut writer, tz).await?,
        Table::SignUps => sign_ups(tx, &mut writer, tz, None).await?,
        Table::Participants(training_id) => {
            sign_ups(tx, &mut writer, tz, Some(training_id)).await?
        }
    }
    writer.into_inner().map_err(csv_error)
}

async fn registrations(tx: &mut Tx, writer: &mut csv::Writer<Vec<u8>>, tz: Tz) -> Result<()> {
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
    .fetch_all(tx.conn().await?)
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

/// Every training: its id and status, the columns of the trainings import, and the numbers.
async fn trainings(tx: &mut Tx, writer: &mut csv::Writer<Vec<u8>>, tz: Tz) -> Result<()> {
    let header = ["id", "status"]
        .into_iter()
        .chain(crate::domain::training_csv::COLUMNS)
        .chain(["booked", "waiting"]);
    writer.write_record(header).map_err(csv_error)?;
    for t in crate::store::trainings::all(tx).await? {
        let d = &t.details;
        writer
            .write_record([
                t.id.to_string(),
                t.status.code().to_owned(),
                d.title_id.as_str().to_owned(),
                d.title_en.as_str().to_owned(),
                d.category.code().to_owned(),
                local(d.starts_at, tz),
                d.location.as_str().to_owned(),
                d.capacity.get().to_string(),
                d.description_id.as_str().to_owned(),
                d.description_en.as_str().to_owned(),
                t.booked.to_string(),
                t.waiting.to_string(),
            ])
            .map_err(csv_error)?;
    }
    Ok(())
}

/// Everyone signed up, for one training or all: seats first, then the waitlist in its order.
async fn sign_ups(
    tx: &mut Tx,
    writer: &mut csv::Writer<Vec<u8>>,
    tz: Tz,
    training_id: Option<i64>,
) -> Result<()> {
    writer
        .write_record([
            "training_id",
            "training",
            "starts_at",
            "status",
            "position",
            "name",
            "phone",
            "village",
            "district",
            "role",
            "signed_up_at",
        ])
        .map_err(csv_error)?;
    for p in crate::store::signups::participants(tx, training_id).await? {
        writer
            .write_record([
                p.training_id.to_string(),
                p.training_title,
                local(p.starts_at, tz),
                p.status.code().to_owned(),
                p.position.map(|n| n.to_string()).unwrap_or_default(),
                p.name.unwrap_or_default(),
                p.phone.unwrap_or_default(),
                p.village.unwrap_or_default(),
                p.district.unwrap_or_default(),
                p.role.unwrap_or_default(),
                local(p.signed_up_at, tz),
            ])
            .map_err(csv_error)?;
    }
    Ok(())
}
