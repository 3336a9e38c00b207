//! Who an announcement goes to, as the SQL that lists them (user id and language).

use serde::{Deserialize, Serialize};

use crate::domain::{Language, Role};
use crate::store::{Conn, Result};

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Audience {
    /// Everyone who has started the bot and not blocked it.
    Everyone,
    Role(Role),
    /// Registered people of one village (any letter case).
    Village(String),
    /// People whose bot language is this one.
    Language(Language),
    /// People with a seat on a training.
    Training(i64),
}

impl Audience {
    /// A `SELECT id, language` of the active recipients, and its parameters. The SQL is made
    /// of fixed pieces only; every value goes in as a parameter.
    pub fn recipients_sql(&self) -> (String, Vec<String>) {
        const ACTIVE: &str = "SELECT id, language FROM users WHERE status = 'active'";
        const REGISTERED: &str = "SELECT u.id AS id, u.language AS language FROM users u \
                                  JOIN profiles p ON p.user_id = u.id WHERE u.status = 'active'";
        match self {
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

    pub async fn count(&self, conn: &mut Conn) -> Result<i64> {
        let (sql, binds) = self.recipients_sql();
        let sql = format!("SELECT count(*) FROM ({sql})");
        let mut query = sqlx::query_scalar(&sql);
        for value in &binds {
            query = query.bind(value);
        }
        Ok(query.fetch_one(conn).await?)
    }

    /// The Fluent message naming the audience.
    pub fn describe(&self) -> crate::engine::Msg {
        use crate::engine::Msg;
        match self {
            Audience::Everyone => Msg::new("broadcast-audience-everyone"),
            Audience::Role(r) => Msg::new(format!("broadcast-audience-{}", r.code())),
            Audience::Village(v) => {
                Msg::new("broadcast-audience-village-named").arg("village", v.as_str())
            }
            Audience::Language(l) => Msg::new(format!("broadcast-audience-lang-{}", l.code())),
            Audience::Training(id) => {
                Msg::new("broadcast-audience-training-named").arg("number", *id)
            }
        }
    }
}
