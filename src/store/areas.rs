//! Provinces, regencies, districts and villages (migration `0009`): loading a release, reading
//! them for the search index, the programme's villages, and the people whose village is not a
//! code yet.

use std::collections::HashMap;

use chrono::{DateTime, Utc};
use sqlx::{Row, sqlite::SqliteArguments};

use super::{Result, Tx, unix};
use crate::areas::release::Release;
use crate::domain::area::{self, DistrictCode, ProvinceCode, RegencyCode, VillageCode};

/// The release a database holds.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Loaded {
    pub name: String,
    pub loaded_at: i64,
    pub villages: i64,
}

/// What loading a release changed, per level of area.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Changes {
    pub added: u64,
    pub renamed: u64,
    /// Listed again after a release that left them out.
    pub returned: u64,
    /// No longer listed: kept, but no longer offered.
    pub retired: u64,
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct LoadReport {
    pub release_id: i64,
    pub listed: u64,
    pub regencies: Changes,
    pub districts: Changes,
    pub villages: Changes,
    /// People whose typed village now has its code, and those still without one.
    pub matched: u64,
    pub unmatched: u64,
    /// People who chose a village this release no longer lists (they keep it).
    pub on_retired: u64,
}

impl std::fmt::Display for LoadReport {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let v = &self.villages;
        writeln!(
            f,
            "{} villages listed: {} new, {} renamed, {} listed again, {} no longer listed",
            self.listed, v.added, v.renamed, v.returned, v.retired
        )?;
        for (level, c) in [
            ("regencies", &self.regencies),
            ("districts", &self.districts),
        ] {
            writeln!(
                f,
                "{level}: {} new, {} renamed, {} listed again, {} no longer listed",
                c.added, c.renamed, c.returned, c.retired
            )?;
        }
        if self.on_retired > 0 {
            writeln!(
                f,
                "{} people chose a village no longer listed: they keep it",
                self.on_retired
            )?;
        }
        write!(
            f,
            "people: {} matched to a village now, {} still to choose theirs",
            self.matched, self.unmatched
        )
    }
}

/// The newest release loaded, if any.
pub async fn loaded(tx: &mut Tx) -> Result<Option<Loaded>> {
    let row =
        sqlx::query("SELECT name, loaded_at, villages FROM area_releases ORDER BY id DESC LIMIT 1")
            .fetch_optional(tx.conn().await?)
            .await?;
    Ok(match row {
        Some(row) => Some(Loaded {
            name: row.try_get("name")?,
            loaded_at: row.try_get("loaded_at")?,
            villages: row.try_get("villages")?,
        }),
        None => None,
    })
}

/// Loads `release` over what is stored: new codes are added, names updated, and codes it no
/// longer lists retired (never deleted: people and work keep pointing at them).
pub async fn load(
    tx: &mut Tx,
    release: &Release,
    name: &str,
    now: DateTime<Utc>,
) -> Result<LoadReport> {
    let release_id: i64 = sqlx::query_scalar(
        "INSERT INTO area_releases (name, loaded_at, villages) VALUES (?, ?, ?) RETURNING id",
    )
    .bind(name)
    .bind(unix(now))
    .bind(release.villages.len() as i64)
    .fetch_one(tx.conn().await?)
    .await?;
    let provinces: Vec<(i64, String)> = release
        .provinces
        .iter()
        .map(|(c, n)| (c.get(), n.clone()))
        .collect();
    upsert(tx, "provinces", &provinces, release_id, now).await?;
    let regencies: Vec<(i64, String)> = release
        .regencies
        .iter()
        .map(|(c, n)| (c.get(), n.clone()))
        .collect();
    let districts: Vec<(i64, String)> = release
        .districts
        .iter()
        .map(|(c, n)| (c.get(), n.clone()))
        .collect();
    let villages: Vec<(i64, String)> = release
        .villages
        .iter()
        .map(|(c, n)| (c.get(), n.clone()))
        .collect();
    let mut report = LoadReport {
        release_id,
        listed: villages.len() as u64,
        regencies: upsert(tx, "regencies", &regencies, release_id, now).await?,
        districts: upsert(tx, "districts", &districts, release_id, now).await?,
        villages: upsert(tx, "villages", &villages, release_id, now).await?,
        ..LoadReport::default()
    };
    (report.matched, report.unmatched) = match_typed_villages(tx, release).await?;
    report.on_retired = sqlx::query_scalar::<_, i64>(
        "SELECT count(*) FROM profiles p JOIN villages v ON v.code = p.village_code
         WHERE v.retired_at IS NOT NULL",
    )
    .fetch_one(tx.conn().await?)
    .await? as u64;
    Ok(report)
}

/// Rows per INSERT: three parameters each, well under SQLite's limit of 32,766.
const CHUNK: usize = 500;

async fn upsert(
    tx: &mut Tx,
    table: &str,
    rows: &[(i64, String)],
    release_id: i64,
    now: DateTime<Utc>,
) -> Result<Changes> {
    let before: HashMap<i64, (String, bool)> = sqlx::query(&format!(
        "SELECT code, name, retired_at IS NOT NULL AS retired FROM {table}"
    ))
    .fetch_all(tx.conn().await?)
    .await?
    .into_iter()
    .map(|row| {
        Ok((
            row.try_get("code")?,
            (row.try_get("name")?, row.try_get("retired")?),
        ))
    })
    .collect::<Result<_, sqlx::Error>>()?;
    let mut changes = Changes::default();
    for (code, name) in rows {
        match before.get(code) {
            None => changes.added += 1,
            Some((old, retired)) => {
                changes.renamed += u64::from(old != name);
                changes.returned += u64::from(*retired);
            }
        }
    }
    for chunk in rows.chunks(CHUNK) {
        let values = vec!["(?, ?, ?)"; chunk.len()].join(", ");
        let sql = format!(
            "INSERT INTO {table} (code, name, release_id) VALUES {values}
             ON CONFLICT (code) DO UPDATE SET
                 name = excluded.name, release_id = excluded.release_id, retired_at = NULL"
        );
        let mut args = SqliteArguments::default();
        for (code, name) in chunk {
            use sqlx::Arguments;
            args.add(*code).map_err(sqlx::Error::Encode)?;
            args.add(name.as_str()).map_err(sqlx::Error::Encode)?;
            args.add(release_id).map_err(sqlx::Error::Encode)?;
        }
        sqlx::query_with(&sql, args)
            .execute(tx.conn().await?)
            .await?;
    }
    changes.retired = sqlx::query(&format!(
        "UPDATE {table} SET retired_at = ? WHERE release_id <> ? AND retired_at IS NULL"
    ))
    .bind(unix(now))
    .bind(release_id)
    .execute(tx.conn().await?)
    .await?
    .rows_affected();
    Ok(changes)
}

/// Everything the village search needs: the areas still listed.
#[derive(Debug, Default)]
pub struct Listed {
    pub provinces: Vec<(ProvinceCode, String)>,
    pub regencies: Vec<(RegencyCode, String)>,
    pub districts: Vec<(DistrictCode, String)>,
    /// With whether it is one of the programme's villages.
    pub villages: Vec<(VillageCode, String, bool)>,
}

pub async fn listed(tx: &mut Tx) -> Result<Listed> {
    async fn level<C: TryFrom<i64>>(tx: &mut Tx, table: &str) -> Result<Vec<(C, String)>> {
        let rows: Vec<(i64, String)> = sqlx::query_as(&format!(
            "SELECT code, name FROM {table} WHERE retired_at IS NULL ORDER BY code"
        ))
        .fetch_all(tx.conn().await?)
        .await?;
        Ok(rows
            .into_iter()
            .filter_map(|(code, name)| Some((C::try_from(code).ok()?, name)))
            .collect())
    }
    let villages: Vec<(i64, String, bool)> = sqlx::query_as(
        "SELECT code, name, programme FROM villages WHERE retired_at IS NULL ORDER BY code",
    )
    .fetch_all(tx.conn().await?)
    .await?;
    Ok(Listed {
        provinces: level(tx, "provinces").await?,
        regencies: level(tx, "regencies").await?,
        districts: level(tx, "districts").await?,
        villages: villages
            .into_iter()
            .filter_map(|(code, name, programme)| {
                Some((VillageCode::from_number(code)?, name, programme))
            })
            .collect(),
    })
}

/// A village with the names of the district, regency and province it is in.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Place {
    pub code: VillageCode,
    pub village: String,
    pub district: String,
    /// As people say it: "Indramayu", "Kota Bandung".
    pub regency: String,
    pub province: String,
    pub retired: bool,
}

pub async fn place(tx: &mut Tx, code: VillageCode) -> Result<Option<Place>> {
    let row = sqlx::query(
        "SELECT v.name AS village, d.name AS district, r.name AS regency, p.name AS province,
                v.retired_at IS NOT NULL AS retired
         FROM villages v
         JOIN districts d ON d.code = v.code / 10000
         JOIN regencies r ON r.code = v.code / 1000000
         JOIN provinces p ON p.code = v.code / 100000000
         WHERE v.code = ?",
    )
    .bind(code.get())
    .fetch_optional(tx.conn().await?)
    .await?;
    let Some(row) = row else {
        return Ok(None);
    };
    let regency: String = row.try_get("regency")?;
    Ok(Some(Place {
        code,
        village: row.try_get("village")?,
        district: row.try_get("district")?,
        regency: area::regency_short_name(&regency).to_owned(),
        province: row.try_get("province")?,
        retired: row.try_get("retired")?,
    }))
}

/// Marks villages as the programme's (or not); returns how many changed.
pub async fn set_programme(tx: &mut Tx, codes: &[VillageCode], programme: bool) -> Result<u64> {
    let mut changed = 0;
    for code in codes {
        changed +=
            sqlx::query("UPDATE villages SET programme = ? WHERE code = ? AND programme <> ?")
                .bind(programme)
                .bind(code.get())
                .bind(programme)
                .execute(tx.conn().await?)
                .await?
                .rows_affected();
    }
    Ok(changed)
}

/// Which of `codes` the list does not have (one query, however many codes).
pub async fn not_listed(tx: &mut Tx, codes: &[VillageCode]) -> Result<Vec<VillageCode>> {
    // A JSON array of numbers: nothing but digits and commas goes into it.
    let numbers: Vec<String> = codes.iter().map(|c| c.get().to_string()).collect();
    let list = format!("[{}]", numbers.join(","));
    let missing: Vec<i64> = sqlx::query_scalar(
        "SELECT value FROM json_each(?) WHERE value NOT IN (SELECT code FROM villages) ORDER BY key",
    )
    .bind(list)
    .fetch_all(tx.conn().await?)
    .await?;
    Ok(missing
        .into_iter()
        .filter_map(VillageCode::from_number)
        .collect())
}

pub async fn programme_count(tx: &mut Tx) -> Result<i64> {
    Ok(
        sqlx::query_scalar("SELECT count(*) FROM villages WHERE programme = 1")
            .fetch_one(tx.conn().await?)
            .await?,
    )
}

/// Registered people whose village is still the text they typed before villages were a list.
pub async fn unmatched_count(tx: &mut Tx) -> Result<i64> {
    Ok(
        sqlx::query_scalar("SELECT count(*) FROM profiles WHERE village_code IS NULL")
            .fetch_one(tx.conn().await?)
            .await?,
    )
}

/// Gives each profile whose typed village and regency name exactly one village of the list
/// that village's code (and its official names); returns (matched, left).
pub async fn match_typed_villages(tx: &mut Tx, release: &Release) -> Result<(u64, u64)> {
    let typed: Vec<(i64, String, String)> = sqlx::query_as(
        "SELECT user_id, village, district FROM profiles WHERE village_code IS NULL",
    )
    .fetch_all(tx.conn().await?)
    .await?;
    if typed.is_empty() {
        return Ok((0, 0));
    }
    let matcher = TypedVillages::new(release);
    let (mut matched, mut left) = (0, 0);
    for (user_id, village, regency) in typed {
        let Some(code) = matcher.find(&village, &regency) else {
            left += 1;
            continue;
        };
        let (village, regency) = matcher.names(code);
        sqlx::query(
            "UPDATE profiles SET village_code = ?, village = ?, district = ? WHERE user_id = ?",
        )
        .bind(code.get())
        .bind(village)
        .bind(regency)
        .bind(user_id)
        .execute(tx.conn().await?)
        .await?;
        matched += 1;
    }
    Ok((matched, left))
}

/// Villages by name, for matching what people typed before villages were a list.
struct TypedVillages<'r> {
    by_name: HashMap<String, Vec<VillageCode>>,
    regencies: HashMap<RegencyCode, (&'r str, String)>,
    districts: HashMap<DistrictCode, String>,
    names: HashMap<VillageCode, &'r str>,
}

impl<'r> TypedVillages<'r> {
    fn new(release: &'r Release) -> TypedVillages<'r> {
        let mut by_name: HashMap<String, Vec<VillageCode>> = HashMap::new();
        let mut names = HashMap::new();
        for (code, name) in &release.villages {
            by_name
                .entry(area::village_query(name))
                .or_default()
                .push(*code);
            names.insert(*code, name.as_str());
        }
        TypedVillages {
            by_name,
            regencies: release
                .regencies
                .iter()
                .map(|(c, n)| (*c, (area::regency_short_name(n), area::area_query(n))))
                .collect(),
            districts: release
                .districts
                .iter()
                .map(|(c, n)| (*c, area::area_query(n)))
                .collect(),
            names,
        }
    }

    /// The one village named `village` in the regency (or district) named `regency`.
    fn find(&self, village: &str, regency: &str) -> Option<VillageCode> {
        let candidates = self.by_name.get(&area::village_query(village))?;
        let regency = area::area_query(regency);
        let mut found = candidates.iter().filter(|code| {
            self.regencies
                .get(&code.regency())
                .is_some_and(|(_, key)| *key == regency)
                || self.districts.get(&code.district()) == Some(&regency)
        });
        let first = found.next()?;
        found.next().is_none().then_some(*first)
    }

    fn names(&self, code: VillageCode) -> (&'r str, &'r str) {
        (
            self.names.get(&code).copied().unwrap_or_default(),
            self.regencies
                .get(&code.regency())
                .map_or("", |(short, _)| short),
        )
    }
}

/// The first time a database is opened: the shipped list, and the typed villages matched to it.
pub(super) async fn load_shipped_if_missing(writer: &super::Writer) -> Result<()> {
    writer
        .write(async |tx| {
            if loaded(tx).await?.is_some() {
                return Ok(());
            }
            let release = Release::shipped()
                .map_err(|e| super::StoreError::Corrupt(format!("the shipped area list: {e}")))?;
            let report = load(
                tx,
                &release,
                crate::areas::release::SHIPPED_NAME,
                Utc::now(),
            )
            .await?;
            if report.matched + report.unmatched > 0 {
                tracing::info!(
                    villages = report.villages.added,
                    matched = report.matched,
                    left = report.unmatched,
                    "village list loaded; registered villages matched to their codes"
                );
            }
            Ok(())
        })
        .await
}

/// The programme's villages, by code, at most `limit`.
pub async fn programme_villages(tx: &mut Tx, limit: i64) -> Result<Vec<VillageCode>> {
    let codes: Vec<i64> =
        sqlx::query_scalar("SELECT code FROM villages WHERE programme = 1 ORDER BY code LIMIT ?")
            .bind(limit)
            .fetch_all(tx.conn().await?)
            .await?;
    Ok(codes
        .into_iter()
        .filter_map(VillageCode::from_number)
        .collect())
}
