//! Figures for staff: who uses the bot, who registered, and when; and the same by village or
//! regency. Every figure is within a [`Scope`]: the whole country counts everyone, a
//! coordinator's or officer's area only the people registered there (and their work).

use std::collections::BTreeMap;

use super::{Result, Tx, within};
use crate::domain::staff::Scope;

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Users {
    pub total: i64,
    pub blocked: i64,
    pub indonesian: i64,
    pub english: i64,
}

/// Binds the area's parameters, then `more`.
fn query<'q>(
    sql: &'q str,
    area: &[i64],
) -> sqlx::query::Query<'q, sqlx::Sqlite, sqlx::sqlite::SqliteArguments<'q>> {
    let mut query = sqlx::query(sql);
    for p in area {
        query = query.bind(*p);
    }
    query
}

/// Everyone who wrote to the bot (the country), or the people registered in the area.
pub async fn users(tx: &mut Tx, scope: &Scope) -> Result<Users> {
    use sqlx::Row;
    let (area, params) = within(scope, "p.village_code");
    let sql = match scope {
        Scope::Country => "SELECT count(*), coalesce(sum(status = 'blocked'), 0),
                coalesce(sum(language = 'id'), 0), coalesce(sum(language = 'en'), 0)
             FROM users"
            .to_owned(),
        _ => format!(
            "SELECT count(*), coalesce(sum(u.status = 'blocked'), 0),
                coalesce(sum(u.language = 'id'), 0), coalesce(sum(u.language = 'en'), 0)
             FROM profiles p JOIN users u ON u.id = p.user_id WHERE {area}"
        ),
    };
    let row = query(&sql, &params).fetch_one(tx.conn().await?).await?;
    Ok(Users {
        total: row.try_get(0)?,
        blocked: row.try_get(1)?,
        indonesian: row.try_get(2)?,
        english: row.try_get(3)?,
    })
}

/// (role code, count) of registered people.
pub async fn by_role(tx: &mut Tx, scope: &Scope) -> Result<Vec<(String, i64)>> {
    use sqlx::Row;
    let (area, params) = within(scope, "village_code");
    let sql =
        format!("SELECT role, count(*) FROM profiles WHERE {area} GROUP BY role ORDER BY role");
    let rows = query(&sql, &params).fetch_all(tx.conn().await?).await?;
    rows.iter()
        .map(|r| Ok((r.try_get(0)?, r.try_get(1)?)))
        .collect()
}

/// The villages with the most registered people, as "village, regency": by code, and (for the
/// country) people still without one by what they typed (any letter case).
pub async fn top_villages(tx: &mut Tx, scope: &Scope, limit: i64) -> Result<Vec<(String, i64)>> {
    use sqlx::Row;
    let (area, params) = within(scope, "village_code");
    let sql = format!(
        "SELECT min(village) || ', ' || min(district), count(*) AS n FROM profiles WHERE {area}
         GROUP BY coalesce(village_code, lower(village) || ',' || lower(district))
         ORDER BY n DESC, 1 LIMIT ?"
    );
    let rows = query(&sql, &params)
        .bind(limit)
        .fetch_all(tx.conn().await?)
        .await?;
    rows.iter()
        .map(|r| Ok((r.try_get(0)?, r.try_get(1)?)))
        .collect()
}

/// Registrations in each of `weeks` weeks starting at `start` (Unix seconds), oldest first.
pub async fn registrations_per_week(
    tx: &mut Tx,
    scope: &Scope,
    start: i64,
    weeks: i64,
) -> Result<Vec<i64>> {
    use sqlx::Row;
    let (area, params) = within(scope, "village_code");
    let sql = format!(
        "SELECT (registered_at - ?) / 604800 AS week, count(*) FROM profiles
         WHERE registered_at >= ? AND {area} GROUP BY week"
    );
    let rows = sqlx::query(&sql).bind(start).bind(start);
    let rows = params
        .iter()
        .fold(rows, |q, p| q.bind(*p))
        .fetch_all(tx.conn().await?)
        .await?;
    let mut counts = vec![0; usize::try_from(weeks).unwrap_or(0)];
    for row in rows {
        let (week, n): (i64, i64) = (row.try_get(0)?, row.try_get(1)?);
        if let Some(slot) = usize::try_from(week).ok().and_then(|w| counts.get_mut(w)) {
            *slot = n;
        }
    }
    Ok(counts)
}

pub async fn registrations_since(tx: &mut Tx, scope: &Scope, since: i64) -> Result<i64> {
    use sqlx::Row;
    let (area, params) = within(scope, "village_code");
    let sql = format!("SELECT count(*) FROM profiles WHERE registered_at >= ? AND {area}");
    let row = params
        .iter()
        .fold(sqlx::query(&sql).bind(since), |q, p| q.bind(*p))
        .fetch_one(tx.conn().await?)
        .await?;
    Ok(row.try_get(0)?)
}

/// What the figures by area are grouped by.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum By {
    Regency,
    Village,
}

impl By {
    fn key(self, column: &str) -> String {
        match self {
            By::Regency => format!("{column} / 1000000"),
            By::Village => column.to_owned(),
        }
    }
}

/// One village's or regency's figures.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct AreaRow {
    /// The village's or regency's code, as stored.
    pub code: i64,
    pub registered: i64,
    /// Seats in trainings taken by people registered there.
    pub seats: i64,
    pub open_questions: i64,
    /// Open questions waiting since before `overdue_before`.
    pub overdue: i64,
    /// The middle of the times from a question to its first answer (questions asked since
    /// `since`), in seconds.
    pub median_first_answer: Option<i64>,
}

/// Open questions within `scope` waiting since before `overdue_before`, and the middle of the
/// times from a question to its first answer (questions asked since `since`), in seconds.
pub async fn questions_overdue_and_median(
    tx: &mut Tx,
    scope: &Scope,
    overdue_before: i64,
    since: i64,
) -> Result<(i64, Option<i64>)> {
    let (area, params) = within(scope, "q.village_code");
    let sql = format!(
        "SELECT count(*) FROM questions q WHERE q.status = 'open' AND q.opened_at < ? AND {area}"
    );
    let overdue: i64 = params
        .iter()
        .fold(sqlx::query_scalar(&sql).bind(overdue_before), |q, p| {
            q.bind(*p)
        })
        .fetch_one(tx.conn().await?)
        .await?;
    let sql = format!(
        "SELECT waited FROM (SELECT (SELECT min(e.created_at) FROM question_entries e
                        WHERE e.question_id = q.id AND e.author = 'officer') - q.asked_at AS waited
         FROM questions q WHERE q.asked_at >= ? AND {area}) WHERE waited IS NOT NULL
         ORDER BY waited"
    );
    let waits: Vec<i64> = params
        .iter()
        .fold(sqlx::query_scalar(&sql).bind(since), |q, p| q.bind(*p))
        .fetch_all(tx.conn().await?)
        .await?;
    Ok((overdue, waits.get(waits.len() / 2).map(|w| (*w).max(0))))
}

/// The figures of each village or regency within `scope` that has any, the most registered
/// first.
pub async fn by_area(
    tx: &mut Tx,
    scope: &Scope,
    by: By,
    overdue_before: i64,
    since: i64,
) -> Result<Vec<AreaRow>> {
    use sqlx::Row;
    let mut rows: BTreeMap<i64, AreaRow> = BTreeMap::new();
    fn row_of(rows: &mut BTreeMap<i64, AreaRow>, code: i64) -> &mut AreaRow {
        rows.entry(code).or_insert_with(|| AreaRow {
            code,
            ..AreaRow::default()
        })
    }

    let (area, params) = within(scope, "p.village_code");
    let key = by.key("p.village_code");
    let sql = format!(
        "SELECT {key}, count(*) FROM profiles p
         WHERE p.village_code IS NOT NULL AND {area} GROUP BY 1"
    );
    for r in query(&sql, &params).fetch_all(tx.conn().await?).await? {
        row_of(&mut rows, r.try_get(0)?).registered = r.try_get(1)?;
    }
    let sql = format!(
        "SELECT {key}, count(*) FROM training_signups s JOIN profiles p ON p.user_id = s.user_id
         WHERE s.status = 'booked' AND p.village_code IS NOT NULL AND {area} GROUP BY 1"
    );
    for r in query(&sql, &params).fetch_all(tx.conn().await?).await? {
        row_of(&mut rows, r.try_get(0)?).seats = r.try_get(1)?;
    }

    let (area, params) = within(scope, "q.village_code");
    let key = by.key("q.village_code");
    let sql = format!(
        "SELECT {key}, count(*), coalesce(sum(q.opened_at < ?), 0) FROM questions q
         WHERE q.status = 'open' AND q.village_code IS NOT NULL AND {area} GROUP BY 1"
    );
    let found = params
        .iter()
        .fold(sqlx::query(&sql).bind(overdue_before), |q, p| q.bind(*p))
        .fetch_all(tx.conn().await?)
        .await?;
    for r in found {
        let row = row_of(&mut rows, r.try_get(0)?);
        row.open_questions = r.try_get(1)?;
        row.overdue = r.try_get(2)?;
    }
    let sql = format!(
        "SELECT {key}, (SELECT min(e.created_at) FROM question_entries e
                        WHERE e.question_id = q.id AND e.author = 'officer') - q.asked_at AS waited
         FROM questions q
         WHERE q.asked_at >= ? AND q.village_code IS NOT NULL AND {area} AND waited IS NOT NULL"
    );
    let found = params
        .iter()
        .fold(sqlx::query(&sql).bind(since), |q, p| q.bind(*p))
        .fetch_all(tx.conn().await?)
        .await?;
    let mut waits: BTreeMap<i64, Vec<i64>> = BTreeMap::new();
    for r in found {
        waits
            .entry(r.try_get(0)?)
            .or_default()
            .push(r.try_get::<i64, _>(1)?.max(0));
    }
    for (code, mut waited) in waits {
        waited.sort_unstable();
        row_of(&mut rows, code).median_first_answer = Some(waited[waited.len() / 2]);
    }

    let mut rows: Vec<AreaRow> = rows.into_values().collect();
    rows.sort_by(|a, b| {
        b.registered
            .cmp(&a.registered)
            .then(b.open_questions.cmp(&a.open_questions))
            .then(a.code.cmp(&b.code))
    });
    Ok(rows)
}
