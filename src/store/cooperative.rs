//! Applications to join the Koperasi Desmigratif.

use chrono::{DateTime, Utc};
use sqlx::Row;

use super::{Result, Tx, routed::Routed, unix, within};
use crate::domain::{
    MembershipStatus, PersonName, Phone,
    area::VillageCode,
    staff::{Level, Scope},
};

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Application {
    pub id: i64,
    pub user_id: i64,
    pub name: String,
    pub phone: String,
    pub village: Option<String>,
    /// The village it came from, where known: its officers see it first.
    pub village_code: Option<VillageCode>,
    pub status: MembershipStatus,
    pub applied_at: i64,
    pub updated_at: i64,
    /// Who answers for it now (see `engine::pillars::routing`), and since when.
    pub level: Level,
    pub level_since: i64,
    /// The staff member who first set its status: it is theirs.
    pub taken_by: Option<i64>,
}

const COLUMNS: &str = "id, user_id, full_name, phone, village, village_code, status, applied_at, \
                       updated_at, level, level_since, taken_by";

fn from_row(row: &sqlx::sqlite::SqliteRow) -> Result<Application> {
    Ok(Application {
        id: row.try_get("id")?,
        user_id: row.try_get("user_id")?,
        name: row.try_get("full_name")?,
        phone: row.try_get("phone")?,
        village: row.try_get("village")?,
        village_code: row
            .try_get::<Option<i64>, _>("village_code")?
            .and_then(VillageCode::from_number),
        status: row.try_get("status")?,
        applied_at: row.try_get("applied_at")?,
        updated_at: row.try_get("updated_at")?,
        level: row.try_get("level")?,
        level_since: row.try_get("level_since")?,
        taken_by: row.try_get("taken_by")?,
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

crate::domain::profile::choice!(
    /// Which applications a page of `/aplikasi` lists.
    ApplicationFilter, "applications-filter" {
        Open => "open",
        Applied => "applied",
        Contacted => "contacted",
        Member => "member",
        Declined => "declined",
    }
);

impl ApplicationFilter {
    fn condition(self) -> &'static str {
        match self {
            ApplicationFilter::Open => "status IN ('applied', 'contacted')",
            ApplicationFilter::Applied => "status = 'applied'",
            ApplicationFilter::Contacted => "status = 'contacted'",
            ApplicationFilter::Member => "status = 'member'",
            ApplicationFilter::Declined => "status = 'declined'",
        }
    }
}

/// A page of the applications of `filter` within `scope`, the oldest first (the settled ones,
/// member and declined, the latest first), from `offset`; and how many there are in all.
pub async fn page(
    tx: &mut Tx,
    scope: &Scope,
    filter: ApplicationFilter,
    offset: i64,
    limit: i64,
) -> Result<(Vec<Application>, i64)> {
    let (area, params) = within(scope, "village_code");
    let condition = filter.condition();
    let order = match filter {
        ApplicationFilter::Member | ApplicationFilter::Declined => "updated_at DESC, id DESC",
        _ => "applied_at, id",
    };
    let sql = format!(
        "SELECT {COLUMNS} FROM cooperative_applications WHERE {condition} AND {area}
         ORDER BY {order} LIMIT ? OFFSET ?"
    );
    let mut query = sqlx::query(&sql);
    for p in &params {
        query = query.bind(*p);
    }
    let rows = query
        .bind(limit)
        .bind(offset)
        .fetch_all(tx.conn().await?)
        .await?;
    let listed = rows.iter().map(from_row).collect::<Result<Vec<_>>>()?;
    let count_sql =
        format!("SELECT count(*) FROM cooperative_applications WHERE {condition} AND {area}");
    let total = super::count_of(tx, &count_sql, &params).await?;
    Ok((listed, total))
}

pub async fn find(tx: &mut Tx, id: i64) -> Result<Option<Application>> {
    one_where(tx, "id", id).await
}

pub async fn of_user(tx: &mut Tx, user_id: i64) -> Result<Option<Application>> {
    one_where(tx, "user_id", user_id).await
}

/// Where an application comes from and who answers for it first.
pub struct Origin<'a> {
    /// The village's name as the person knows it (the profile's, or the list's).
    pub village: Option<&'a str>,
    pub village_code: Option<VillageCode>,
    pub level: Level,
}

/// Records the user's application (again, after a refusal: with fresh details, as applied,
/// and nobody's yet).
pub async fn apply(
    tx: &mut Tx,
    user_id: i64,
    name: &PersonName,
    phone: &Phone,
    from: Origin<'_>,
    now: DateTime<Utc>,
) -> Result<Application> {
    let row = sqlx::query(&format!(
        "INSERT INTO cooperative_applications
             (user_id, full_name, phone, village, village_code, level, level_since, applied_at, updated_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?7, ?7)
         ON CONFLICT (user_id) DO UPDATE SET full_name = excluded.full_name, phone = excluded.phone,
             village = excluded.village, village_code = excluded.village_code,
             level = excluded.level, level_since = excluded.level_since, taken_by = NULL,
             status = 'applied', applied_at = excluded.applied_at, updated_at = excluded.updated_at
         RETURNING {COLUMNS}"
    ))
    .bind(user_id)
    .bind(name)
    .bind(phone)
    .bind(from.village)
    .bind(from.village_code.map(VillageCode::get))
    .bind(from.level)
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

/// Applications still waiting that nobody took since `before` (unix time), at a level below
/// the admins: they go up.
pub async fn to_escalate(tx: &mut Tx, before: i64) -> Result<Vec<Application>> {
    let rows = Routed::Applications
        .to_escalate(tx, COLUMNS, before)
        .await?;
    rows.iter().map(from_row).collect()
}

pub async fn set_level(tx: &mut Tx, id: i64, level: Level, now: DateTime<Utc>) -> Result<()> {
    Routed::Applications.set_level(tx, id, level, now).await
}

/// `by` takes the application, if nobody has; true if they now have it.
pub async fn take(tx: &mut Tx, id: i64, by: i64) -> Result<bool> {
    Routed::Applications.take(tx, id, by).await
}

/// Gives back what `user_id` had taken and not yet settled: it goes to its level again.
pub async fn give_back(tx: &mut Tx, user_id: i64, now: DateTime<Utc>) -> Result<u64> {
    Routed::Applications.give_back(tx, user_id, now).await
}

/// The village of the person's latest question or application, if they chose one: offered
/// first when they are asked again.
pub async fn last_village(tx: &mut Tx, user_id: i64) -> Result<Option<VillageCode>> {
    let code: Option<i64> = sqlx::query_scalar(
        "SELECT village_code FROM (
             SELECT village_code, applied_at AS at FROM cooperative_applications WHERE user_id = ?1
             UNION ALL
             SELECT village_code, asked_at AS at FROM questions WHERE user_id = ?1
         ) WHERE village_code IS NOT NULL ORDER BY at DESC LIMIT 1",
    )
    .bind(user_id)
    .fetch_optional(tx.conn().await?)
    .await?
    .flatten();
    Ok(code.and_then(VillageCode::from_number))
}
