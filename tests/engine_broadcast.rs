//! Officers' announcements through the real engine: composing, the preview, who gets it,
//! scheduling, live progress, pause, resume and stop, and refusals for everyone else.

#[path = "support/harness.rs"]
mod harness;
#[path = "support/seed.rs"]
mod seed;

use std::sync::{Arc, Mutex};

use desmigratif::{
    domain::{Language, Role},
    engine::{
        Action, Event, MediaKind, ReplyKind, State,
        broadcast::{AudienceChoice, BroadcastAction, ComposeStep},
    },
    sender::{Pacing, Sender},
    sim::SimTransport,
    store::conversations,
};
use harness::*;

fn bc(action: BroadcastAction) -> Action {
    Action::Broadcast(action)
}

async fn composer_step(h: &Harness, user: i64) -> Option<ComposeStep> {
    let state: State = h
        .engine
        .reader()
        .read(async |tx| conversations::load(tx, user).await)
        .await
        .unwrap()
        .map(|json| serde_json::from_str(&json).unwrap())
        .unwrap_or_default();
    match state {
        State::Broadcast(c) => Some(c.step),
        _ => None,
    }
}

/// Users 1..=n: odd ones registered returnees in Kenanga (Indonesian), even ones unregistered
/// English speakers.
async fn seed_users(h: &Harness, n: i64) {
    for id in 1..=n {
        if id % 2 == 1 {
            let profile = seed::Profile {
                name: "Warga",
                phone: "+6281200000000",
                ..Default::default()
            };
            seed::registered(&h.pool, id, "id", &profile).await;
        } else {
            seed::user(&h.pool, id, "en", 0).await;
        }
    }
}

/// An officer writes a two-language announcement to `choice`, sent now, up to the preview.
async fn compose(h: &mut Harness, choice: AudienceChoice) -> Vec<desmigratif::engine::Reply> {
    h.say(ADMIN, "/umumkan").await;
    h.say(ADMIN, "Pelatihan kewirausahaan Sabtu ini!").await;
    h.press(ADMIN, &bc(BroadcastAction::AddOther)).await;
    h.say(ADMIN, "Entrepreneurship training this Saturday!")
        .await;
    h.press(ADMIN, &bc(BroadcastAction::Audience(choice))).await;
    h.press(ADMIN, &bc(BroadcastAction::Now)).await
}

#[tokio::test]
async fn only_officers_can_broadcast_and_forged_officer_buttons_do_nothing() {
    let mut h = Harness::new().await;
    seed_users(&h, 4).await;
    assert_eq!(ids(&h.say(1, "/umumkan").await), ["officer-only"]);
    assert_eq!(ids(&h.say(1, "/broadcast").await), ["officer-only"]);
    for action in [
        BroadcastAction::Send,
        BroadcastAction::Pause(1),
        BroadcastAction::Stop(1),
    ] {
        let replies = h.press(1, &bc(action)).await;
        assert_eq!(callback_answers(&replies), 1);
        assert!(has_id(&replies, "officer-only"));
    }
    assert_eq!(h.count("SELECT count(*) FROM broadcasts").await, 0);
}

#[tokio::test]
async fn the_preview_shows_both_versions_and_the_count_and_nothing_goes_before_confirming() {
    let mut h = Harness::new().await;
    seed_users(&h, 10).await;
    let preview = compose(&mut h, AudienceChoice::Role(Role::Returnee)).await;
    assert!(has_id(&preview, "broadcast-preview-intro"));
    let versions: Vec<Language> = preview
        .iter()
        .filter(|r| matches!(r.kind, ReplyKind::Broadcast { .. }))
        .map(|r| r.lang)
        .collect();
    assert_eq!(versions, [Language::Id, Language::En]);
    let intro = preview
        .iter()
        .find(|r| r.text_ids().contains(&"broadcast-preview-intro"))
        .unwrap();
    assert!(
        h.text(intro).contains("5"),
        "five returnees: {}",
        h.text(intro)
    );
    assert!(actions(&preview).contains(&bc(BroadcastAction::Send)));
    h.engine.tick().await.unwrap();
    assert_eq!(
        h.count("SELECT count(*) FROM outbox WHERE broadcast_id IS NOT NULL")
            .await,
        0
    );

    let sent = h.press(ADMIN, &bc(BroadcastAction::Send)).await;
    assert!(has_id(&sent, "broadcast-started"));
    h.engine.tick().await.unwrap();
    assert_eq!(
        h.count("SELECT count(*) FROM outbox WHERE broadcast_id IS NOT NULL")
            .await,
        5
    );
    assert_eq!(
        h.count(
            "SELECT count(*) FROM audit_log WHERE action = 'broadcast.send' AND officer_id = 900"
        )
        .await,
        1
    );
}

#[tokio::test]
async fn each_recipient_gets_their_languages_version_or_the_other_one() {
    let mut h = Harness::new().await;
    seed_users(&h, 4).await;
    // Only an Indonesian version, to everyone.
    h.say(ADMIN, "/umumkan").await;
    h.say(ADMIN, "Rapat anggota koperasi hari Minggu.").await;
    h.press(ADMIN, &bc(BroadcastAction::SkipOther)).await;
    h.press(
        ADMIN,
        &bc(BroadcastAction::Audience(AudienceChoice::Everyone)),
    )
    .await;
    h.press(ADMIN, &bc(BroadcastAction::Now)).await;
    h.press(ADMIN, &bc(BroadcastAction::Send)).await;
    h.engine.tick().await.unwrap();

    let screen = SharedBuffer::default();
    let sender = Sender::new(
        h.engine.writer(),
        h.engine.reader(),
        h.engine.files(),
        Arc::new(SimTransport::new(screen.clone())),
        h.locales.clone(),
        Pacing::new(1000),
        h.engine.outbox_ready(),
    );
    sender.drain(Some(2)).await.unwrap();
    assert!(
        screen.text().contains("Rapat anggota koperasi"),
        "the English reader gets the only version"
    );
}

#[tokio::test]
async fn bad_texts_villages_and_times_get_hints() {
    let mut h = Harness::new().await;
    seed_users(&h, 3).await;
    h.say(ADMIN, "/umumkan").await;
    let long = "x".repeat(5000);
    assert_eq!(
        ids(&h.say(ADMIN, &long).await)[0],
        "broadcast-text-too-long"
    );
    assert_eq!(
        ids(&h.event(ADMIN, Event::Location).await)[0],
        "broadcast-text-or-photo"
    );
    let photo = h
        .event(
            ADMIN,
            Event::Media {
                kind: MediaKind::Photo,
                file_id: "AgAD".into(),
                caption: Some("Poster".into()),
            },
        )
        .await;
    assert!(has_id(&photo, "broadcast-offer-other"));
    h.press(ADMIN, &bc(BroadcastAction::SkipOther)).await;
    h.press(
        ADMIN,
        &bc(BroadcastAction::Audience(AudienceChoice::Village)),
    )
    .await;
    assert_eq!(
        ids(&h.say(ADMIN, "Atlantis").await)[0],
        "place-village-not-found"
    );
    // Villages are chosen from the list, found whatever the letter case.
    let when = h.choose_village(ADMIN, "KENANGA sindang").await;
    assert!(has_id(&when, "broadcast-ask-when"), "{:?}", ids(&when));
    h.press(ADMIN, &bc(BroadcastAction::Later)).await;
    assert_eq!(
        ids(&h.say(ADMIN, "besok pagi").await)[0],
        "broadcast-time-format"
    );
    assert_eq!(
        ids(&h.say(ADMIN, "2020-01-01 09:00").await)[0],
        "broadcast-time-past"
    );
    // 05/12 could be the fifth of December or May 12: asked again, not guessed.
    let asked = h.say(ADMIN, "05/12/2026 09.00").await;
    assert_eq!(ids(&asked)[0], "training-invalid-ambiguous-which");
    let text = h.text(&asked[0]);
    assert!(
        text.contains("5 Desember 2026 atau 12 Mei 2026"),
        "both readings, in words: {text}"
    );
    assert!(text.contains("5 Desember 2026 09.00"), "{text}");
    assert_eq!(
        ids(&h.say(ADMIN, "20/12/2026").await)[0],
        "training-invalid-no-time"
    );
    // Typed the Indonesian way.
    let preview = h.say(ADMIN, "20/12/2026 09.00").await;
    assert!(has_id(&preview, "broadcast-preview-intro"));
    assert_eq!(composer_step(&h, ADMIN).await, Some(ComposeStep::Preview));
}

#[tokio::test]
async fn a_scheduled_broadcast_starts_at_its_time() {
    let mut h = Harness::new().await;
    seed_users(&h, 6).await;
    h.say(ADMIN, "/umumkan").await;
    h.say(ADMIN, "Besok ada pemeriksaan kesehatan gratis.")
        .await;
    h.press(ADMIN, &bc(BroadcastAction::SkipOther)).await;
    h.press(
        ADMIN,
        &bc(BroadcastAction::Audience(AudienceChoice::Language(
            Language::En,
        ))),
    )
    .await;
    h.press(ADMIN, &bc(BroadcastAction::Later)).await;
    // 2026-12-01 12:00 in Jakarta is 05:00 UTC, two hours after the harness clock.
    h.say(ADMIN, "2026-12-01 12:00").await;
    let confirmed = h.press(ADMIN, &bc(BroadcastAction::Send)).await;
    assert!(has_id(&confirmed, "broadcast-scheduled"));
    h.engine.tick().await.unwrap();
    assert_eq!(
        h.count("SELECT count(*) FROM outbox WHERE broadcast_id IS NOT NULL")
            .await,
        0
    );
    h.clock.advance(chrono::Duration::hours(2));
    h.engine.tick().await.unwrap();
    assert_eq!(
        h.count("SELECT count(*) FROM outbox WHERE broadcast_id IS NOT NULL")
            .await,
        3
    );
}

#[tokio::test]
async fn progress_is_one_message_edited_in_place_and_pause_resume_and_stop_work() {
    let mut h = Harness::new().await;
    seed_users(&h, 10).await;
    compose(&mut h, AudienceChoice::Everyone).await;
    h.press(ADMIN, &bc(BroadcastAction::Send)).await;
    h.engine.tick().await.unwrap(); // starts, and queues the first progress message
    let progress_row: i64 = h.count("SELECT progress_outbox_id FROM broadcasts").await;
    // Telegram got the progress message (id 500) and four copies.
    sqlx::query("UPDATE outbox SET status = 'sent', telegram_message_id = 500 WHERE id = ?")
        .bind(progress_row)
        .execute(&h.pool)
        .await
        .unwrap();
    sqlx::query("UPDATE outbox SET status = 'sent' WHERE id IN (SELECT id FROM outbox WHERE broadcast_id = 1 LIMIT 4)")
        .execute(&h.pool)
        .await
        .unwrap();
    h.clock.advance(chrono::Duration::seconds(5));
    h.engine.tick().await.unwrap();
    let edit: String =
        sqlx::query_scalar("SELECT payload FROM outbox WHERE chat_id = ? ORDER BY id DESC LIMIT 1")
            .bind(ADMIN)
            .fetch_one(&h.pool)
            .await
            .unwrap();
    let edit: desmigratif::engine::Reply = serde_json::from_str(&edit).unwrap();
    assert!(matches!(
        edit.kind,
        ReplyKind::Edit {
            message_id: 500,
            ..
        }
    ));
    let text = h.text(&edit);
    // Ten users and the officer, who is a user too.
    assert!(text.contains("4 dari 11") && text.contains("36%"), "{text}");

    let paused = h.press(ADMIN, &bc(BroadcastAction::Pause(1))).await;
    assert!(has_id(&paused, "broadcast-progress-paused"));
    let waiting = h
        .engine
        .writer()
        .write(async |tx| desmigratif::store::outbox::pending(tx, 100, None, None).await)
        .await
        .unwrap();
    assert!(
        waiting.iter().all(|row| row.chat_id == ADMIN),
        "a paused broadcast's copies wait"
    );
    h.press(ADMIN, &bc(BroadcastAction::Resume(1))).await;
    let stopped = h.press(ADMIN, &bc(BroadcastAction::Stop(1))).await;
    assert!(has_id(&stopped, "broadcast-report-cancelled"));
    assert_eq!(
        h.count("SELECT count(*) FROM outbox WHERE broadcast_id = 1 AND status = 'pending'")
            .await,
        0
    );
    assert_eq!(
        h.count("SELECT count(*) FROM broadcasts WHERE status = 'cancelled'")
            .await,
        1
    );
    // A stopped broadcast's buttons are old buttons now.
    assert!(has_id(
        &h.press(ADMIN, &bc(BroadcastAction::Resume(1))).await,
        "broadcast-not-running"
    ));
}

#[tokio::test]
async fn cancelling_the_composer_drops_the_draft() {
    let mut h = Harness::new().await;
    seed_users(&h, 2).await;
    compose(&mut h, AudienceChoice::Everyone).await;
    assert_eq!(
        h.count("SELECT count(*) FROM broadcasts WHERE status = 'draft'")
            .await,
        1
    );
    h.say(ADMIN, "/batal").await;
    assert_eq!(h.count("SELECT count(*) FROM broadcasts").await, 0);
}

/// A terminal for the simulator's transport that the test can read.
#[derive(Clone, Default)]
struct SharedBuffer(Arc<Mutex<Vec<u8>>>);

impl SharedBuffer {
    fn text(&self) -> String {
        String::from_utf8_lossy(&self.0.lock().unwrap()).into_owned()
    }
}

impl std::io::Write for SharedBuffer {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.0.lock().unwrap().extend_from_slice(buf);
        Ok(buf.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

#[tokio::test]
async fn people_booked_on_a_training_can_be_the_audience() {
    let mut h = Harness::new().await;
    seed_users(&h, 6).await;
    let tomorrow = start_time().timestamp() + 86_400;
    seed::training(&h.pool, 7, "Pelatihan Wirausaha", tomorrow, 20).await;
    for (user, status) in [(1, "booked"), (3, "booked"), (5, "waiting")] {
        seed::sign_up(&h.pool, 7, user, status).await;
    }
    h.say(ADMIN, "/umumkan").await;
    h.say(ADMIN, "Pelatihan besok pindah ke aula kecamatan.")
        .await;
    h.press(ADMIN, &bc(BroadcastAction::SkipOther)).await;
    let list = h
        .press(
            ADMIN,
            &bc(BroadcastAction::Audience(AudienceChoice::Training)),
        )
        .await;
    assert!(actions(&list).contains(&bc(BroadcastAction::Training(7))));
    h.press(ADMIN, &bc(BroadcastAction::Training(7))).await;
    let preview = h.press(ADMIN, &bc(BroadcastAction::Now)).await;
    let intro = preview
        .iter()
        .find(|r| r.text_ids().contains(&"broadcast-preview-intro"))
        .unwrap();
    assert!(h.text(intro).contains(": 2 orang"), "{}", h.text(intro));
    h.press(ADMIN, &bc(BroadcastAction::Send)).await;
    h.engine.tick().await.unwrap();
    let recipients: Vec<i64> = sqlx::query_scalar(
        "SELECT chat_id FROM outbox WHERE broadcast_id IS NOT NULL ORDER BY chat_id",
    )
    .fetch_all(&h.pool)
    .await
    .unwrap();
    assert_eq!(
        recipients,
        [1, 3],
        "only people with a seat, not the waitlist"
    );
}
