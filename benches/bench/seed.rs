//! Registered users, made fast: one transaction of `INSERT … SELECT` over a counting CTE.

use std::time::{Duration, Instant};

use sqlx::SqlitePool;

/// Seeded users have ids `1..=count`.
pub const FIRST_SEEDED: i64 = 1;

/// 2026-12-01, as Unix seconds.
const SEEN: i64 = 1_764_550_800;

const SEQ: &str =
    "WITH RECURSIVE seq(x) AS (SELECT ?1 UNION ALL SELECT x + 1 FROM seq WHERE x < ?2)";

/// Adds `count` registered returnees (user, consent, profile) with ids from 1; every fifth
/// speaks English. Names are letters only, phones valid, so every row reads back.
pub async fn registered(pool: &SqlitePool, count: i64) -> Duration {
    let started = Instant::now();
    let last = FIRST_SEEDED + count - 1;
    let mut tx = pool.begin().await.expect("seed transaction");
    let statements = [
        format!(
            "{SEQ} INSERT INTO users (id, language, language_chosen, first_seen, last_seen)
             SELECT x, CASE WHEN x % 5 = 0 THEN 'en' ELSE 'id' END, 1, {SEEN}, {SEEN} FROM seq"
        ),
        format!(
            "{SEQ} INSERT INTO consents (user_id, version, given_at)
             SELECT x, '{}', {SEEN} FROM seq",
            desmigratif::engine::registration::CONSENT_VERSION
        ),
        format!(
            "{SEQ} INSERT INTO profiles (user_id, role, full_name, phone, village, district, country,
                 years_abroad, sector, interests, registered_at, updated_at, village_code)
             SELECT x, 'returnee',
                 'Warga ' || char(65 + x % 26) || char(97 + (x / 26) % 26) || char(97 + (x / 676) % 26),
                 '+62812' || printf('%08d', x), 'Kenanga', 'Indramayu', 'tw', 1 + x % 10, 'care',
                 'business,coop', {SEEN}, {SEEN}, 3212162004
             FROM seq"
        ),
    ];
    for sql in &statements {
        sqlx::query(sql)
            .bind(FIRST_SEEDED)
            .bind(last)
            .execute(&mut *tx)
            .await
            .expect("seed users");
    }
    tx.commit().await.expect("seed commit");
    // Start the measurement from a database as it would be after a quiet night: the log
    // folded into the file.
    sqlx::query("PRAGMA wal_checkpoint(TRUNCATE)")
        .execute(pool)
        .await
        .expect("checkpoint");
    started.elapsed()
}

/// How many trainings the database offers (ids `1..=TRAININGS`), and the seats each has: few
/// enough that the busiest fill up during a run and later sign-ups go on the waitlist.
pub const TRAININGS: i64 = 6;
pub const SEATS: i64 = 60;

/// Adds [`TRAININGS`] open trainings, starting two to seven weeks after `now` (Unix seconds).
pub async fn trainings(pool: &SqlitePool, now: i64) {
    for id in 1..=TRAININGS {
        sqlx::query(
            "INSERT INTO trainings (id, title_id, title_en, category, starts_at, location, capacity,
                 description_id, description_en, created_at, updated_at)
             VALUES (?1, 'Pelatihan ' || ?1, 'Training ' || ?1, 'business', ?2, 'Balai desa', ?3,
                 'Belajar usaha bersama.', 'Learning business together.', ?4, ?4)",
        )
        .bind(id)
        .bind(now + (7 + 7 * id) * 86_400)
        .bind(SEATS)
        .bind(now)
        .execute(pool)
        .await
        .expect("seed trainings");
    }
}

/// A fresh database file with `count` registered users and the trainings; returns its URL.
pub async fn database(dir: &std::path::Path, count: i64) -> String {
    let url = format!("sqlite://{}", dir.join("bot.db").display());
    // The bot's schema, then rows written straight in, as a migration from another system would.
    desmigratif::store::open(&url)
        .await
        .expect("open database")
        .close()
        .await;
    let pool = sqlx::SqlitePool::connect(&url)
        .await
        .expect("open database");
    let took = registered(&pool, count).await;
    trainings(&pool, chrono::Utc::now().timestamp()).await;
    println!(
        "  seeded {count} registered users in {:.1} s",
        took.as_secs_f64()
    );
    pool.close().await;
    url
}

/// Adds `count` questions from the first `people` seeded users (the x-th from user
/// `1 + (x * stride) % people`), asked at `since + x`: one in ten open, one in 500 an urgent
/// case in Malaysia, the rest answered a minute later; each with what was asked.
pub async fn questions(pool: &SqlitePool, count: i64, people: i64, stride: i64, since: i64) {
    sqlx::query(
        "WITH RECURSIVE seq(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM seq WHERE x < ?1)
         INSERT INTO questions (user_id, status, round, asked_at, opened_at, answered_at,
                                village_code, level, level_since, urgent_place, notified_at)
         SELECT 1 + (x * ?3) % ?2, CASE WHEN x % 10 = 0 THEN 'open' ELSE 'answered' END, 1,
                ?4 + x, ?4 + x, CASE WHEN x % 10 = 0 THEN NULL ELSE ?4 + x + 60 END,
                3212162004, 'village', ?4 + x, CASE WHEN x % 500 = 0 THEN 'malaysia' END, ?4 + x
         FROM seq",
    )
    .bind(count)
    .bind(people)
    .bind(stride)
    .bind(since)
    .execute(pool)
    .await
    .expect("seed questions");
    sqlx::query(
        "INSERT INTO question_entries (question_id, round, author, text, created_at)
         SELECT id, 1, 'user', 'Suami saya di Malaysia belum digaji, harus lapor ke mana? ' || id,
                asked_at
         FROM questions",
    )
    .execute(pool)
    .await
    .expect("seed what was asked");
}
