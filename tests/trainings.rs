//! Trainings: the catalogue, signing up, the waitlist, seats under a rush, reminders, and the
//! officers' tools (writing, importing, changing, closing, cancelling, participant lists).

#[path = "support/harness.rs"]
mod harness;
#[path = "support/seed.rs"]
mod seed;

use std::sync::Arc;

use chrono::{TimeZone, Utc};
use desmigratif::{
    domain::{Category, Language},
    engine::{
        Action, Arg, Engine, Event, Input, Msg, Reply, ReplyKind, State,
        officer::ExportAction,
        trainings::{Field, TrainingAction, TrainingState},
    },
    i18n::Locales,
    store::{self, export::Table, outbox::Priority},
};
use harness::*;

const HEADER: &str =
    "title_id,title_en,category,starts_at,location,capacity,description_id,description_en";
/// Saturday 2026-12-05 09:00 in Jakarta is 02:00 UTC.
const SATURDAY_9: &str = "2026-12-05 09:00";
const SATURDAY_9_UTC: i64 = 1_796_436_000;

fn tr(action: TrainingAction) -> Action {
    Action::Training(action)
}

fn row(title: &str, start: &str, capacity: u32) -> String {
    format!(
        "{title},{title} (EN),business,{start},Balai Desa Kenanga,{capacity},\"Belajar bersama, langkah demi langkah.\",Learning together step by step."
    )
}

/// A training as an officer's spreadsheet would bring it in.
async fn training(h: &Harness, title: &str, start: &str, capacity: u32) -> i64 {
    let csv = format!("{HEADER}\n{}\n", row(title, start, capacity));
    h.engine
        .import_trainings(csv.as_bytes())
        .await
        .unwrap()
        .unwrap()[0]
}

/// A user who has completed registration (the profile row registration writes).
async fn register(h: &Harness, user: i64) {
    seed::registered(&h.pool, user, "id", &seed::Profile::default()).await;
}

async fn set_language(h: &Harness, user: i64, lang: &str) {
    sqlx::query("UPDATE users SET language = ?, language_chosen = 1 WHERE id = ?")
        .bind(lang)
        .bind(user)
        .execute(&h.pool)
        .await
        .unwrap();
}

async fn signup_status(h: &Harness, training: i64, user: i64) -> Option<String> {
    sqlx::query_scalar("SELECT status FROM training_signups WHERE training_id = ? AND user_id = ?")
        .bind(training)
        .bind(user)
        .fetch_optional(&h.pool)
        .await
        .unwrap()
}

async fn state_of(h: &Harness, user: i64) -> State {
    let json: Option<String> =
        sqlx::query_scalar("SELECT state FROM conversations WHERE user_id = ?")
            .bind(user)
            .fetch_optional(&h.pool)
            .await
            .unwrap();
    json.map_or(State::Idle, |j| serde_json::from_str(&j).unwrap())
}

async fn training_state(h: &Harness, user: i64) -> Option<TrainingState> {
    match state_of(h, user).await {
        State::Training(state) => Some(*state),
        _ => None,
    }
}

fn messages(replies: &[Reply]) -> Vec<&Msg> {
    replies
        .iter()
        .flat_map(|r| match &r.kind {
            ReplyKind::Message { text, .. } | ReplyKind::Edit { text, .. } => text.iter().collect(),
            ReplyKind::Document { caption, .. } => caption.iter().collect(),
            _ => Vec::new(),
        })
        .collect()
}

/// The value of argument `name` of the first message `id` in the replies.
fn arg(replies: &[Reply], id: &str, name: &str) -> Option<Arg> {
    messages(replies)
        .into_iter()
        .find(|m| m.id == id)
        .and_then(|m| {
            m.args
                .iter()
                .find(|(n, _)| n == name)
                .map(|(_, v)| v.clone())
        })
}

fn replies_to(replies: &[Reply], chat: i64) -> Vec<Reply> {
    replies
        .iter()
        .filter(|r| r.chat_id == chat)
        .cloned()
        .collect()
}

fn opens(replies: &[Reply]) -> usize {
    actions(replies)
        .iter()
        .filter(|a| matches!(a, Action::Training(TrainingAction::Open(_))))
        .count()
}

fn document(name: &str, content: Option<&[u8]>, size: u64) -> Event {
    Event::Document {
        file_id: "file".into(),
        file_name: Some(name.into()),
        mime_type: None,
        size,
        content: content.map(<[u8]>::to_vec),
    }
}

fn csv_document(text: &str) -> Event {
    document("pelatihan.csv", Some(text.as_bytes()), text.len() as u64)
}

fn document_content(replies: &[Reply]) -> Option<(String, String)> {
    replies.iter().find_map(|r| match &r.kind {
        ReplyKind::Document {
            file_name, content, ..
        } => Some((file_name.clone(), content.clone())),
        _ => None,
    })
}

// The catalogue

#[tokio::test]
async fn the_list_shows_upcoming_open_trainings_with_seats_left_page_by_page() {
    let mut h = Harness::new().await;
    for day in 2..=9 {
        training(
            &h,
            &format!("Pelatihan {day}"),
            &format!("2026-12-{day:02} 09:00"),
            10,
        )
        .await;
    }
    let replies = h.say(1, "/pelatihan").await;
    assert_eq!(ids(&replies)[0], "training-list-title");
    assert_eq!(
        arg(&replies, "training-list-title", "pages"),
        Some(Arg::Number(2))
    );
    assert_eq!(opens(&replies), 6);
    assert_eq!(
        arg(&replies, "training-list-item", "seats"),
        Some(Arg::Msg(Box::new(
            Msg::new("training-list-seats").arg("left", 10_i64)
        )))
    );
    assert!(actions(&replies).contains(&tr(TrainingAction::List { page: 2 })));
    assert!(actions(&replies).contains(&tr(TrainingAction::Mine)));
    assert!(actions(&replies).contains(&Action::Menu), "a way back");

    let second = h.press(1, &tr(TrainingAction::List { page: 2 })).await;
    assert_eq!(callback_answers(&second), 1);
    assert_eq!(opens(&second), 2);
    assert!(actions(&second).contains(&tr(TrainingAction::List { page: 1 })));
    // A page past the end (an old button after trainings went by) shows the last page.
    assert_eq!(
        opens(&h.press(1, &tr(TrainingAction::List { page: 40 })).await),
        2
    );
}

#[tokio::test]
async fn both_command_names_and_the_main_menu_open_the_list() {
    let mut h = Harness::new().await;
    training(&h, "Wirausaha", SATURDAY_9, 10).await;
    for command in [
        "/trainings",
        "/pelatihan",
        "/PELATIHAN@desmigratif_test_bot",
    ] {
        assert_eq!(opens(&h.say(1, command).await), 1, "{command}");
    }
    let menu = h.say(1, "/menu").await;
    assert!(actions(&menu).contains(&tr(TrainingAction::List { page: 1 })));
    assert!(button_ids(&menu).contains(&"menu-button-trainings".to_owned()));
}

#[tokio::test]
async fn an_empty_catalogue_says_so_with_a_way_back() {
    let mut h = Harness::new().await;
    let replies = h.say(1, "/pelatihan").await;
    assert_eq!(ids(&replies), ["training-list-empty"]);
    assert!(actions(&replies).contains(&Action::Menu));
}

#[tokio::test]
async fn the_detail_shows_the_training_in_the_readers_language_and_time_zone() {
    let mut h = Harness::new().await;
    let id = training(&h, "Wirausaha", SATURDAY_9, 10).await;
    let replies = h.press(1, &tr(TrainingAction::Open(id))).await;
    assert_eq!(
        arg(&replies, "training-detail", "time"),
        Some(Arg::Time(SATURDAY_9_UTC))
    );
    assert!(actions(&replies).contains(&tr(TrainingAction::Join(id))));
    assert!(button_ids(&replies).contains(&"training-button-sign-up".to_owned()));
    let detail = replies
        .iter()
        .find(|r| r.text_ids().contains(&"training-detail"))
        .unwrap();
    let text = h.text(detail);
    assert!(
        text.contains("Sabtu, 5 Desember 2026 pukul 09.00 WIB"),
        "{text}"
    );
    assert!(
        text.contains("Wirausaha") && text.contains("Kewirausahaan"),
        "{text}"
    );

    h.say_in(2, "en", "/start").await;
    h.press(2, &Action::SetLanguage(Language::En)).await;
    let english = h.press(2, &tr(TrainingAction::Open(id))).await;
    let text = h.text(
        english
            .iter()
            .find(|r| r.text_ids().contains(&"training-detail"))
            .unwrap(),
    );
    assert!(
        text.contains("Saturday, 5 December 2026 at 09:00 WIB"),
        "{text}"
    );
    assert!(
        text.contains("Wirausaha (EN)") && text.contains("Entrepreneurship"),
        "{text}"
    );
}

#[tokio::test]
async fn a_poster_link_opens_the_training() {
    let mut h = Harness::new().await;
    let id = training(&h, "Wirausaha", SATURDAY_9, 10).await;
    // First contact: the welcome and language choice, then the training.
    let first = h.say(1, &format!("/start training-{id}")).await;
    assert_eq!(ids(&first)[0], "welcome-first");
    assert!(actions(&first).contains(&Action::SetLanguage(Language::En)));
    assert!(has_id(&first, "training-detail"));
    h.press(1, &Action::SetLanguage(Language::Id)).await;
    assert_eq!(
        ids(&h.say(1, &format!("/start training-{id}")).await)[0],
        "training-detail"
    );
    assert_eq!(
        ids(&h.say(1, "/start training-999").await),
        ["training-not-found"]
    );
}

// Signing up

#[tokio::test]
async fn an_unregistered_user_is_sent_to_register_and_nothing_is_booked() {
    let mut h = Harness::new().await;
    let id = training(&h, "Wirausaha", SATURDAY_9, 10).await;
    let replies = h.press(1, &tr(TrainingAction::Join(id))).await;
    assert_eq!(callback_answers(&replies), 1);
    assert!(has_id(&replies, "training-register-first"));
    assert!(h.text(&replies[1]).contains("/daftar"));
    assert!(actions(&replies).contains(&Action::Menu));
    assert_eq!(h.count("SELECT count(*) FROM training_signups").await, 0);
    assert_eq!(
        h.count("SELECT count(*) FROM training_wishes WHERE user_id = 1")
            .await,
        1
    );
}

#[tokio::test]
async fn a_registered_user_signs_up_and_gets_a_confirmation() {
    let mut h = Harness::new().await;
    let id = training(&h, "Wirausaha", SATURDAY_9, 10).await;
    register(&h, 1).await;
    let replies = h.press(1, &tr(TrainingAction::Join(id))).await;
    assert_eq!(ids(&replies), ["training-signed-up"]);
    assert_eq!(
        arg(&replies, "training-signed-up", "time"),
        Some(Arg::Time(SATURDAY_9_UTC))
    );
    assert!(actions(&replies).contains(&tr(TrainingAction::Mine)));
    assert_eq!(signup_status(&h, id, 1).await.as_deref(), Some("booked"));

    // Pressing again (a double tap) books nothing more.
    let again = h.press(1, &tr(TrainingAction::Join(id))).await;
    assert_eq!(
        ids(&again)[..2],
        ["training-already-signed-up", "training-detail"]
    );
    assert!(has_id(&again, "training-you-booked"));
    assert!(actions(&again).contains(&tr(TrainingAction::Leave(id))));
    assert_eq!(h.count("SELECT count(*) FROM training_signups").await, 1);
}

#[tokio::test]
async fn a_full_training_offers_the_waitlist_in_order() {
    let mut h = Harness::new().await;
    let id = training(&h, "Wirausaha", SATURDAY_9, 1).await;
    for user in 1..=3 {
        register(&h, user).await;
    }
    h.press(1, &tr(TrainingAction::Join(id))).await;
    let detail = h.press(2, &tr(TrainingAction::Open(id))).await;
    assert!(has_id(&detail, "training-seats-full"));
    assert!(button_ids(&detail).contains(&"training-button-waitlist".to_owned()));

    let second = h.press(2, &tr(TrainingAction::Join(id))).await;
    assert_eq!(ids(&second), ["training-waitlisted"]);
    assert_eq!(
        arg(&second, "training-waitlisted", "position"),
        Some(Arg::Number(1))
    );
    assert!(actions(&second).contains(&tr(TrainingAction::Leave(id))));
    let third = h.press(3, &tr(TrainingAction::Join(id))).await;
    assert_eq!(
        arg(&third, "training-waitlisted", "position"),
        Some(Arg::Number(2))
    );
    assert_eq!(
        h.count("SELECT count(*) FROM training_signups WHERE status = 'booked'")
            .await,
        1
    );
}

#[tokio::test]
async fn a_freed_seat_goes_to_the_first_person_waiting_who_is_told_in_their_language() {
    let mut h = Harness::new().await;
    let id = training(&h, "Wirausaha", SATURDAY_9, 1).await;
    for user in 1..=3 {
        register(&h, user).await;
        h.press(user, &tr(TrainingAction::Join(id))).await;
    }
    set_language(&h, 2, "en").await;

    let ask = h.press(1, &tr(TrainingAction::Leave(id))).await;
    assert_eq!(ids(&ask), ["training-leave-seat-confirm"]);
    assert!(
        actions(&ask).contains(&tr(TrainingAction::Open(id))),
        "a way to keep the seat"
    );
    assert_eq!(
        signup_status(&h, id, 1).await.as_deref(),
        Some("booked"),
        "asking changes nothing"
    );

    let replies = h.press(1, &tr(TrainingAction::LeaveConfirmed(id))).await;
    assert!(has_id(&replies_to(&replies, 1), "training-left-seat"));
    let told = replies_to(&replies, 2);
    assert_eq!(ids(&told), ["training-promoted"]);
    assert_eq!(
        (told[0].lang, told[0].priority),
        (Language::En, Priority::Bulk)
    );
    assert!(h.text(&told[0]).contains("Wirausaha (EN)"));
    assert!(replies_to(&replies, 3).is_empty());
    assert_eq!(signup_status(&h, id, 1).await, None);
    assert_eq!(signup_status(&h, id, 2).await.as_deref(), Some("booked"));
    assert_eq!(signup_status(&h, id, 3).await.as_deref(), Some("waiting"));
    let third = h.press(3, &tr(TrainingAction::Open(id))).await;
    assert_eq!(
        arg(&third, "training-you-waiting", "position"),
        Some(Arg::Number(1))
    );

    // Confirming again (an old button) does nothing more.
    let again = h.press(1, &tr(TrainingAction::LeaveConfirmed(id))).await;
    assert!(has_id(&again, "training-not-signed-up"));
    assert_eq!(signup_status(&h, id, 3).await.as_deref(), Some("waiting"));
}

#[tokio::test]
async fn leaving_the_waitlist_moves_the_others_up() {
    let mut h = Harness::new().await;
    let id = training(&h, "Wirausaha", SATURDAY_9, 1).await;
    for user in 1..=3 {
        register(&h, user).await;
        h.press(user, &tr(TrainingAction::Join(id))).await;
    }
    assert_eq!(
        ids(&h.press(2, &tr(TrainingAction::Leave(id))).await),
        ["training-leave-waitlist-confirm"]
    );
    let replies = h.press(2, &tr(TrainingAction::LeaveConfirmed(id))).await;
    assert_eq!(ids(&replies), ["training-left-waitlist"]);
    assert!(
        replies.iter().all(|r| r.chat_id == 2),
        "nobody else is told"
    );
    let third = h.press(3, &tr(TrainingAction::Open(id))).await;
    assert_eq!(
        arg(&third, "training-you-waiting", "position"),
        Some(Arg::Number(1))
    );
}

#[tokio::test]
async fn my_trainings_lists_seats_and_waitlist_places_each_with_a_cancel_button() {
    let mut h = Harness::new().await;
    let full = training(&h, "Keuangan", "2026-12-04 09:00", 1).await;
    let open = training(&h, "Wirausaha", SATURDAY_9, 10).await;
    let cancelled = training(&h, "Digital", "2026-12-06 09:00", 10).await;
    register(&h, 1).await;
    register(&h, 2).await;
    h.press(2, &tr(TrainingAction::Join(full))).await;
    for id in [full, open, cancelled] {
        h.press(1, &tr(TrainingAction::Join(id))).await;
    }
    sqlx::query("UPDATE trainings SET status = 'cancelled' WHERE id = ?")
        .bind(cancelled)
        .execute(&h.pool)
        .await
        .unwrap();

    let replies = h.press(1, &tr(TrainingAction::Mine)).await;
    assert_eq!(
        ids(&replies),
        [
            "training-mine-title",
            "training-mine-item",
            "training-mine-item"
        ]
    );
    let statuses: Vec<Arg> = messages(&replies)
        .into_iter()
        .filter(|m| m.id == "training-mine-item")
        .filter_map(|m| {
            m.args
                .iter()
                .find(|(n, _)| n == "status")
                .map(|(_, v)| v.clone())
        })
        .collect();
    assert_eq!(
        statuses,
        [
            Arg::Msg(Box::new(
                Msg::new("training-mine-waiting").arg("position", 1_i64)
            )),
            Arg::Msg(Box::new(Msg::new("training-mine-booked"))),
        ]
    );
    for id in [full, open] {
        assert!(actions(&replies).contains(&tr(TrainingAction::Leave(id))));
    }
    assert!(!actions(&replies).contains(&tr(TrainingAction::Leave(cancelled))));
    assert_eq!(
        ids(&h.press(3, &tr(TrainingAction::Mine)).await),
        ["training-mine-empty"]
    );
}

#[tokio::test]
async fn sign_up_is_refused_when_closed_cancelled_or_started() {
    let mut h = Harness::new().await;
    let closed = training(&h, "Tutup", SATURDAY_9, 10).await;
    let cancelled = training(&h, "Batal", SATURDAY_9, 10).await;
    let soon = training(&h, "Segera", "2026-12-01 11:00", 10).await;
    register(&h, 1).await;
    h.press(ADMIN, &tr(TrainingAction::Close(closed))).await;
    h.press(ADMIN, &tr(TrainingAction::CancelConfirmed(cancelled)))
        .await;
    h.clock.advance(chrono::Duration::hours(2));
    for (id, note) in [
        (closed, "training-note-closed"),
        (cancelled, "training-note-cancelled"),
        (soon, "training-note-started"),
    ] {
        let replies = h.press(1, &tr(TrainingAction::Join(id))).await;
        assert!(has_id(&replies, "training-not-open"), "{note}");
        assert!(has_id(&replies, note));
        assert!(!actions(&replies).contains(&tr(TrainingAction::Join(id))));
    }
    assert_eq!(h.count("SELECT count(*) FROM training_signups").await, 0);
}

/// 220 registered people press "sign up" for 20 seats at the same moment, each on their own
/// task, over the same database file.
#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn two_hundred_people_racing_for_twenty_seats_book_exactly_twenty() {
    let h = Harness::new().await;
    let id = training(&h, "Literasi Digital", SATURDAY_9, 20).await;
    let people: Vec<i64> = (5000..5220).collect();
    for user in &people {
        register(&h, *user).await;
    }
    let data = tr(TrainingAction::Join(id)).encode();
    let tasks: Vec<_> = people
        .iter()
        .map(|user| {
            let (engine, data, user) = (h.engine.clone(), data.clone(), *user);
            tokio::spawn(async move {
                let input = Input::button(user, Some(1), &data).with_update_id(100_000 + user);
                (user, engine.handle(input).await.unwrap().replies)
            })
        })
        .collect();
    let mut positions = Vec::new();
    for task in tasks {
        let (user, replies) = task.await.unwrap();
        assert!(
            !has_id(&replies, "error-generic"),
            "user {user} got an error"
        );
        match arg(&replies, "training-waitlisted", "position") {
            Some(Arg::Number(position)) => positions.push((user, position)),
            _ => assert!(
                has_id(&replies, "training-signed-up"),
                "user {user}: {:?}",
                ids(&replies)
            ),
        }
    }

    assert_eq!(
        h.count("SELECT count(*) FROM training_signups WHERE status = 'booked'")
            .await,
        20
    );
    assert_eq!(
        h.count("SELECT count(*) FROM training_signups WHERE status = 'waiting'")
            .await,
        200
    );
    assert_eq!(positions.len(), 200);
    // Everyone was told their true place: the waitlist in the order the sign-ups were made.
    let order: Vec<i64> = sqlx::query_scalar(
        "SELECT user_id FROM training_signups WHERE training_id = ? AND status = 'waiting' ORDER BY id",
    )
    .bind(id)
    .fetch_all(&h.pool)
    .await
    .unwrap();
    positions.sort_by_key(|(_, position)| *position);
    assert_eq!(
        positions.iter().map(|(user, _)| *user).collect::<Vec<_>>(),
        order
    );
    assert_eq!(
        positions.iter().map(|(_, p)| *p).collect::<Vec<_>>(),
        (1..=200).collect::<Vec<_>>()
    );
    assert!(
        h.count("SELECT max(id) FROM training_signups WHERE status = 'booked'")
            .await
            < h.count("SELECT min(id) FROM training_signups WHERE status = 'waiting'")
                .await,
        "seats went to the first twenty"
    );
}

// With registration, /mydata and /delete

/// Registers through the real conversation, as a returnee, and saves.
async fn register_by_talking(h: &mut Harness, user: i64) -> Vec<Reply> {
    register_from(h, user, "Kenanga").await
}

/// Registration by talking, as a returnee from Taiwan, from `village` in Indramayu.
async fn register_from(h: &mut Harness, user: i64, village: &str) -> Vec<Reply> {
    use desmigratif::domain::{Destination, Interest, Role, Sector};
    use desmigratif::engine::registration::RegAction;
    let reg = |action| Action::Registration(action);
    h.say(user, "/daftar").await;
    h.press(user, &reg(RegAction::Agree)).await;
    h.press(user, &reg(RegAction::Role(Role::Returnee))).await;
    for answer in ["Siti Aminah", "0812-3456-7890"] {
        h.say(user, answer).await;
    }
    h.choose_village(user, &format!("{village} Indramayu"))
        .await;
    h.press(user, &reg(RegAction::Country(Destination::Taiwan)))
        .await;
    h.say(user, "4 tahun").await;
    h.press(user, &reg(RegAction::Sector(Sector::Care))).await;
    h.press(user, &reg(RegAction::Interest(Interest::Entrepreneurship)))
        .await;
    h.press(user, &reg(RegAction::InterestsDone)).await;
    h.press(user, &reg(RegAction::Save)).await
}

#[tokio::test]
async fn an_unregistered_user_registers_and_is_brought_back_to_the_training() {
    let mut h = Harness::new().await;
    let id = training(&h, "Wirausaha", SATURDAY_9, 10).await;
    assert!(has_id(
        &h.press(1, &tr(TrainingAction::Join(id))).await,
        "training-register-first"
    ));
    let saved = register_by_talking(&mut h, 1).await;
    assert!(has_id(&saved, "registration-done"));
    let back = ids(&saved);
    let after = back
        .iter()
        .position(|i| i == "training-after-registration")
        .expect("led back");
    assert_eq!(back[after + 1], "training-detail");
    assert!(actions(&saved).contains(&tr(TrainingAction::Join(id))));
    assert_eq!(
        ids(&h.press(1, &tr(TrainingAction::Join(id))).await),
        ["training-signed-up"]
    );
    // Someone who registers without having wanted a training just finishes registering.
    let other = register_by_talking(&mut h, 2).await;
    assert!(!has_id(&other, "training-after-registration"));
}

#[tokio::test]
async fn erasing_a_user_gives_their_seat_away_and_their_data_export_lists_sign_ups() {
    let mut h = Harness::new().await;
    let id = training(&h, "Wirausaha", SATURDAY_9, 1).await;
    register_by_talking(&mut h, 1).await;
    register(&h, 2).await;
    h.press(1, &tr(TrainingAction::Join(id))).await;
    h.press(2, &tr(TrainingAction::Join(id))).await;

    let data = h.say(1, "/dataku").await;
    let (_, content) = document_content(&data).unwrap();
    let json: serde_json::Value = serde_json::from_str(&content).unwrap();
    assert_eq!(json["trainings"]["sign_ups"][0]["training_id"], id);
    assert_eq!(json["trainings"]["sign_ups"][0]["status"], "booked");

    h.say(1, "/hapus").await;
    let erased = h
        .press(
            1,
            &Action::Profile(desmigratif::engine::profile::ProfileAction::DeleteConfirmed),
        )
        .await;
    assert!(has_id(&erased, "privacy-deleted"));
    assert_eq!(ids(&replies_to(&erased, 2)), ["training-promoted"]);
    assert_eq!(signup_status(&h, id, 2).await.as_deref(), Some("booked"));
    assert_eq!(
        h.count("SELECT count(*) FROM training_signups WHERE user_id = 1")
            .await,
        0
    );
}

// Officers: writing a training

#[tokio::test]
async fn an_officer_writes_a_training_step_by_step_and_every_bad_answer_is_explained() {
    let mut h = Harness::new().await;
    let start = h.say(ADMIN, "/pelatihan_baru").await;
    assert_eq!(ids(&start), ["training-new-intro", "training-ask-title-id"]);
    assert!(actions(&start).contains(&Action::Cancel));
    assert!(actions(&start).contains(&tr(TrainingAction::Template)));

    assert_eq!(
        ids(&h.say(ADMIN, "AB").await),
        ["training-invalid-too-short", "training-ask-title-id"]
    );
    assert_eq!(
        ids(&h.say(ADMIN, "Pelatihan Wirausaha").await),
        ["training-ask-title-en"]
    );
    let category = h.say(ADMIN, "Entrepreneurship Training").await;
    assert_eq!(ids(&category), ["training-ask-category"]);
    assert!(actions(&category).contains(&tr(TrainingAction::DraftCategory(Category::Finance))));
    let typed = h.say(ADMIN, "memasak").await;
    assert_eq!(
        ids(&typed),
        ["training-invalid-category", "training-ask-category"]
    );
    assert!(actions(&typed).contains(&tr(TrainingAction::DraftCategory(Category::Finance))));
    assert_eq!(
        ids(&h
            .press(
                ADMIN,
                &tr(TrainingAction::DraftCategory(Category::Business))
            )
            .await),
        ["training-ask-starts-at"]
    );
    assert_eq!(
        ids(&h.say(ADMIN, "besok pagi").await),
        ["training-invalid-time-format", "training-ask-starts-at"]
    );
    assert_eq!(
        ids(&h.say(ADMIN, "2026-11-30 09:00").await),
        ["training-invalid-past", "training-ask-starts-at"]
    );
    let sticker = Event::Media {
        kind: desmigratif::engine::MediaKind::Sticker,
        file_id: "s".into(),
        caption: None,
    };
    assert_eq!(
        ids(&h.event(ADMIN, sticker).await),
        ["training-invalid-not-text", "training-ask-starts-at"]
    );
    assert_eq!(
        ids(&h.say(ADMIN, SATURDAY_9).await),
        ["training-ask-location"]
    );
    assert_eq!(
        ids(&h.say(ADMIN, "Balai Desa Kenanga").await),
        ["training-ask-capacity"]
    );
    assert_eq!(
        ids(&h.say(ADMIN, "dua puluh").await),
        ["training-invalid-not-a-number", "training-ask-capacity"]
    );
    assert_eq!(
        ids(&h.say(ADMIN, "20000").await),
        ["training-invalid-capacity-range", "training-ask-capacity"]
    );
    assert_eq!(
        ids(&h.say(ADMIN, "25").await),
        ["training-ask-description-id"]
    );

    // The conversation survives a restart of the bot.
    let db = store::open(&format!("sqlite://{}", h.db_path.display()))
        .await
        .unwrap();
    h.engine = Engine::new(&db, h.engine.settings().clone(), Arc::new(h.clock.clone()));
    assert_eq!(
        ids(&h.say(ADMIN, "Belajar membuat rencana usaha.").await),
        ["training-ask-description-en"]
    );
    let preview = h.say(ADMIN, "Learn to write a business plan.").await;
    assert_eq!(
        ids(&preview),
        [
            "training-preview",
            "training-preview-details",
            "training-preview-description-id",
            "training-preview-description-en",
            "training-preview-area"
        ]
    );
    assert_eq!(
        arg(&preview, "training-preview-details", "time"),
        Some(Arg::Time(SATURDAY_9_UTC))
    );
    assert_eq!(
        h.count("SELECT count(*) FROM trainings").await,
        0,
        "nothing saved before confirming"
    );
    assert_eq!(
        ids(&h.say(ADMIN, "ok").await)[0],
        "training-preview-waiting"
    );

    let saved = h.press(ADMIN, &tr(TrainingAction::SaveDraft)).await;
    assert_eq!(ids(&saved)[..2], ["training-saved", "training-detail"]);
    assert!(has_id(&saved, "training-officer-link"));
    assert_eq!(state_of(&h, ADMIN).await, State::Idle);
    assert_eq!(
        h.count("SELECT count(*) FROM trainings WHERE title_id = 'Pelatihan Wirausaha' AND capacity = 25 AND starts_at = 1796436000 AND status = 'open'")
            .await,
        1
    );
    // A second press of Save (a double tap) saves nothing more.
    assert!(has_id(
        &h.press(ADMIN, &tr(TrainingAction::SaveDraft)).await,
        "button-expired"
    ));
    assert_eq!(h.count("SELECT count(*) FROM trainings").await, 1);
}

#[tokio::test]
async fn a_start_time_that_passes_while_the_preview_waits_is_asked_again() {
    let mut h = Harness::new().await;
    h.say(ADMIN, "/newtraining").await;
    for answer in [
        "Wirausaha",
        "Entrepreneurship",
        "business",
        "2026-12-01 11:00",
        "Balai Desa",
        "20",
        "Belajar usaha kecil.",
        "Learn small business.",
    ] {
        h.say(ADMIN, answer).await;
    }
    assert!(matches!(
        training_state(&h, ADMIN).await,
        Some(TrainingState::Previewing { .. })
    ));
    h.clock.advance(chrono::Duration::hours(2));
    let replies = h.press(ADMIN, &tr(TrainingAction::SaveDraft)).await;
    assert_eq!(
        ids(&replies),
        ["training-invalid-past", "training-ask-starts-at"]
    );
    assert!(matches!(
        training_state(&h, ADMIN).await,
        Some(TrainingState::Drafting {
            awaiting: Field::StartsAt,
            ..
        })
    ));
    assert_eq!(h.count("SELECT count(*) FROM trainings").await, 0);
}

#[tokio::test]
async fn cancel_leaves_the_wizard_without_saving() {
    let mut h = Harness::new().await;
    h.say(ADMIN, "/newtraining").await;
    h.say(ADMIN, "Wirausaha").await;
    assert_eq!(
        ids(&h.press(ADMIN, &Action::Cancel).await),
        ["cancel-done", "menu-title"]
    );
    assert_eq!(state_of(&h, ADMIN).await, State::Idle);
    let later = h.say(ADMIN, "Entrepreneurship").await;
    assert!(
        !ids(&later).iter().any(|id| id.starts_with("training-")),
        "{:?}",
        ids(&later)
    );
    assert_eq!(h.count("SELECT count(*) FROM trainings").await, 0);
}

#[tokio::test]
async fn times_are_typed_and_shown_in_the_configured_time_zone() {
    let mut h = Harness::with_settings(|s| s.timezone = chrono_tz::Asia::Makassar).await;
    h.say(ADMIN, "/newtraining").await;
    for answer in ["Wirausaha", "Entrepreneurship", "business"] {
        h.say(ADMIN, answer).await;
    }
    let replies = h.say(ADMIN, SATURDAY_9).await;
    assert_eq!(ids(&replies), ["training-ask-location"]);
    for answer in [
        "Balai Desa",
        "20",
        "Belajar usaha kecil.",
        "Learn small business.",
    ] {
        h.say(ADMIN, answer).await;
    }
    h.press(ADMIN, &tr(TrainingAction::SaveDraft)).await;
    // 09:00 WITA is 01:00 UTC, an hour before 09:00 WIB.
    let stored = h.count("SELECT starts_at FROM trainings").await;
    assert_eq!(stored, SATURDAY_9_UTC - 3600);
    let makassar = Locales::load(chrono_tz::Asia::Makassar).unwrap();
    assert_eq!(
        makassar.time(Language::Id, stored),
        "Sabtu, 5 Desember 2026 pukul 09.00 WITA"
    );
    assert_eq!(
        makassar.time(Language::En, stored),
        "Saturday, 5 December 2026 at 09:00 WITA"
    );
}

#[tokio::test]
async fn only_officers_write_and_manage_trainings() {
    let mut h = Harness::new().await;
    let id = training(&h, "Wirausaha", SATURDAY_9, 1).await;
    assert_eq!(ids(&h.say(1, "/pelatihan_baru").await), ["officer-only"]);
    assert_eq!(state_of(&h, 1).await, State::Idle);
    let forged = [
        TrainingAction::New,
        TrainingAction::Edit(id),
        TrainingAction::EditField(id, Field::Capacity),
        TrainingAction::EditCategory(id, Category::Other),
        TrainingAction::Close(id),
        TrainingAction::CancelConfirmed(id),
        TrainingAction::Participants(id),
        TrainingAction::SaveDraft,
        TrainingAction::Template,
    ];
    for action in forged {
        let replies = h.press(1, &tr(action.clone())).await;
        assert_eq!(callback_answers(&replies), 1);
        assert!(has_id(&replies, "officer-only"), "{action:?}");
        assert!(document_content(&replies).is_none());
    }
    assert_eq!(
        h.count("SELECT count(*) FROM trainings WHERE status = 'open' AND category = 'business'")
            .await,
        1
    );
    // Returnees see no officer tools.
    let detail = h.press(1, &tr(TrainingAction::Open(id))).await;
    assert!(!has_id(&detail, "training-officer-summary"));
    assert!(!actions(&detail).contains(&tr(TrainingAction::Edit(id))));
}

#[tokio::test]
async fn old_and_forged_training_buttons_are_answered_not_obeyed() {
    let mut h = Harness::new().await;
    register(&h, 1).await;
    for action in [
        TrainingAction::Open(999),
        TrainingAction::Join(999),
        TrainingAction::Leave(999),
        TrainingAction::LeaveConfirmed(999),
    ] {
        let replies = h.press(1, &tr(action)).await;
        assert_eq!(callback_answers(&replies), 1);
        assert!(has_id(&replies, "training-not-found"));
    }
    let draft = h
        .press(ADMIN, &tr(TrainingAction::DraftCategory(Category::Finance)))
        .await;
    assert!(has_id(&draft, "button-expired"));
    assert!(has_id(
        &h.press(ADMIN, &tr(TrainingAction::Edit(999))).await,
        "training-not-found"
    ));
    for data in [
        "1:tr:j:0",
        "1:tr:j:abc",
        "1:tr:ec:1:cooking",
        "1:tr:ef:1:xx",
        "1:tr:l:-1",
    ] {
        assert!(
            has_id(&h.press_data(1, data).await, "button-expired"),
            "{data}"
        );
    }
    assert_eq!(h.count("SELECT count(*) FROM training_signups").await, 0);
}

// Officers: managing a training

#[tokio::test]
async fn more_seats_let_waiting_people_in_and_fewer_than_booked_are_refused() {
    let mut h = Harness::new().await;
    let id = training(&h, "Wirausaha", SATURDAY_9, 2).await;
    for user in 1..=4 {
        register(&h, user).await;
        h.press(user, &tr(TrainingAction::Join(id))).await;
    }
    let menu = h.press(ADMIN, &tr(TrainingAction::Edit(id))).await;
    assert_eq!(ids(&menu), ["training-edit-choose"]);
    assert!(actions(&menu).contains(&tr(TrainingAction::EditField(id, Field::Capacity))));
    assert!(
        actions(&menu).contains(&tr(TrainingAction::Open(id))),
        "a way back"
    );

    let ask = h
        .press(ADMIN, &tr(TrainingAction::EditField(id, Field::Capacity)))
        .await;
    assert_eq!(
        ids(&ask),
        ["training-ask-capacity", "training-edit-current"]
    );
    assert_eq!(
        arg(&ask, "training-edit-current", "value"),
        Some(Arg::Text("2".into()))
    );
    assert_eq!(
        ids(&h.say(ADMIN, "1").await),
        [
            "training-invalid-capacity-below-booked",
            "training-ask-capacity",
            "training-edit-current"
        ]
    );
    let saved = h.say(ADMIN, "3").await;
    assert_eq!(
        ids(&replies_to(&saved, ADMIN))[..2],
        ["training-edit-saved", "training-detail"]
    );
    assert_eq!(
        ids(&replies_to(&saved, 3)),
        [
            "training-promoted",
            "training-changed-notice",
            "training-detail",
            "training-seats-full",
            "training-description"
        ]
    );
    assert_eq!(signup_status(&h, id, 3).await.as_deref(), Some("booked"));
    assert_eq!(signup_status(&h, id, 4).await.as_deref(), Some("waiting"));
    assert_eq!(
        arg(&saved, "training-edit-saved", "people"),
        Some(Arg::Number(4))
    );
    assert_eq!(state_of(&h, ADMIN).await, State::Idle);
}

#[tokio::test]
async fn a_new_start_time_tells_everyone_signed_up_and_resets_the_reminders() {
    let mut h = Harness::new().await;
    let id = training(&h, "Wirausaha", "2026-12-02 09:00", 10).await;
    register(&h, 1).await;
    h.press(1, &tr(TrainingAction::Join(id))).await;
    h.clock
        .set(Utc.with_ymd_and_hms(2026, 12, 1, 3, 5, 0).unwrap());
    assert_eq!(h.engine.tick().await.unwrap(), 1, "the day-before reminder");

    h.press(ADMIN, &tr(TrainingAction::EditField(id, Field::StartsAt)))
        .await;
    assert_eq!(
        ids(&h.say(ADMIN, "2026-12-02").await)[0],
        "training-invalid-no-time"
    );
    let replies = h.say(ADMIN, "2026-12-03 09:00").await;
    let told = replies_to(&replies, 1);
    assert_eq!(ids(&told)[0], "training-changed-notice");
    assert_eq!(told[0].priority, Priority::Bulk);
    assert_eq!(
        arg(&told, "training-detail", "time"),
        Some(Arg::Time(SATURDAY_9_UTC - 2 * 86_400))
    );
    assert_eq!(h.count("SELECT count(*) FROM training_reminders").await, 0);
    // The new day-before reminder goes out in its turn.
    h.clock
        .set(Utc.with_ymd_and_hms(2026, 12, 2, 2, 0, 0).unwrap());
    assert_eq!(h.engine.tick().await.unwrap(), 1);
}

#[tokio::test]
async fn the_category_is_changed_with_a_button() {
    let mut h = Harness::new().await;
    let id = training(&h, "Wirausaha", SATURDAY_9, 10).await;
    let choose = h
        .press(ADMIN, &tr(TrainingAction::EditField(id, Field::Category)))
        .await;
    assert_eq!(ids(&choose), ["training-ask-category"]);
    let finance = Category::Finance;
    assert!(actions(&choose).contains(&tr(TrainingAction::EditCategory(id, finance))));
    let saved = h
        .press(ADMIN, &tr(TrainingAction::EditCategory(id, finance)))
        .await;
    assert!(has_id(&saved, "training-edit-saved"));
    assert_eq!(
        h.count("SELECT count(*) FROM trainings WHERE category = 'finance'")
            .await,
        1
    );
    assert!(has_id(
        &h.press(ADMIN, &tr(TrainingAction::EditCategory(id, finance)))
            .await,
        "training-edit-unchanged"
    ));
}

#[tokio::test]
async fn closing_hides_a_training_from_returnees_and_reopening_brings_it_back() {
    let mut h = Harness::new().await;
    let id = training(&h, "Wirausaha", SATURDAY_9, 10).await;
    register(&h, 1).await;
    h.press(1, &tr(TrainingAction::Join(id))).await;
    let closed = h.press(ADMIN, &tr(TrainingAction::Close(id))).await;
    assert!(has_id(&closed, "training-closed"));
    assert!(actions(&closed).contains(&tr(TrainingAction::Reopen(id))));
    assert!(
        closed.iter().all(|r| r.chat_id == ADMIN),
        "people with a seat keep it; nothing to tell"
    );
    assert_eq!(ids(&h.say(2, "/pelatihan").await), ["training-list-empty"]);
    assert_eq!(
        opens(&h.say(ADMIN, "/pelatihan").await),
        1,
        "officers still see it"
    );
    assert_eq!(signup_status(&h, id, 1).await.as_deref(), Some("booked"));

    assert!(has_id(
        &h.press(ADMIN, &tr(TrainingAction::Reopen(id))).await,
        "training-reopened"
    ));
    assert_eq!(opens(&h.say(2, "/pelatihan").await), 1);
}

#[tokio::test]
async fn cancelling_a_training_asks_first_then_tells_everyone_signed_up_in_their_language() {
    let mut h = Harness::new().await;
    let id = training(&h, "Wirausaha", SATURDAY_9, 1).await;
    for user in 1..=2 {
        register(&h, user).await;
        h.press(user, &tr(TrainingAction::Join(id))).await;
    }
    set_language(&h, 2, "en").await;
    let ask = h.press(ADMIN, &tr(TrainingAction::Cancel(id))).await;
    assert_eq!(ids(&ask), ["training-cancel-confirm"]);
    assert_eq!(
        arg(&ask, "training-cancel-confirm", "people"),
        Some(Arg::Number(2))
    );
    assert_eq!(
        h.count("SELECT count(*) FROM trainings WHERE status = 'open'")
            .await,
        1
    );

    let replies = h
        .press(ADMIN, &tr(TrainingAction::CancelConfirmed(id)))
        .await;
    assert_eq!(
        ids(&replies_to(&replies, ADMIN))[0],
        "training-cancelled-done"
    );
    for (user, lang) in [(1, Language::Id), (2, Language::En)] {
        let told = replies_to(&replies, user);
        assert_eq!(ids(&told), ["training-cancelled-notice"]);
        assert_eq!((told[0].lang, told[0].priority), (lang, Priority::Bulk));
    }
    assert_eq!(
        h.count("SELECT count(*) FROM trainings WHERE status = 'cancelled'")
            .await,
        1
    );
    assert_eq!(ids(&h.say(3, "/pelatihan").await), ["training-list-empty"]);
    // A second confirmation (an old button) tells nobody again.
    let again = h
        .press(ADMIN, &tr(TrainingAction::CancelConfirmed(id)))
        .await;
    assert!(has_id(&again, "training-cancelled-unchangeable"));
    assert!(again.iter().all(|r| r.chat_id == ADMIN));
}

#[tokio::test]
async fn the_participant_list_is_a_csv_with_seats_first_then_the_waitlist() {
    let mut h = Harness::new().await;
    let id = training(&h, "Wirausaha", SATURDAY_9, 1).await;
    for user in 1..=3 {
        register(&h, user).await;
        h.press(user, &tr(TrainingAction::Join(id))).await;
    }
    let replies = h.press(ADMIN, &tr(TrainingAction::Participants(id))).await;
    assert_eq!(callback_answers(&replies), 1);
    assert_eq!(
        arg(&replies, "training-participants-caption", "waiting"),
        Some(Arg::Number(2))
    );
    // The file is made when it is sent: no copy of people's data waits in the outbox.
    let table = replies.iter().find_map(|r| match &r.kind {
        ReplyKind::Export {
            table, file_name, ..
        } => Some((*table, file_name.clone())),
        _ => None,
    });
    let (table, file_name) = table.expect("a file");
    assert_eq!(table, Table::Participants(id));
    assert!(file_name.ends_with(".csv"));
    assert_eq!(h.count("SELECT count(*) FROM audit_log WHERE action = 'export.participants' AND officer_id = 900").await, 1);

    let content = csv_file(&h, table).await;
    assert!(
        content.starts_with('\u{FEFF}'),
        "a BOM so spreadsheets read UTF-8"
    );
    let lines: Vec<&str> = content.trim_start_matches('\u{FEFF}').lines().collect();
    // In the officer's language; the phone as people dial it, which spreadsheets keep as text.
    assert_eq!(
        lines[0],
        "No. pelatihan,Pelatihan,Mulai,Kursi,Urutan tunggu,Nama lengkap,Nomor HP,Desa,Kabupaten/kota,Peran,Tanggal ikut"
    );
    assert_eq!(lines.len(), 4);
    let prefix = format!("{id},Wirausaha,2026-12-05 09:00,");
    assert!(lines[1].starts_with(&format!(
        "{prefix}dapat kursi,,Siti Aminah,0812 3456 7890,Kenanga,Indramayu,Purna PMI,2026-12-01 10:00"
    )));
    assert!(lines[2].starts_with(&format!("{prefix}antre,1,")));
    assert!(lines[3].starts_with(&format!("{prefix}antre,2,")));
}

#[tokio::test]
async fn the_officers_export_has_trainings_and_every_sign_up() {
    let mut h = Harness::new().await;
    let first = training(&h, "Wirausaha", SATURDAY_9, 1).await;
    let second = training(&h, "Keuangan", "2026-12-12 09:00", 10).await;
    register(&h, 1).await;
    register(&h, 2).await;
    for id in [first, second] {
        h.press(1, &tr(TrainingAction::Join(id))).await;
    }
    h.press(2, &tr(TrainingAction::Join(first))).await;
    let menu = h.say(ADMIN, "/ekspor").await;
    for table in [Table::Trainings, Table::SignUps] {
        assert!(
            actions(&menu).contains(&Action::Export(ExportAction::File(table))),
            "{table:?}"
        );
    }
    let trainings = csv_file(&h, Table::Trainings).await;
    let lines: Vec<&str> = trainings.lines().collect();
    assert_eq!(lines.len(), 3);
    // The import's own columns keep their names and codes, so an edited file imports again.
    assert!(lines[0].starts_with("\u{FEFF}No.,Status,title_id,title_en,category,starts_at,"));
    assert!(lines[1].starts_with(&format!(
        "{first},dibuka,Wirausaha,Wirausaha (EN),business,2026-12-05 09:00,Balai Desa Kenanga,1,"
    )));
    assert!(lines[1].ends_with(",1,1"), "one booked, one waiting");
    let sign_ups = csv_file(&h, Table::SignUps).await;
    let statuses: Vec<&str> = sign_ups
        .lines()
        .skip(1)
        .map(|l| l.split(',').nth(3).unwrap())
        .collect();
    assert_eq!(statuses, ["dapat kursi", "antre", "dapat kursi"]);
}

#[tokio::test]
async fn an_export_opened_in_a_spreadsheet_cannot_run_what_a_person_typed() {
    let mut h = Harness::new().await;
    // A village typed before villages were a list: letters, digits, brackets and commas were
    // all a place could have.
    let hostile = "-WEBSERVICE(CONCAT(F3,CHAR(58),G3,D2))";
    assert!(has_id(
        &register_by_talking(&mut h, 1).await,
        "registration-done"
    ));
    sqlx::query("UPDATE profiles SET village = ?, village_code = NULL WHERE user_id = 1")
        .bind(hostile)
        .execute(&h.pool)
        .await
        .unwrap();
    let content = csv_file_in(&h, Table::Registrations, Language::En).await;
    let mut file = csv::Reader::from_reader(content.trim_start_matches('\u{FEFF}').as_bytes());
    let header: Vec<String> = file.headers().unwrap().iter().map(str::to_owned).collect();
    let rows: Vec<csv::StringRecord> = file.records().map(Result::unwrap).collect();
    assert_eq!(rows.len(), 1);
    let column = |name: &str| {
        let at = header
            .iter()
            .position(|h| h == name)
            .unwrap_or_else(|| panic!("{name} in {header:?}"));
        rows[0][at].to_owned()
    };
    // A spreadsheet reads a cell starting with ' as text, never as a formula.
    assert_eq!(column("Village"), format!("'{hostile}"));
    for (name, cell) in header.iter().zip(rows[0].iter()) {
        assert!(
            !cell.starts_with(['=', '+', '-', '@', '\t', '\r']),
            "{name}: {cell:?} would be a formula"
        );
    }
    // The phone keeps its 0 as text; words, not codes, in the reader's language.
    assert_eq!(column("Phone"), "0812 3456 7890");
    assert_eq!(column("Role"), "Returned migrant worker (purna PMI)");
    assert_eq!(column("Country (placement or destination)"), "Taiwan");
    assert_eq!(column("Sector of work"), "Caring for elderly/children");
    assert_eq!(column("Language"), "Bahasa Indonesia");
    assert_eq!(column("Status"), "active");
    let indonesian = csv_file(&h, Table::Registrations).await;
    assert!(indonesian.contains("Purna PMI"), "{indonesian}");
    assert!(indonesian.lines().next().unwrap().contains("Nomor HP"));
}

/// What a file export holds when it is sent to an officer who reads Indonesian.
async fn csv_file(h: &Harness, table: Table) -> String {
    csv_file_in(h, table, Language::Id).await
}

async fn csv_file_in(h: &Harness, table: Table, lang: Language) -> String {
    let locales = Locales::load(chrono_tz::Asia::Jakarta).unwrap();
    let words = desmigratif::i18n::FileWords {
        locales: std::sync::Arc::new(locales),
        lang,
    };
    let bytes = h
        .engine
        .reader()
        .read(async |tx| {
            store::export::csv(
                tx,
                table,
                &Default::default(),
                chrono_tz::Asia::Jakarta,
                &words,
            )
            .await
        })
        .await
        .unwrap();
    String::from_utf8(bytes).unwrap()
}

// Officers: importing

#[tokio::test]
async fn an_officer_imports_a_season_from_a_csv_file() {
    let mut h = Harness::new().await;
    let csv = format!(
        "\u{FEFF}{HEADER}\r\n{}\r\n{}\r\n{}\r\n",
        row("Wirausaha", SATURDAY_9, 25),
        row("Keuangan", "2026-12-12 09:00", 30),
        row("Digital", "2026-12-19 13.30", 15),
    );
    let replies = h.event(ADMIN, csv_document(&csv)).await;
    assert_eq!(ids(&replies), ["training-import-done"]);
    assert_eq!(
        arg(&replies, "training-import-done", "count"),
        Some(Arg::Number(3))
    );
    assert_eq!(
        h.count("SELECT count(*) FROM trainings WHERE status = 'open'")
            .await,
        3
    );
    assert_eq!(opens(&h.say(1, "/pelatihan").await), 3);

    // The same file again makes no doubles.
    let again = h.event(ADMIN, csv_document(&csv)).await;
    assert_eq!(ids(&again)[..2], ["training-import-failed", "sheet-line"]);
    assert_eq!(h.count("SELECT count(*) FROM trainings").await, 3);
}

#[tokio::test]
async fn a_csv_with_bad_rows_is_refused_by_line_number_and_nothing_is_imported() {
    let mut h = Harness::new().await;
    let csv = format!(
        "{HEADER}\n{}\n{}\nBaik,Good,cooking,2026-12-08 09:00,Balai,10,Keterangan yang cukup.,Long enough text.\n{}\n",
        row("Wirausaha", SATURDAY_9, 25),
        row("Lama", "2026-11-01 09:00", 30),
        row("Besar", "2026-12-09 09:00", 20_000),
    );
    let replies = h.event(ADMIN, csv_document(&csv)).await;
    assert_eq!(ids(&replies)[0], "training-import-failed");
    assert_eq!(
        arg(&replies, "training-import-failed", "count"),
        Some(Arg::Number(3))
    );
    let lines: Vec<Arg> = messages(&replies)
        .into_iter()
        .filter(|m| m.id == "sheet-line")
        .filter_map(|m| {
            m.args
                .iter()
                .find(|(n, _)| n == "line")
                .map(|(_, v)| v.clone())
        })
        .collect();
    assert_eq!(lines, [Arg::Number(3), Arg::Number(4), Arg::Number(5)]);
    let category = messages(&replies)
        .into_iter()
        .find(|m| m.id == "sheet-line" && m.args.contains(&("line".into(), Arg::Number(4))))
        .unwrap();
    assert!(category.args.contains(&(
        "problem".into(),
        Arg::Msg(Box::new(Msg::new("training-import-category")))
    )));
    assert!(actions(&replies).contains(&tr(TrainingAction::Template)));
    assert_eq!(h.count("SELECT count(*) FROM trainings").await, 0);
}

#[tokio::test]
async fn the_example_csv_imports_cleanly() {
    let mut h = Harness::new().await;
    let replies = h.press(ADMIN, &tr(TrainingAction::Template)).await;
    let (name, content) = document_content(&replies).unwrap();
    assert!(name.ends_with(".csv"));
    assert!(content.starts_with('\u{FEFF}'));
    let imported = h.event(ADMIN, csv_document(&content)).await;
    assert_eq!(
        arg(&imported, "training-import-done", "count"),
        Some(Arg::Number(2))
    );
}

#[tokio::test]
async fn files_that_are_not_a_usable_csv_get_a_clear_answer() {
    let mut h = Harness::new().await;
    let csv = format!("{HEADER}\n{}\n", row("Wirausaha", SATURDAY_9, 25));
    // A returnee's file is not imported: it can go to an officer, as any file.
    assert_eq!(
        ids(&h.event(1, csv_document(&csv)).await),
        ["held-document"]
    );
    assert_eq!(
        ids(&h.event(ADMIN, document("laporan.pdf", None, 10)).await),
        ["hint-document", "menu-title"]
    );
    assert_eq!(
        ids(&h.event(ADMIN, document("Pelatihan.xlsx", None, 10)).await),
        ["sheet-spreadsheet"]
    );
    assert_eq!(
        ids(&h.event(ADMIN, document("besar.csv", None, 5 << 20)).await),
        ["sheet-too-big"]
    );
    assert_eq!(
        ids(&h.event(ADMIN, document("putus.csv", None, 100)).await),
        ["sheet-download-failed"]
    );
    assert_eq!(h.count("SELECT count(*) FROM trainings").await, 0);
}

#[tokio::test]
async fn the_import_command_takes_all_rows_or_none() {
    let dir = tempfile::tempdir().unwrap();
    let database = format!("sqlite://{}", dir.path().join("cli.db").display());
    let good = dir.path().join("good.csv");
    let bad = dir.path().join("bad.csv");
    std::fs::write(
        &good,
        format!(
            "{HEADER}\n{}\n{}\n",
            row("Wirausaha", "2036-12-05 09:00", 25),
            row("Keuangan", "2036-12-12 09:00", 30)
        ),
    )
    .unwrap();
    std::fs::write(
        &bad,
        format!(
            "{HEADER}\n{}\n{}\n",
            row("Digital", "2036-12-19 09:00", 10),
            row("Lama", "2020-01-01 09:00", 10)
        ),
    )
    .unwrap();
    let run = |file: &std::path::Path| {
        command_line(
            &database,
            dir.path(),
            &["import-trainings".as_ref(), file.as_os_str()],
        )
    };
    let ok = run(&good);
    assert!(
        ok.status.success(),
        "{}",
        String::from_utf8_lossy(&ok.stderr)
    );
    let failed = run(&bad);
    assert!(!failed.status.success());
    let errors = String::from_utf8_lossy(&failed.stderr);
    assert!(errors.contains("line 3: starts_at"), "{errors}");
    let pool = sqlx::SqlitePool::connect(&database).await.unwrap();
    let count: i64 = sqlx::query_scalar("SELECT count(*) FROM trainings")
        .fetch_one(&pool)
        .await
        .unwrap();
    assert_eq!(count, 2, "the bad file added nothing");
}

// Reminders

#[tokio::test]
async fn reminders_go_out_a_day_and_two_hours_before_once_even_across_a_restart() {
    let mut h = Harness::new().await;
    let id = training(&h, "Wirausaha", SATURDAY_9, 10).await;
    let other = training(&h, "Keuangan", "2026-12-12 09:00", 10).await;
    for user in 1..=3 {
        register(&h, user).await;
        h.press(user, &tr(TrainingAction::Join(id))).await;
    }
    h.press(3, &tr(TrainingAction::Join(other))).await;
    set_language(&h, 2, "en").await;
    assert_eq!(h.engine.tick().await.unwrap(), 0, "nothing due yet");

    h.clock
        .set(Utc.with_ymd_and_hms(2026, 12, 4, 2, 0, 30).unwrap());
    assert_eq!(h.engine.tick().await.unwrap(), 3);
    assert_eq!(h.engine.tick().await.unwrap(), 0, "once");
    let reminders = h
        .count(
            "SELECT count(*) FROM outbox WHERE payload LIKE '%training-reminder%' AND priority = 1",
        )
        .await;
    assert_eq!(reminders, 3);
    assert_eq!(
        h.count("SELECT count(*) FROM outbox WHERE chat_id = 2 AND payload LIKE '%\"lang\":\"en\"%training-reminder%'")
            .await,
        1
    );

    // The bot restarts: a second engine over the same database file.
    let db = store::open(&format!("sqlite://{}", h.db_path.display()))
        .await
        .unwrap();
    let restarted = Engine::new(&db, h.engine.settings().clone(), Arc::new(h.clock.clone()));
    assert_eq!(
        restarted.tick().await.unwrap(),
        0,
        "not again after a restart"
    );

    h.clock
        .set(Utc.with_ymd_and_hms(2026, 12, 5, 0, 10, 0).unwrap());
    assert_eq!(restarted.tick().await.unwrap(), 3, "two hours before");
    assert_eq!(restarted.tick().await.unwrap(), 0);
    assert_eq!(h.engine.tick().await.unwrap(), 0);
    assert_eq!(
        h.count("SELECT count(*) FROM outbox WHERE payload LIKE '%training-reminder%'")
            .await,
        6
    );
}

#[tokio::test]
async fn a_reminder_far_too_late_is_skipped_not_sent() {
    let mut h = Harness::new().await;
    let id = training(&h, "Wirausaha", SATURDAY_9, 10).await;
    register(&h, 1).await;
    h.press(1, &tr(TrainingAction::Join(id))).await;
    // The bot was down from before the day-before reminder until six hours before the start.
    h.clock
        .set(Utc.with_ymd_and_hms(2026, 12, 4, 20, 0, 0).unwrap());
    assert_eq!(h.engine.tick().await.unwrap(), 0);
    assert_eq!(
        h.count("SELECT count(*) FROM training_reminders WHERE outcome = 'skipped' AND offset_seconds = 86400").await,
        1
    );
    // Down again through the two-hour reminder's time, back 15 minutes before the start.
    h.clock
        .set(Utc.with_ymd_and_hms(2026, 12, 5, 1, 45, 0).unwrap());
    assert_eq!(h.engine.tick().await.unwrap(), 0);
    assert_eq!(
        h.count("SELECT count(*) FROM training_reminders WHERE outcome = 'skipped'")
            .await,
        2
    );
    assert_eq!(
        h.count("SELECT count(*) FROM outbox WHERE payload LIKE '%training-reminder%'")
            .await,
        0
    );
}

#[tokio::test]
async fn a_little_late_reminder_is_still_sent_and_a_nearer_one_overtakes_it() {
    let mut h = Harness::new().await;
    let id = training(&h, "Wirausaha", SATURDAY_9, 10).await;
    register(&h, 1).await;
    h.press(1, &tr(TrainingAction::Join(id))).await;
    // Back 20 minutes after the two-hour reminder was due, both being due: only that one goes.
    h.clock
        .set(Utc.with_ymd_and_hms(2026, 12, 5, 0, 20, 0).unwrap());
    assert_eq!(h.engine.tick().await.unwrap(), 1);
    assert_eq!(
        h.count("SELECT count(*) FROM training_reminders WHERE offset_seconds = 86400 AND outcome = 'skipped'").await,
        1
    );
}

#[tokio::test]
async fn only_people_with_a_seat_in_a_training_that_takes_place_are_reminded() {
    let mut h = Harness::new().await;
    let id = training(&h, "Wirausaha", SATURDAY_9, 1).await;
    let cancelled = training(&h, "Batal", SATURDAY_9, 10).await;
    for user in 1..=3 {
        register(&h, user).await;
        h.press(user, &tr(TrainingAction::Join(id))).await;
        h.press(user, &tr(TrainingAction::Join(cancelled))).await;
    }
    h.press(ADMIN, &tr(TrainingAction::CancelConfirmed(cancelled)))
        .await;
    h.press(1, &tr(TrainingAction::LeaveConfirmed(id))).await; // user 2 gets the seat
    h.event(3, Event::Membership { blocked: true }).await;
    h.clock
        .set(Utc.with_ymd_and_hms(2026, 12, 4, 2, 0, 0).unwrap());
    assert_eq!(h.engine.tick().await.unwrap(), 1);
    assert_eq!(
        h.count(
            "SELECT count(*) FROM outbox WHERE chat_id = 2 AND payload LIKE '%training-reminder%'"
        )
        .await,
        1
    );
}

#[tokio::test]
async fn reminder_times_follow_the_configuration() {
    let mut h =
        Harness::with_settings(|s| s.reminder_offsets = vec![chrono::TimeDelta::minutes(30)]).await;
    let id = training(&h, "Wirausaha", SATURDAY_9, 10).await;
    register(&h, 1).await;
    h.press(1, &tr(TrainingAction::Join(id))).await;
    h.clock
        .set(Utc.with_ymd_and_hms(2026, 12, 4, 2, 0, 0).unwrap());
    assert_eq!(
        h.engine.tick().await.unwrap(),
        0,
        "no day-before reminder configured"
    );
    h.clock
        .set(Utc.with_ymd_and_hms(2026, 12, 5, 1, 31, 0).unwrap());
    assert_eq!(h.engine.tick().await.unwrap(), 1);

    let off = Harness::with_settings(|s| s.reminder_offsets.clear()).await;
    let id = training(&off, "Wirausaha", SATURDAY_9, 10).await;
    register(&off, 1).await;
    seed::sign_up(&off.pool, id, 1, "booked").await;
    off.clock
        .set(Utc.with_ymd_and_hms(2026, 12, 5, 0, 0, 0).unwrap());
    assert_eq!(off.engine.tick().await.unwrap(), 0, "reminders off");
}

#[test]
fn every_category_and_status_has_a_name_in_both_languages() {
    let locales = Locales::load(chrono_tz::Asia::Jakarta).unwrap();
    for lang in Language::ALL {
        for category in Category::ALL {
            assert!(locales.has(lang, &category.message_id()), "{category:?}");
        }
        for status in desmigratif::domain::TrainingStatus::ALL {
            assert!(locales.has(lang, &status.message_id()), "{status:?}");
        }
    }
}

#[tokio::test]
async fn a_spreadsheet_saved_in_indonesian_or_english_settings_is_read_by_the_order_its_dates_show()
{
    let h = Harness::new().await;
    // Excel in Indonesian settings: day first, and 05/12 is the fifth of December because
    // 20/12 in the same file says so.
    let indonesian = format!(
        "{HEADER}\n{}\n{}\n",
        row("Wirausaha", "05/12/2026 9:00", 25),
        row("Keuangan", "20/12/2026 13.30", 30),
    );
    let ids = h
        .engine
        .import_trainings(indonesian.as_bytes())
        .await
        .unwrap()
        .unwrap();
    let starts = h
        .count(&format!(
            "SELECT starts_at FROM trainings WHERE id = {}",
            ids[0]
        ))
        .await;
    assert_eq!(
        starts, SATURDAY_9_UTC,
        "the 5th of December, 09:00 in Jakarta"
    );
    // English (United States) settings: month first, with AM and PM.
    let english = format!(
        "{HEADER}\n{}\n{}\n",
        row("Digital", "12/05/2026 9:00 AM", 25),
        row("Koperasi", "12/21/2026 1:30 PM", 30),
    );
    let ids = h
        .engine
        .import_trainings(english.as_bytes())
        .await
        .unwrap()
        .unwrap();
    let starts = h
        .count(&format!(
            "SELECT starts_at FROM trainings WHERE id = {}",
            ids[0]
        ))
        .await;
    assert_eq!(starts, SATURDAY_9_UTC);
    // A file whose dates do not say which number is the day: the line is refused, not guessed.
    let unclear = format!("{HEADER}\n{}\n", row("Parenting", "07/12/2026 09:00", 25));
    let problems = h
        .engine
        .import_trainings(unclear.as_bytes())
        .await
        .unwrap()
        .unwrap_err();
    assert_eq!(problems.len(), 1);
    assert_eq!(problems[0].line, Some(2));
    assert_eq!(
        problems[0].problem,
        desmigratif::domain::training_csv::Problem::Field {
            column: "starts_at",
            error: desmigratif::domain::FieldError::Ambiguous,
        }
    );
}

#[tokio::test]
async fn a_start_typed_the_indonesian_way_is_taken_and_an_unclear_one_is_asked_again() {
    let mut h = Harness::new().await;
    let id = training(&h, "Wirausaha", "2026-12-05 09:00", 10).await;
    h.press(ADMIN, &tr(TrainingAction::EditField(id, Field::StartsAt)))
        .await;
    assert_eq!(
        ids(&h.say(ADMIN, "06/12/2026 09.00").await)[0],
        "training-invalid-ambiguous-which"
    );
    h.say(ADMIN, "Minggu, 6 Des 2026 pukul 09.00").await;
    let starts = h
        .count(&format!("SELECT starts_at FROM trainings WHERE id = {id}"))
        .await;
    assert_eq!(starts, SATURDAY_9_UTC + 86_400, "Sunday the 6th, 09:00");
}
