//! The hooks other features call (registration, erasure, /mydata), driven inside a real turn
//! over a real database file.

use std::{collections::BTreeSet, sync::Arc};

use chrono::{DateTime, TimeZone, Utc};
use sqlx::SqlitePool;

use super::{TrainingAction, after_registration, export, on_erase};
use crate::domain::Language;
use crate::engine::{Action, Engine, Input, ManualClock, Reply, Settings, turn::Turn};
use crate::store::{self, outbox::Priority, users};

fn now() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 12, 1, 3, 0, 0).unwrap()
}

fn settings() -> Settings {
    Settings {
        admins: BTreeSet::new(),
        admin_chat_id: None,
        default_language: Language::Id,
        timezone: chrono_tz::Asia::Jakarta,
        bot_username: None,
        reminder_offsets: Vec::new(),
        broadcast_rate: 25,
    }
}

struct Fixture {
    engine: Engine,
    pool: SqlitePool,
    training_id: i64,
    _dir: tempfile::TempDir,
}

/// A database with one training of `capacity` seats.
async fn fixture(capacity: u32) -> Fixture {
    let dir = tempfile::tempdir().unwrap();
    let pool = store::open(&format!("sqlite://{}", dir.path().join("t.db").display()))
        .await
        .unwrap();
    let engine = Engine::new(pool.clone(), settings(), Arc::new(ManualClock::new(now())));
    let csv = format!(
        "title_id,title_en,category,starts_at,location,capacity,description_id,description_en\n\
         Wirausaha,Entrepreneurship,business,2026-12-05 09:00,Balai Desa,{capacity},Belajar usaha kecil.,Learn small business.\n"
    );
    let mut conn = pool.acquire().await.unwrap();
    let ids = super::import_csv(&mut conn, csv.as_bytes(), chrono_tz::Asia::Jakarta, now())
        .await
        .unwrap()
        .unwrap();
    drop(conn);
    Fixture {
        engine,
        pool,
        training_id: ids[0],
        _dir: dir,
    }
}

impl Fixture {
    async fn press(&self, user: i64, action: TrainingAction) -> Vec<Reply> {
        self.engine
            .handle(Input::button(
                user,
                Some(1),
                &Action::Training(action).encode(),
            ))
            .await
            .unwrap()
            .replies
    }

    async fn register(&self, user: i64) {
        sqlx::query(
            "INSERT INTO users (id, language, first_seen, last_seen) VALUES (?, 'id', 0, 0) ON CONFLICT DO NOTHING",
        )
        .bind(user)
        .execute(&self.pool)
        .await
        .unwrap();
        sqlx::query(
            "INSERT INTO profiles (user_id, role, full_name, phone, village, district, registered_at, updated_at)
             VALUES (?, 'returnee', 'Siti Aminah', '+6281234567890', 'Kenanga', 'Indramayu', 0, 0)",
        )
        .bind(user)
        .execute(&self.pool)
        .await
        .unwrap();
    }

    /// Runs `step` inside a turn of `user`'s, committed, and returns the turn's replies.
    async fn in_turn(&self, user: i64, step: Step) -> Vec<Reply> {
        let settings = settings();
        let mut tx = self.pool.begin().await.unwrap();
        let input = Input::text(user, "/menu");
        let mut turn = Turn::begin(&mut tx, &settings, &input, now())
            .await
            .unwrap();
        match step {
            Step::AfterRegistration => after_registration(&mut turn).await.unwrap(),
            Step::Erase => {
                on_erase(&mut turn, user).await.unwrap();
                users::erase(turn.conn, user).await.unwrap();
            }
        }
        let finished = turn.finish().await.unwrap();
        tx.commit().await.unwrap();
        finished.replies
    }

    async fn status_of(&self, user: i64) -> Option<String> {
        sqlx::query_scalar("SELECT status FROM training_signups WHERE user_id = ?")
            .bind(user)
            .fetch_optional(&self.pool)
            .await
            .unwrap()
    }
}

enum Step {
    AfterRegistration,
    Erase,
}

fn ids(replies: &[Reply]) -> Vec<&str> {
    replies.iter().flat_map(|r| r.text_ids()).collect()
}

#[tokio::test]
async fn registration_leads_back_to_the_training_the_user_wanted_once() {
    let f = fixture(5).await;
    let replies = f.press(1, TrainingAction::Join(f.training_id)).await;
    assert!(ids(&replies).contains(&"training-register-first"));
    f.register(1).await;

    let back = f.in_turn(1, Step::AfterRegistration).await;
    assert_eq!(ids(&back)[0], "training-after-registration");
    let join = Action::Training(TrainingAction::Join(f.training_id));
    assert!(
        back.iter()
            .flat_map(|r| r.keyboard().rows().iter().flatten())
            .any(|b| b.target == crate::engine::Target::Action(join.clone()))
    );

    assert!(
        f.in_turn(1, Step::AfterRegistration).await.is_empty(),
        "the wish is used up"
    );
    assert!(
        f.in_turn(2, Step::AfterRegistration).await.is_empty(),
        "nobody else had one"
    );
}

#[tokio::test]
async fn erasing_a_user_gives_their_seat_to_the_first_person_waiting() {
    let f = fixture(1).await;
    for user in [1, 2, 3] {
        f.register(user).await;
        f.press(user, TrainingAction::Join(f.training_id)).await;
    }
    sqlx::query("UPDATE users SET language = 'en' WHERE id = 2")
        .execute(&f.pool)
        .await
        .unwrap();
    assert_eq!(f.status_of(1).await.as_deref(), Some("booked"));

    let replies = f.in_turn(1, Step::Erase).await;
    let told: Vec<&Reply> = replies.iter().filter(|r| r.chat_id == 2).collect();
    assert_eq!(told.len(), 1);
    assert_eq!(told[0].text_ids(), ["training-promoted"]);
    assert_eq!(
        (told[0].lang, told[0].priority),
        (Language::En, Priority::Bulk)
    );
    assert_eq!(f.status_of(1).await, None);
    assert_eq!(f.status_of(2).await.as_deref(), Some("booked"));
    assert_eq!(f.status_of(3).await.as_deref(), Some("waiting"));
}

#[tokio::test]
async fn the_data_export_lists_sign_ups_and_the_wish() {
    let f = fixture(1).await;
    f.register(1).await;
    f.press(1, TrainingAction::Join(f.training_id)).await;
    f.press(2, TrainingAction::Join(f.training_id)).await;
    let mut conn = f.pool.acquire().await.unwrap();

    let booked = export(&mut conn, 1).await.unwrap();
    assert_eq!(booked["sign_ups"][0]["status"], "booked");
    assert_eq!(booked["sign_ups"][0]["title_en"], "Entrepreneurship");
    assert_eq!(
        booked["sign_ups"][0]["starts_at"],
        "2026-12-05T02:00:00+00:00"
    );
    assert!(booked["wanted_before_registering"].is_null());

    let wished = export(&mut conn, 2).await.unwrap();
    assert_eq!(wished["sign_ups"].as_array().map(Vec::len), Some(0));
    assert_eq!(
        wished["wanted_before_registering"]["training_id"],
        f.training_id
    );
}
