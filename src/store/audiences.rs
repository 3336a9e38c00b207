//! The people an announcement goes to, as the SQL that lists them (user id and language).

use super::{Result, Tx};
use crate::domain::Audience;

/// A `SELECT id, language` of the active recipients, and its parameters. The SQL is made of
/// fixed pieces only; every value goes in as a parameter.
pub(super) fn recipients_sql(audience: &Audience) -> (String, Vec<String>) {
    const ACTIVE: &str = "SELECT id, language FROM users WHERE status = 'active'";
    const REGISTERED: &str = "SELECT u.id AS id, u.language AS language FROM users u \
                                  JOIN profiles p ON p.user_id = u.id WHERE u.status = 'active'";
    match audience {
        Audience::Everyone => (ACTIVE.into(), vec![]),
        Audience::Language(l) => (format!("{ACTIVE} AND language = ?"), vec![l.code().into()]),
        Audience::Role(r) => (
            format!("{REGISTERED} AND p.role = ?"),
            vec![r.code().into()],
        ),
        Audience::Training(id) => (
            "SELECT u.id AS id, u.language AS language FROM users u \
                 JOIN training_signups s ON s.user_id = u.id \
                 WHERE u.status = 'active' AND s.status = 'booked' AND s.training_id = ?"
                .into(),
            vec![id.to_string()],
        ),
        Audience::Village(v) => (
            format!("{REGISTERED} AND p.village = ? COLLATE NOCASE"),
            vec![v.clone()],
        ),
    }
}

/// How many people the audience reaches now.
pub async fn count(tx: &mut Tx, audience: &Audience) -> Result<i64> {
    let (sql, binds) = recipients_sql(audience);
    let sql = format!("SELECT count(*) FROM ({sql})");
    let mut query = sqlx::query_scalar(&sql);
    for value in &binds {
        query = query.bind(value);
    }
    Ok(query.fetch_one(tx.conn().await?).await?)
}
