//! The rows a test starts from, written straight into the bot's database as a migration from
//! another system would: people who have written to the bot, registered profiles, trainings
//! and sign-ups. One place, so that a change of schema is mended once.

#![allow(dead_code)]

use sqlx::SqlitePool;

/// Someone who has written to the bot (first and last seen `at`), unless they already have.
pub async fn user(pool: &SqlitePool, id: i64, language: &str, at: i64) {
    sqlx::query(
        "INSERT INTO users (id, language, first_seen, last_seen) VALUES (?1, ?2, ?3, ?3)
         ON CONFLICT DO NOTHING",
    )
    .bind(id)
    .bind(language)
    .bind(at)
    .execute(pool)
    .await
    .unwrap();
}

/// Users `first..=last`, Indonesian speakers, in one statement (for tens of thousands).
pub async fn many_users(pool: &SqlitePool, first: i64, last: i64) {
    sqlx::query(
        "WITH RECURSIVE seq(x) AS (SELECT ?1 UNION ALL SELECT x + 1 FROM seq WHERE x < ?2)
         INSERT INTO users (id, language, first_seen, last_seen) SELECT x, 'id', 0, 0 FROM seq",
    )
    .bind(first)
    .bind(last)
    .execute(pool)
    .await
    .unwrap();
}

/// A registered person's profile, as registration writes it.
#[derive(Clone, Copy, Debug)]
pub struct Profile<'a> {
    pub role: &'a str,
    pub name: &'a str,
    pub phone: &'a str,
    pub village: &'a str,
    pub district: &'a str,
    /// The village's code (Kenanga, Sindang, Indramayu by default); `None` as for someone who
    /// typed their village before villages were a list.
    pub village_code: Option<i64>,
    /// Comma-separated interest codes.
    pub interests: &'a str,
    pub registered_at: i64,
}

impl Default for Profile<'_> {
    fn default() -> Self {
        Profile {
            role: "returnee",
            name: "Siti Aminah",
            phone: "+6281234567890",
            village: "Kenanga",
            district: "Indramayu",
            village_code: Some(KENANGA),
            interests: "",
            registered_at: 0,
        }
    }
}

/// A registered person: the user (if new) and their profile.
pub async fn registered(pool: &SqlitePool, id: i64, language: &str, profile: &Profile<'_>) {
    user(pool, id, language, profile.registered_at).await;
    sqlx::query(
        "INSERT INTO profiles (user_id, role, full_name, phone, village, district, interests,
                               registered_at, updated_at, village_code)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?8, ?9)",
    )
    .bind(id)
    .bind(profile.role)
    .bind(profile.name)
    .bind(profile.phone)
    .bind(profile.village)
    .bind(profile.district)
    .bind(profile.interests)
    .bind(profile.registered_at)
    .bind(profile.village_code)
    .execute(pool)
    .await
    .unwrap();
}

/// Kenanga, Sindang, Indramayu: 32.12.16.2004.
pub const KENANGA: i64 = 3_212_162_004;

/// An open business training, numbered `id`, starting at `starts_at` (Unix seconds).
pub async fn training(pool: &SqlitePool, id: i64, title: &str, starts_at: i64, capacity: i64) {
    sqlx::query(
        "INSERT INTO trainings (id, title_id, title_en, category, starts_at, location, capacity,
                                description_id, description_en, created_at, updated_at)
         VALUES (?1, ?2, 'Business training', 'business', ?3, 'Balai desa', ?4,
                 'Belajar usaha bersama.', 'Learning business together.', 0, 0)",
    )
    .bind(id)
    .bind(title)
    .bind(starts_at)
    .bind(capacity)
    .execute(pool)
    .await
    .unwrap();
}

/// The training's area: 0 the country, a regency's or a village's code.
pub async fn training_area(pool: &SqlitePool, id: i64, area: i64) {
    sqlx::query("UPDATE trainings SET area = ? WHERE id = ?")
        .bind(area)
        .bind(id)
        .execute(pool)
        .await
        .unwrap();
}

/// A seat (`booked`) or a place on the waitlist (`waiting`).
pub async fn sign_up(pool: &SqlitePool, training: i64, user: i64, status: &str) {
    sqlx::query(
        "INSERT INTO training_signups (training_id, user_id, status, signed_up_at)
         VALUES (?, ?, ?, 0)",
    )
    .bind(training)
    .bind(user)
    .bind(status)
    .execute(pool)
    .await
    .unwrap();
}

/// An officer's announcement to everyone, in Indonesian, due at `send_at` (Unix seconds).
pub async fn announcement_to_everyone(pool: &SqlitePool, officer: i64, text: &str, send_at: i64) {
    sqlx::query(
        "INSERT INTO broadcasts (officer_id, text_id, audience, status, send_at, created_at)
         VALUES (?, ?, '\"everyone\"', 'scheduled', ?, 0)",
    )
    .bind(officer)
    .bind(text)
    .bind(send_at)
    .execute(pool)
    .await
    .unwrap();
}
