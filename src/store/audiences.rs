//! The people an announcement goes to, as the SQL that lists them (user id and language).

use super::{Result, Tx};
use crate::domain::{
    Audience, Destination, Interest, Language, Role,
    audience::{Filter, Place},
    staff::Scope,
};

/// A parameter of the recipients' SQL.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(super) enum Value {
    Text(String),
    Number(i64),
}

impl Value {
    pub(super) fn bind<'q>(
        &self,
        query: sqlx::query::Query<'q, sqlx::Sqlite, sqlx::sqlite::SqliteArguments<'q>>,
    ) -> sqlx::query::Query<'q, sqlx::Sqlite, sqlx::sqlite::SqliteArguments<'q>> {
        match self {
            Value::Text(text) => query.bind(text.clone()),
            Value::Number(n) => query.bind(*n),
        }
    }
}

const ACTIVE: &str = "SELECT id, language FROM users WHERE status = 'active'";
const REGISTERED: &str = "SELECT u.id AS id, u.language AS language FROM users u \
                              JOIN profiles p ON p.user_id = u.id WHERE u.status = 'active'";

/// A `SELECT id, language` of the active recipients, and its parameters. The SQL is made of
/// fixed pieces only; every value goes in as a parameter.
pub(super) fn recipients_sql(audience: &Audience) -> (String, Vec<Value>) {
    let text = |s: &str| Value::Text(s.to_owned());
    match audience {
        Audience::Everyone => (ACTIVE.into(), vec![]),
        Audience::Language(l) => (format!("{ACTIVE} AND language = ?"), vec![text(l.code())]),
        Audience::Role(r) => (format!("{REGISTERED} AND p.role = ?"), vec![text(r.code())]),
        Audience::Training(id) => (
            "SELECT u.id AS id, u.language AS language FROM users u \
                 JOIN training_signups s ON s.user_id = u.id \
                 WHERE u.status = 'active' AND s.status = 'booked' AND s.training_id = ?"
                .into(),
            vec![Value::Number(*id)],
        ),
        Audience::Village(v) => (
            format!("{REGISTERED} AND p.village = ? COLLATE NOCASE"),
            vec![text(v)],
        ),
        Audience::Filter(filter) => filter_sql(filter),
    }
}

/// `column IN (?, ?…)` over `values`, or nothing when there are none.
fn any_of(column: &str, values: Vec<Value>, sql: &mut String, params: &mut Vec<Value>) {
    if values.is_empty() {
        return;
    }
    let marks = vec!["?"; values.len()].join(", ");
    sql.push_str(&format!(" AND {column} IN ({marks})"));
    params.extend(values);
}

fn filter_sql(filter: &Filter) -> (String, Vec<Value>) {
    let text = |s: &str| Value::Text(s.to_owned());
    let mut params = Vec::new();
    let mut sql = if filter.needs_profile() {
        REGISTERED.to_owned()
    } else {
        "SELECT u.id AS id, u.language AS language FROM users u WHERE u.status = 'active'"
            .to_owned()
    };
    if filter.within != Scope::Country {
        let (area, area_params) = super::within(&filter.within, "p.village_code");
        sql.push_str(&format!(" AND {area}"));
        params.extend(area_params.into_iter().map(Value::Number));
    }
    if !filter.places.is_empty() {
        let parts: Vec<&str> = filter
            .places
            .iter()
            .map(|place| match place {
                Place::Village(_) => "p.village_code = ?",
                Place::District(_) => "p.village_code / 10000 = ?",
                Place::Regency(_) => "p.village_code / 1000000 = ?",
            })
            .collect();
        sql.push_str(&format!(" AND ({})", parts.join(" OR ")));
        params.extend(filter.places.iter().map(|place| {
            Value::Number(match place {
                Place::Village(code) => code.get(),
                Place::District(code) => code.get(),
                Place::Regency(code) => code.get(),
            })
        }));
    }
    let roles = filter.roles.iter().map(|r| text(r.code())).collect();
    any_of("p.role", roles, &mut sql, &mut params);
    let countries = filter.countries.iter().map(|c| text(c.code())).collect();
    any_of("p.country", countries, &mut sql, &mut params);
    let languages = filter.languages.iter().map(|l| text(l.code())).collect();
    any_of("u.language", languages, &mut sql, &mut params);
    if !filter.interests.is_empty() {
        let parts = vec!["(',' || p.interests || ',') LIKE ?"; filter.interests.len()];
        sql.push_str(&format!(" AND ({})", parts.join(" OR ")));
        params.extend(
            filter
                .interests
                .iter()
                .map(|i| Value::Text(format!("%,{},%", i.code()))),
        );
    }
    if let Some(training) = filter.training {
        sql.push_str(
            " AND EXISTS (SELECT 1 FROM training_signups s \
                 WHERE s.user_id = u.id AND s.status = 'booked' AND s.training_id = ?)",
        );
        params.push(Value::Number(training));
    }
    (sql, params)
}

/// How many people the audience reaches now.
pub async fn count(tx: &mut Tx, audience: &Audience) -> Result<i64> {
    let (sql, binds) = recipients_sql(audience);
    let sql = format!("SELECT count(*) FROM ({sql})");
    let row = binds
        .iter()
        .fold(sqlx::query(&sql), |query, value| value.bind(query))
        .fetch_one(tx.conn().await?)
        .await?;
    Ok(sqlx::Row::try_get(&row, 0)?)
}

/// How many registered people of an area (who have not blocked the bot) have each value an
/// audience can be made of, and how many live in each place one level down: regencies for the
/// whole country, districts for a coordinator's regencies, villages for a village officer's.
/// The console shows these beside each choice.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Breakdown {
    pub total: i64,
    pub roles: Vec<(Role, i64)>,
    pub languages: Vec<(Language, i64)>,
    pub interests: Vec<(Interest, i64)>,
    pub countries: Vec<(Destination, i64)>,
    /// (place code, people), biggest first.
    pub places: Vec<(i64, i64)>,
}

/// What a place code in `Breakdown::places` is, for `scope`: the divisor of a village code.
pub fn place_level(scope: &Scope) -> i64 {
    match scope {
        Scope::Country => 1_000_000,
        Scope::Regencies(_) => 10_000,
        Scope::Villages(_) => 1,
    }
}

/// Counts the breakdown of `scope` in two passes over its registered people.
pub async fn breakdown(tx: &mut Tx, scope: &Scope) -> Result<Breakdown> {
    let (area, area_params) = super::within(scope, "p.village_code");
    let mut sums = vec!["count(*)".to_owned()];
    let mut params: Vec<Value> = Vec::new();
    let text = |s: &str| Value::Text(s.to_owned());
    for role in Role::ALL.iter().copied() {
        sums.push("coalesce(sum(p.role = ?), 0)".into());
        params.push(text(role.code()));
    }
    for language in Language::ALL {
        sums.push("coalesce(sum(u.language = ?), 0)".into());
        params.push(text(language.code()));
    }
    for interest in Interest::ALL.iter().copied() {
        sums.push("coalesce(sum(instr(',' || p.interests || ',', ?) > 0), 0)".into());
        params.push(Value::Text(format!(",{},", interest.code())));
    }
    for country in Destination::ALL.iter().copied() {
        sums.push("coalesce(sum(p.country = ?), 0)".into());
        params.push(text(country.code()));
    }
    params.extend(area_params.iter().map(|n| Value::Number(*n)));
    let sql = format!(
        "SELECT {} FROM users u JOIN profiles p ON p.user_id = u.id \
         WHERE u.status = 'active' AND {area}",
        sums.join(", ")
    );
    let row = params
        .iter()
        .fold(sqlx::query(&sql), |query, value| value.bind(query))
        .fetch_one(tx.conn().await?)
        .await?;
    let mut at = 0;
    let mut next = || -> Result<i64> {
        let value: i64 = sqlx::Row::try_get(&row, at)?;
        at += 1;
        Ok(value)
    };
    let mut breakdown = Breakdown {
        total: next()?,
        ..Breakdown::default()
    };
    for role in Role::ALL.iter().copied() {
        breakdown.roles.push((role, next()?));
    }
    for language in Language::ALL {
        breakdown.languages.push((language, next()?));
    }
    for interest in Interest::ALL.iter().copied() {
        breakdown.interests.push((interest, next()?));
    }
    for country in Destination::ALL.iter().copied() {
        breakdown.countries.push((country, next()?));
    }
    let places_sql = format!(
        "SELECT p.village_code / ? AS place, count(*) AS n FROM users u \
         JOIN profiles p ON p.user_id = u.id \
         WHERE u.status = 'active' AND p.village_code IS NOT NULL AND {area} \
         GROUP BY place ORDER BY n DESC, place"
    );
    let query = sqlx::query_as(&places_sql).bind(place_level(scope));
    breakdown.places = area_params
        .iter()
        .fold(query, |query, n| query.bind(*n))
        .fetch_all(tx.conn().await?)
        .await?;
    Ok(breakdown)
}
