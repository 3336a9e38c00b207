//! CSV files for officers: UTF-8 with a byte-order mark, so spreadsheet programs open them
//! with the right characters. Made when they are sent, from the database as it is then, so
//! no copy of people's data waits in the outbox.
//!
//! Headers and values are in the officer's language (`Words`). Every cell is safe to open in
//! a spreadsheet: what a person typed can never run as a formula (`cell`), and phone numbers
//! stay text with their leading 0 (`phone_cell`).

use chrono_tz::Tz;
use serde::{Deserialize, Serialize};
use sqlx::Row;

use super::{Result, StoreError, Tx};
use crate::domain::{Destination, Interest, Relation, Sector, staff::Scope};

/// The words of a file in its reader's language: a Fluent message by id.
pub trait Words {
    fn word(&self, id: &str) -> String;

    /// The reader's language, for texts kept in both (trainings' titles).
    fn language(&self) -> crate::domain::Language;

    /// A column's header: `export-column-<name>`.
    fn column(&self, name: &str) -> String {
        self.word(&format!("export-column-{name}"))
    }
}

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

/// A text cell that a spreadsheet shows as it is and never runs: a cell starting with `=`,
/// `+`, `-`, `@`, a tab or a carriage return would be read as a formula (which can fetch a web
/// address with other cells' contents), so it gets a leading `'`, as OWASP's "CSV Injection"
/// advises. Control characters and invisible formatting go (see `domain::text`).
pub fn cell(text: &str) -> String {
    let text = crate::domain::text::tidy(text);
    match text.chars().next() {
        Some('=' | '+' | '-' | '@' | '\t' | '\r') => format!("'{text}"),
        _ => text.into_owned(),
    }
}

/// A phone number as a spreadsheet keeps it: Indonesian numbers as people dial them, with
/// spaces (`0812 3456 7890`), which Excel and LibreOffice read as text, keeping the 0;
/// foreign ones in international form behind the `'` of `cell` (`'+60123456789`).
pub fn phone_cell(e164: &str) -> String {
    match e164.strip_prefix("+62") {
        Some(rest) if !rest.is_empty() && rest.bytes().all(|b| b.is_ascii_digit()) => {
            let national = format!("0{rest}");
            let (first, rest) = national.split_at(4.min(national.len()));
            let mut out = first.to_owned();
            for chunk in rest.as_bytes().chunks(4) {
                out.push(' ');
                out.push_str(std::str::from_utf8(chunk).unwrap_or_default());
            }
            out
        }
        _ => cell(e164),
    }
}

fn csv_error(e: impl std::fmt::Display) -> StoreError {
    StoreError::Corrupt(format!("csv: {e}"))
}

/// A choice's name in the reader's words, or the stored code if this version does not know it.
fn named<T>(
    words: &(dyn Words + Sync),
    code: &str,
    parse: fn(&str) -> Option<T>,
    id: fn(T) -> String,
) -> String {
    match parse(code) {
        Some(choice) => words.word(&id(choice)),
        None => cell(code),
    }
}

/// The file, with the people of `scope` only (every training is listed: they are public).
pub async fn csv(
    tx: &mut Tx,
    table: Table,
    scope: &Scope,
    tz: Tz,
    words: &(dyn Words + Sync),
) -> Result<Vec<u8>> {
    let mut writer = csv::Writer::from_writer(BOM.to_vec());
    match table {
        Table::Registrations => registrations(tx, &mut writer, scope, tz, words).await?,
        Table::Trainings => trainings(tx, &mut writer, tz, words).await?,
        Table::SignUps => sign_ups(tx, &mut writer, scope, tz, None, words).await?,
        Table::Participants(training_id) => {
            sign_ups(tx, &mut writer, scope, tz, Some(training_id), words).await?
        }
    }
    writer.into_inner().map_err(csv_error)
}

fn header(
    writer: &mut csv::Writer<Vec<u8>>,
    words: &(dyn Words + Sync),
    columns: &[&str],
) -> Result<()> {
    writer
        .write_record(columns.iter().map(|name| cell(&words.column(name))))
        .map_err(csv_error)
}

async fn registrations(
    tx: &mut Tx,
    writer: &mut csv::Writer<Vec<u8>>,
    scope: &Scope,
    tz: Tz,
    words: &(dyn Words + Sync),
) -> Result<()> {
    header(
        writer,
        words,
        &[
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
        ],
    )?;
    let (area, params) = super::within(scope, "p.village_code");
    let sql = format!(
        "SELECT p.user_id, p.role, p.full_name, p.phone, p.village, p.district, p.country, p.years_abroad,
                p.sector, p.relation, p.worker_abroad, p.interests, u.language, u.status, p.registered_at
         FROM profiles p JOIN users u ON u.id = p.user_id WHERE {area}
         ORDER BY p.registered_at, p.user_id"
    );
    let rows = params
        .iter()
        .fold(sqlx::query(&sql), |q, p| q.bind(*p))
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
        let optional = |code: String, name: &dyn Fn(&str) -> String| {
            if code.is_empty() { code } else { name(&code) }
        };
        let country = text("country");
        let country = match country.strip_prefix("other:") {
            Some(typed) => cell(typed),
            None => optional(country, &|c| {
                named(words, c, Destination::parse, Destination::message_id)
            }),
        };
        let interests = text("interests")
            .split(',')
            .filter(|c| !c.is_empty())
            .map(|c| named(words, c, Interest::parse, Interest::message_id))
            .collect::<Vec<_>>()
            .join("; ");
        writer
            .write_record([
                number("user_id"),
                optional(text("role"), &|c| words.word(&format!("export-role-{c}"))),
                cell(&text("full_name")),
                optional(text("phone"), &|p| phone_cell(p)),
                cell(&text("village")),
                cell(&text("district")),
                country,
                number("years_abroad"),
                optional(text("sector"), &|c| {
                    named(words, c, Sector::parse, Sector::message_id)
                }),
                optional(text("relation"), &|c| {
                    named(words, c, Relation::parse, Relation::message_id)
                }),
                match row
                    .try_get::<Option<bool>, _>("worker_abroad")
                    .ok()
                    .flatten()
                {
                    Some(true) => words.word("worker-abroad"),
                    Some(false) => words.word("worker-home"),
                    None => String::new(),
                },
                interests,
                optional(text("language"), &|c| {
                    words.word(&format!("language-name-{c}"))
                }),
                optional(text("status"), &|c| {
                    words.word(&format!("export-status-{c}"))
                }),
                local(row.try_get::<i64, _>("registered_at")?, tz),
            ])
            .map_err(csv_error)?;
    }
    Ok(())
}

/// Every training: its id and status, the columns of the trainings import, and the numbers.
/// The import's columns keep their codes and header names, so that an edited export can be
/// imported again; only the status is in words.
async fn trainings(
    tx: &mut Tx,
    writer: &mut csv::Writer<Vec<u8>>,
    tz: Tz,
    words: &(dyn Words + Sync),
) -> Result<()> {
    let header = [words.column("id"), words.column("status")]
        .into_iter()
        .chain(
            crate::domain::training_csv::COLUMNS
                .iter()
                .map(|c| (*c).to_owned()),
        )
        .chain([words.column("booked"), words.column("waiting")]);
    writer
        .write_record(header.map(|h| cell(&h)))
        .map_err(csv_error)?;
    for t in crate::store::trainings::all(tx).await? {
        let d = &t.details;
        writer
            .write_record([
                t.id.to_string(),
                words.word(&t.status.message_id()),
                cell(d.title_id.as_str()),
                cell(d.title_en.as_str()),
                d.category.code().to_owned(),
                local(d.starts_at, tz),
                cell(d.location.as_str()),
                d.capacity.get().to_string(),
                cell(d.description_id.as_str()),
                cell(d.description_en.as_str()),
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
    scope: &Scope,
    tz: Tz,
    training_id: Option<i64>,
    words: &(dyn Words + Sync),
) -> Result<()> {
    header(
        writer,
        words,
        &[
            "training_id",
            "training",
            "starts_at",
            "signup_status",
            "position",
            "full_name",
            "phone",
            "village",
            "district",
            "role",
            "signed_up_at",
        ],
    )?;
    for p in crate::store::signups::participants(tx, training_id, scope).await? {
        writer
            .write_record([
                p.training_id.to_string(),
                cell(match words.language() {
                    crate::domain::Language::Id => &p.training_title.0,
                    crate::domain::Language::En => &p.training_title.1,
                }),
                local(p.starts_at, tz),
                words.word(&p.status.message_id()),
                p.position.map(|n| n.to_string()).unwrap_or_default(),
                cell(p.name.as_deref().unwrap_or_default()),
                p.phone.as_deref().map(phone_cell).unwrap_or_default(),
                cell(p.village.as_deref().unwrap_or_default()),
                cell(p.district.as_deref().unwrap_or_default()),
                p.role
                    .as_deref()
                    .map(|c| words.word(&format!("export-role-{c}")))
                    .unwrap_or_default(),
                local(p.signed_up_at, tz),
            ])
            .map_err(csv_error)?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_cell_that_would_be_a_formula_is_kept_as_text() {
        for hostile in [
            "=1+1",
            "-WEBSERVICE(CONCAT(F3,CHAR(58),G3,D2))",
            "+SUM(A1)",
            "@SUM(A1)",
        ] {
            assert_eq!(cell(hostile), format!("'{hostile}"));
        }
        // Tabs and carriage returns at the start are tidied away before they count.
        assert_eq!(cell("\t=1+1"), "'=1+1");
        assert_eq!(cell("\r\n-2"), "'-2");
        assert_eq!(cell(" =1"), "'=1");
        assert_eq!(cell("Kenanga"), "Kenanga");
        assert_eq!(cell("Desa - Kenanga"), "Desa - Kenanga");
        assert_eq!(cell(""), "");
    }

    #[test]
    fn indonesian_phones_stay_text_with_their_zero() {
        assert_eq!(phone_cell("+6281234567890"), "0812 3456 7890");
        assert_eq!(phone_cell("+62812345678"), "0812 3456 78");
        assert_eq!(phone_cell("+60123456789"), "'+60123456789");
    }
}
