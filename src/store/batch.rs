//! Several statements sent to SQLite as one query.
//!
//! sqlx runs each SQLite connection on a thread of its own, and every query is a round trip to
//! that thread: two thread switches at least, and four for sqlx's own `BEGIN` and `COMMIT`,
//! which wait for an acknowledgement. On the engine's and the sender's hot paths those
//! switches, not SQLite, were most of the time an update took. A batch carries the statements
//! that need no answer in between (the conversation state, the replies and the `COMMIT` that
//! end an update) in one round trip. SQLite runs them in order and stops at the first error.
//!
//! Parameters are numbered (`?1`, `?2`…) across the whole batch. A unit of work
//! ([`super::work::Tx`]) prepends its `BEGIN` to the first batch it sends and appends its
//! `COMMIT` to the last.

use sqlx::{Arguments, Encode, Sqlite, Type, sqlite::SqliteArguments};

use sqlx::SqliteConnection;

use super::Result;

/// SQLite allows 32,766 parameters in a query; a batch that grows past this many is sent and
/// a new one begun (see [`Batch::is_large`]).
const PARAMETERS_PER_QUERY: usize = 30_000;

#[derive(Default)]
pub struct Batch<'q> {
    sql: String,
    args: SqliteArguments<'q>,
    /// A value that could not be encoded; the batch then fails when sent.
    unencodable: Option<String>,
}

impl<'q> Batch<'q> {
    pub fn new() -> Batch<'q> {
        Batch::default()
    }

    /// Adds `value` as the next parameter and returns how to name it in the SQL (`?N`).
    pub fn param<T>(&mut self, value: T) -> String
    where
        T: Encode<'q, Sqlite> + Type<Sqlite> + 'q,
    {
        if let Err(error) = self.args.add(value) {
            self.unencodable.get_or_insert_with(|| error.to_string());
        }
        format!("?{}", self.args.len())
    }

    /// Appends SQL text; a statement ends with `;`.
    pub fn sql(&mut self, text: &str) {
        self.sql.push_str(text);
    }

    /// Puts SQL text (without parameters) before everything gathered so far.
    pub fn prepend_sql(&mut self, text: &str) {
        self.sql.insert_str(0, text);
    }

    pub fn is_empty(&self) -> bool {
        self.sql.trim().is_empty()
    }

    /// Holds so many parameters that it should be sent before more are added.
    pub fn is_large(&self) -> bool {
        self.args.len() >= PARAMETERS_PER_QUERY
    }

    /// Runs every statement, in order, and returns the rows they give. Only a unit of work
    /// ([`Tx::run`](super::work::Tx::run)) sends a batch, inside its transaction.
    pub(super) async fn fetch_all(
        self,
        conn: &mut SqliteConnection,
    ) -> Result<Vec<sqlx::sqlite::SqliteRow>> {
        if let Some(error) = self.unencodable {
            return Err(sqlx::Error::Encode(error.into()).into());
        }
        Ok(sqlx::query_with(&self.sql, self.args)
            .fetch_all(&mut *conn)
            .await?)
    }
}
