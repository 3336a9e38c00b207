//! Several statements sent to SQLite as one query.
//!
//! sqlx runs each SQLite connection on a thread of its own, and every query is a round trip to
//! that thread: two thread switches at least, and four for sqlx's own `BEGIN` and `COMMIT`,
//! which wait for an acknowledgement. On the engine's and the sender's hot paths those
//! switches, not SQLite, were most of the time an update took. A batch carries the statements
//! that need no answer in between (the conversation state, the replies and the `COMMIT` that
//! end an update) in one round trip. SQLite runs them in order and stops at the first error.
//!
//! Parameters are numbered (`?1`, `?2`…) across the whole batch.

use sqlx::{Arguments, Encode, Sqlite, Type, sqlite::SqliteArguments};

use super::{Conn, Result};

/// SQLite allows 32,766 parameters in a query; a batch that grows past this many is sent and
/// a new one begun (`Batch::send_if_large`).
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

    /// Runs every statement, in order.
    pub async fn send(self, conn: &mut Conn) -> Result<()> {
        if !self.sql.trim().is_empty() {
            self.fetch_all(conn).await?;
        }
        Ok(())
    }

    /// Runs every statement, in order, and returns the rows they give.
    pub async fn fetch_all(self, conn: &mut Conn) -> Result<Vec<sqlx::sqlite::SqliteRow>> {
        if let Some(error) = self.unencodable {
            return Err(sqlx::Error::Encode(error.into()).into());
        }
        Ok(sqlx::query_with(&self.sql, self.args)
            .fetch_all(&mut *conn)
            .await?)
    }

    /// Runs every statement and then commits the write transaction they are part of.
    pub async fn commit(mut self, conn: &mut Conn) -> Result<()> {
        self.sql("COMMIT;");
        self.send(conn).await
    }

    /// Sends what is gathered once it holds many parameters, and goes on with an empty batch.
    pub async fn send_if_large(&mut self, conn: &mut Conn) -> Result<()> {
        if self.args.len() >= PARAMETERS_PER_QUERY {
            std::mem::take(self).send(conn).await?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use sqlx::pool::PoolConnection;

    use crate::store::{KeptConnection, open, roll_back};

    async fn file_pool() -> (tempfile::TempDir, sqlx::SqlitePool) {
        let dir = tempfile::tempdir().unwrap();
        let url = format!("sqlite://{}", dir.path().join("t.db").display());
        let pool = open(&url).await.unwrap();
        sqlx::query("CREATE TABLE t (n INTEGER NOT NULL, s TEXT NOT NULL)")
            .execute(&pool)
            .await
            .unwrap();
        (dir, pool)
    }

    async fn rows(pool: &sqlx::SqlitePool) -> Vec<(i64, String)> {
        sqlx::query_as("SELECT n, s FROM t ORDER BY n")
            .fetch_all(pool)
            .await
            .unwrap()
    }

    /// A connection of a fresh database, inside a write transaction.
    async fn begun() -> (
        tempfile::TempDir,
        sqlx::SqlitePool,
        PoolConnection<sqlx::Sqlite>,
    ) {
        let (dir, pool) = file_pool().await;
        let mut conn = pool.acquire().await.unwrap();
        run(&mut conn, "BEGIN IMMEDIATE").await;
        (dir, pool, conn)
    }

    async fn run(conn: &mut Conn, sql: &str) {
        sqlx::query(sql).execute(&mut *conn).await.unwrap();
    }

    fn insert(batch: &mut Batch<'_>, n: i64, s: &'static str) {
        let sql = format!(
            "INSERT INTO t (n, s) VALUES ({}, {});",
            batch.param(n),
            batch.param(s)
        );
        batch.sql(&sql);
    }

    #[tokio::test]
    async fn statements_run_in_order_with_parameters_numbered_across_them() {
        let (_dir, pool, mut conn) = begun().await;
        let mut batch = Batch::new();
        insert(&mut batch, 1, "satu");
        insert(&mut batch, 2, "dua");
        insert(&mut batch, 3, "tiga");
        batch.commit(&mut conn).await.unwrap();
        assert_eq!(
            rows(&pool).await,
            vec![(1, "satu".into()), (2, "dua".into()), (3, "tiga".into())]
        );
    }

    #[tokio::test]
    async fn a_failing_statement_stops_the_batch_and_the_rollback_undoes_the_rest() {
        let (_dir, pool, mut conn) = begun().await;
        let mut batch = Batch::new();
        insert(&mut batch, 1, "satu");
        batch.sql("INSERT INTO t (n, s) VALUES (2, NULL);");
        insert(&mut batch, 3, "tiga");
        assert!(batch.commit(&mut conn).await.is_err());
        roll_back(&mut conn).await.unwrap();
        assert_eq!(rows(&pool).await, vec![]);
        // Nothing is open any more: a second rollback is harmless.
        roll_back(&mut conn).await.unwrap();
    }

    #[tokio::test]
    async fn a_transaction_left_open_never_reaches_the_next_user() {
        let (_dir, pool) = file_pool().await;
        let mut kept = KeptConnection::new(&pool);

        // A user cancelled halfway through its transaction (it never calls `done`).
        let conn = kept.get(&pool).await.unwrap();
        run(
            conn,
            "BEGIN IMMEDIATE; INSERT INTO t (n, s) VALUES (1, 'lost')",
        )
        .await;
        // The next one starts clean: the half-done write is gone and its own commits.
        let conn = kept.get(&pool).await.unwrap();
        run(
            conn,
            "BEGIN IMMEDIATE; INSERT INTO t (n, s) VALUES (2, 'kept'); COMMIT",
        )
        .await;
        kept.done(true).await;
        assert_eq!(rows(&pool).await, vec![(2, "kept".into())]);

        // A failed transaction is rolled back before the connection goes back to the pool:
        // another connection can write at once.
        let conn = kept.get(&pool).await.unwrap();
        run(
            conn,
            "BEGIN IMMEDIATE; INSERT INTO t (n, s) VALUES (3, 'failed')",
        )
        .await;
        kept.done(false).await;
        let mut other = pool.acquire().await.unwrap();
        run(
            &mut other,
            "BEGIN IMMEDIATE; INSERT INTO t (n, s) VALUES (4, 'other'); COMMIT",
        )
        .await;
        drop(other);
        assert_eq!(
            rows(&pool).await,
            vec![(2, "kept".into()), (4, "other".into())]
        );

        // Dropped halfway: the connection is closed, which rolls back, rather than returned.
        let conn = kept.get(&pool).await.unwrap();
        run(
            conn,
            "BEGIN IMMEDIATE; INSERT INTO t (n, s) VALUES (5, 'dropped')",
        )
        .await;
        drop(kept);
        let mut after = pool.acquire().await.unwrap();
        run(
            &mut after,
            "BEGIN IMMEDIATE; INSERT INTO t (n, s) VALUES (6, 'after'); COMMIT",
        )
        .await;
        drop(after);
        assert_eq!(
            rows(&pool).await,
            vec![(2, "kept".into()), (4, "other".into()), (6, "after".into())]
        );
    }
}
