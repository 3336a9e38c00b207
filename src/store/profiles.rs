//! Registered people's profiles and their consent.

use chrono::{DateTime, Utc};
use sqlx::Row;

use super::{Result, Tx, unix};
use crate::domain::{
    Country, Profile, YearsAbroad,
    area::VillageCode,
    profile::{interests_from_db, interests_to_db},
};

const COLUMNS: &str = "user_id, role, full_name, phone, village, district, village_code, country, years_abroad, sector, \
                       relation, worker_abroad, interests, registered_at";

fn from_row(row: &sqlx::sqlite::SqliteRow) -> Result<Profile> {
    let text = |name: &str| -> Result<String> { Ok(row.try_get::<String, _>(name)?) };
    let optional =
        |name: &str| -> Result<Option<String>> { Ok(row.try_get::<Option<String>, _>(name)?) };
    Ok(Profile {
        user_id: row.try_get("user_id")?,
        role: row.try_get("role")?,
        name: row.try_get("full_name")?,
        phone: row.try_get("phone")?,
        village: row.try_get("village")?,
        district: row.try_get("district")?,
        village_code: row
            .try_get::<Option<i64>, _>("village_code")?
            .and_then(VillageCode::from_number),
        country: optional("country")?.map(|c| Country::from_db(&c)),
        years_abroad: row
            .try_get::<Option<i64>, _>("years_abroad")?
            .and_then(|y| u8::try_from(y).ok())
            .and_then(YearsAbroad::new),
        sector: row.try_get("sector")?,
        relation: row.try_get("relation")?,
        worker_abroad: row.try_get::<Option<bool>, _>("worker_abroad")?,
        interests: interests_from_db(&text("interests")?),
        registered_at: row.try_get("registered_at")?,
    })
}

pub async fn find(tx: &mut Tx, user_id: i64) -> Result<Option<Profile>> {
    sqlx::query(&format!("SELECT {COLUMNS} FROM profiles WHERE user_id = ?"))
        .bind(user_id)
        .fetch_optional(tx.conn().await?)
        .await?
        .as_ref()
        .map(from_row)
        .transpose()
}

/// What staff search people by.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Search<'a> {
    /// Everyone (within the area), by name.
    All,
    /// The whole phone number, as stored (E.164).
    Phone(&'a str),
    /// The start of the name, in any letter case.
    Name(&'a str),
    /// The people of one village (by code), and (if given) whose name starts so.
    Village(i64, Option<&'a str>),
}

/// How many matches a search counts before it says "more than".
pub const COUNTED: i64 = 1_000;

/// People within `scope` who match, by name, from `offset`; and how many match, counted up to
/// [`COUNTED`] + 1 (a search that finds more needs more letters, not more pages).
pub async fn search(
    tx: &mut Tx,
    scope: &crate::domain::staff::Scope,
    search: &Search<'_>,
    offset: i64,
    limit: i64,
) -> Result<(Vec<Profile>, i64)> {
    let (area, params) = super::within(scope, "village_code");
    // What was typed is matched as text: % and _ are not wildcards.
    let name_start = |start: &str| {
        let escaped = start
            .replace('\\', "\\\\")
            .replace('%', "\\%")
            .replace('_', "\\_");
        format!("{escaped}%")
    };
    const NAME: &str = "full_name LIKE ? ESCAPE '\\'";
    let (condition, village, text) = match search {
        Search::All => ("1".to_owned(), None, None),
        Search::Phone(phone) => ("phone = ?".to_owned(), None, Some((*phone).to_owned())),
        Search::Name(start) => (NAME.to_owned(), None, Some(name_start(start))),
        Search::Village(code, None) => ("village_code = ?".to_owned(), Some(*code), None),
        Search::Village(code, Some(start)) => (
            format!("village_code = ? AND {NAME}"),
            Some(*code),
            Some(name_start(start)),
        ),
    };
    let sql = format!(
        "SELECT {COLUMNS} FROM profiles WHERE {condition} AND {area}
         ORDER BY full_name COLLATE NOCASE, user_id LIMIT ? OFFSET ?"
    );
    let count_sql = format!(
        "SELECT count(*) FROM (SELECT 1 FROM profiles WHERE {condition} AND {area} LIMIT ?)"
    );
    let mut query = sqlx::query(&sql);
    let mut count = sqlx::query_scalar(&count_sql);
    if let Some(code) = village {
        query = query.bind(code);
        count = count.bind(code);
    }
    if let Some(text) = &text {
        query = query.bind(text.as_str());
        count = count.bind(text.as_str());
    }
    for p in &params {
        query = query.bind(*p);
        count = count.bind(*p);
    }
    let rows = query
        .bind(limit)
        .bind(offset)
        .fetch_all(tx.conn().await?)
        .await?;
    let people = rows.iter().map(from_row).collect::<Result<Vec<_>>>()?;
    let total = count.bind(COUNTED + 1).fetch_one(tx.conn().await?).await?;
    Ok((people, total))
}

pub async fn is_registered(tx: &mut Tx, user_id: i64) -> Result<bool> {
    Ok(
        sqlx::query_scalar::<_, i64>("SELECT count(*) FROM profiles WHERE user_id = ?")
            .bind(user_id)
            .fetch_one(tx.conn().await?)
            .await?
            > 0,
    )
}

/// Creates or replaces the profile.
pub async fn save(tx: &mut Tx, profile: &Profile, now: DateTime<Utc>) -> Result<()> {
    sqlx::query(
        "INSERT INTO profiles (user_id, role, full_name, phone, village, district, country, years_abroad,
                               sector, relation, worker_abroad, interests, registered_at, updated_at,
                               village_code)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?13, ?14)
         ON CONFLICT (user_id) DO UPDATE SET
             role = excluded.role, full_name = excluded.full_name, phone = excluded.phone,
             village = excluded.village, district = excluded.district, country = excluded.country,
             years_abroad = excluded.years_abroad, sector = excluded.sector, relation = excluded.relation,
             worker_abroad = excluded.worker_abroad, interests = excluded.interests,
             updated_at = excluded.updated_at, village_code = excluded.village_code",
    )
    .bind(profile.user_id)
    .bind(profile.role)
    .bind(&profile.name)
    .bind(&profile.phone)
    .bind(&profile.village)
    .bind(&profile.district)
    .bind(profile.country.as_ref().map(Country::to_db))
    .bind(profile.years_abroad.map(|y| i64::from(y.get())))
    .bind(profile.sector)
    .bind(profile.relation)
    .bind(profile.worker_abroad)
    .bind(interests_to_db(&profile.interests))
    .bind(unix(now))
    .bind(profile.village_code.map(VillageCode::get))
    .execute(tx.conn().await?)
    .await?;
    Ok(())
}

pub async fn record_consent(
    tx: &mut Tx,
    user_id: i64,
    version: &str,
    now: DateTime<Utc>,
) -> Result<()> {
    sqlx::query(
        "INSERT INTO consents (user_id, version, given_at) VALUES (?, ?, ?) ON CONFLICT DO NOTHING",
    )
    .bind(user_id)
    .bind(version)
    .bind(unix(now))
    .execute(tx.conn().await?)
    .await?;
    Ok(())
}

/// (version, given at) of every consent the user gave.
pub async fn consents(tx: &mut Tx, user_id: i64) -> Result<Vec<(String, i64)>> {
    Ok(
        sqlx::query_as(
            "SELECT version, given_at FROM consents WHERE user_id = ? ORDER BY given_at",
        )
        .bind(user_id)
        .fetch_all(tx.conn().await?)
        .await?,
    )
}

/// A registered person whose village is still what they typed before villages were a list,
/// and who has not been asked to choose it yet: marks them asked. True once per person.
pub async fn ask_for_village_once(tx: &mut Tx, user_id: i64, now: DateTime<Utc>) -> Result<bool> {
    Ok(sqlx::query(
        "UPDATE profiles SET village_asked_at = ?
         WHERE user_id = ? AND village_code IS NULL AND village_asked_at IS NULL",
    )
    .bind(unix(now))
    .bind(user_id)
    .execute(tx.conn().await?)
    .await?
    .rows_affected()
        == 1)
}
