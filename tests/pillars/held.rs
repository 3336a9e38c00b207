//! Messages no step expects find their way to an officer: a voice note outside any question,
//! a forwarded job offer (with where it came from), text that the FAQ cannot answer, and an
//! addition to the person's open question; all without typing it again.

use desmigratif::engine::{Event, Input, MediaKind, ReplyKind, pillars::PillarsAction};

use crate::harness::*;
use crate::{pillar, register, rendered, to};

const WIFE: i64 = 5;
const WORKER: i64 = 6;

fn voice(user: i64, message_id: i32) -> Input {
    let mut input = Input::text(user, "");
    input.event = Event::Media {
        kind: MediaKind::Voice,
        file_id: "v1".into(),
        caption: None,
    };
    input.message_id = Some(message_id);
    input
}

#[tokio::test]
async fn a_voice_note_outside_any_question_reaches_the_officers_as_it_is() {
    let mut h = Harness::new().await;
    register(&mut h, WIFE, "Sari Wulandari", "Kenanga").await;
    let offered = h.handle(voice(WIFE, 41)).await.replies;
    assert_eq!(ids(&offered), ["held-voice"]);
    assert!(rendered(&h, &offered).contains("petugas bisa"));

    let sent = h.press(WIFE, &pillar(PillarsAction::AskTyped)).await;
    assert!(has_id(&to(&sent, WIFE), "question-received"));
    let copies = sent
        .iter()
        .filter(|r| {
            matches!(
                r.kind,
                ReplyKind::Copy {
                    from_chat_id: WIFE,
                    message_id: 41,
                    ..
                }
            )
        })
        .count();
    assert_eq!(copies, 2, "the voice note itself, to each officer");
    let notice = rendered(&h, &to(&sent, ADMIN));
    assert!(notice.contains("[🎤 pesan suara]"), "{notice}");
    assert!(
        notice.contains("Sari Wulandari") && notice.contains("0812 3456 7890"),
        "the officer can call her back: {notice}"
    );
    assert_eq!(
        h.count("SELECT count(*) FROM question_entries WHERE media = 'voice' AND message_id = 41")
            .await,
        1
    );
    // Pressed again (a double tap): nothing more is sent.
    let again = h.press(WIFE, &pillar(PillarsAction::AskTyped)).await;
    assert!(!has_id(&again, "question-received"));
    assert_eq!(h.count("SELECT count(*) FROM questions").await, 1);
}

#[tokio::test]
async fn a_forwarded_job_offer_goes_with_where_it_came_from() {
    let mut h = Harness::new().await;
    register(&mut h, WORKER, "Budi Santoso", "Kenanga").await;
    let offer = "Dicari pekerja pabrik di Taiwan, gaji 25 juta, berangkat minggu depan tanpa biaya";
    let offered = h
        .handle(Input::text(WORKER, offer).forwarded_from("PT Sukses Jaya Abadi"))
        .await
        .replies;
    assert!(has_id(&offered, "held-forwarded") || has_id(&offered, "held-or-officer"));
    assert!(actions(&offered).contains(&pillar(PillarsAction::AskTyped)));

    let sent = h.press(WORKER, &pillar(PillarsAction::AskTyped)).await;
    assert!(has_id(&to(&sent, WORKER), "question-received"));
    let notice = rendered(&h, &to(&sent, ADMIN));
    assert!(
        notice.contains("[↪️ diteruskan dari PT Sukses Jaya Abadi]")
            && notice.contains("gaji 25 juta"),
        "{notice}"
    );
    assert_eq!(
        h.count(
            "SELECT count(*) FROM question_entries WHERE forwarded_from = 'PT Sukses Jaya Abadi'"
        )
        .await,
        1
    );
}

#[tokio::test]
async fn a_message_can_be_added_to_the_open_question_without_typing_it_again() {
    let mut h = Harness::new().await;
    register(&mut h, WIFE, "Sari Wulandari", "Kenanga").await;
    h.say(WIFE, "saya bingung sekali").await;
    h.press(WIFE, &pillar(PillarsAction::AskTyped)).await;
    let id = h.count("SELECT max(id) FROM questions").await;

    let offered = h
        .say(WIFE, "suami saya tidak bisa dihubungi sejak kemarin")
        .await;
    let add = pillar(PillarsAction::AddHeld(id));
    assert!(actions(&offered).contains(&add));
    let added = h.press(WIFE, &add).await;
    assert!(has_id(&to(&added, WIFE), "question-follow-up-received"));
    assert_eq!(h.count("SELECT count(*) FROM questions").await, 1);
    assert_eq!(
        h.count(&format!(
            "SELECT count(*) FROM question_entries WHERE question_id = {id} AND author = 'user'"
        ))
        .await,
        2
    );
    // Someone else's question number on a forged button adds nothing to it.
    register(&mut h, WORKER, "Budi Santoso", "Kenanga").await;
    h.say(WORKER, "ada yang bisa bantu saya?").await;
    let forged = h.press(WORKER, &add).await;
    assert!(!has_id(&forged, "question-follow-up-received"));
    assert_eq!(
        h.count(&format!(
            "SELECT count(*) FROM question_entries WHERE question_id = {id}"
        ))
        .await,
        2
    );
}
