//! Erasing a person also reaches what officers were sent about them: each notice in an
//! officer's chat becomes "[erased at the person's request]", and a copy of their voice note
//! is deleted. Through the real sender, as Telegram would see it.

use std::sync::Arc;

use desmigratif::{
    domain::MembershipStatus,
    engine::{Action, Event, MediaKind, ReplyKind, pillars::PillarsAction, profile::ProfileAction},
    sender::Outgoing,
};

use crate::harness::*;
use crate::{Recorder, deliver_through, pillar, register, rendered, start_asking, to};

const PERSON: i64 = 5;
const OTHER: i64 = 6;

#[tokio::test]
async fn erasing_a_person_replaces_every_notice_officers_were_sent_about_them() {
    let mut h = Harness::new().await;
    let recorder = Arc::new(Recorder::default());
    register(&mut h, PERSON, "Siti Aminah", "Kenanga").await;
    register(&mut h, OTHER, "Budi Santoso", "Sindang").await;
    // A question by text, a voice note, and a cooperative application: each reaches both
    // officers.
    start_asking(&mut h, PERSON).await;
    h.say(PERSON, "Suami saya belum digaji tiga bulan.").await;
    start_asking(&mut h, PERSON).await;
    let mut voice = desmigratif::engine::Input::text(PERSON, "");
    voice.event = Event::Media {
        kind: MediaKind::Voice,
        file_id: "v1".into(),
        caption: None,
    };
    voice.message_id = Some(321);
    h.handle(voice).await;
    h.press(PERSON, &pillar(PillarsAction::Membership)).await;
    h.press(PERSON, &pillar(PillarsAction::ApplySend)).await;
    // Someone else's question, which must stay as it is.
    start_asking(&mut h, OTHER).await;
    h.say(OTHER, "Kapan pelatihan berikutnya?").await;
    // An officer looks at the application and sets it: the notice is edited in place.
    let mut delivered = deliver_through(&h, recorder.clone()).await;
    let notices = delivered
        .iter()
        .filter(|(r, _)| r.subject == Some(PERSON) && r.chat_id != PERSON)
        .count();
    assert_eq!(
        notices,
        2 * 4,
        "two officers: a question, a voice note notice and its copy, an application"
    );
    h.press(
        ADMIN,
        &pillar(PillarsAction::SetMembership(1, MembershipStatus::Contacted)),
    )
    .await;
    delivered.extend(deliver_through(&h, recorder.clone()).await);
    let about_person: std::collections::BTreeSet<(i64, i32)> = delivered
        .iter()
        .filter(|(r, _)| r.subject == Some(PERSON) && r.chat_id != PERSON)
        .map(|(r, id)| (r.chat_id, *id))
        .collect();

    let erased = h
        .press(PERSON, &Action::Profile(ProfileAction::DeleteConfirmed))
        .await;
    assert!(has_id(&erased, "privacy-deleted"));
    let redactions: Vec<_> = erased
        .iter()
        .filter(|r| matches!(r.kind, ReplyKind::Redact { .. }))
        .collect();
    assert_eq!(redactions.len(), about_person.len(), "{:?}", ids(&erased));
    assert!(redactions.iter().all(|r| r.subject.is_none()));
    let text = rendered(&h, &to(&erased, ADMIN));
    assert!(!text.contains("Siti") && !text.contains("digaji"), "{text}");

    recorder.sent.lock().unwrap().clear();
    deliver_through(&h, recorder.clone()).await;
    let sent = recorder.sent.lock().unwrap().clone();
    for (chat, message_id) in &about_person {
        let reached = sent.iter().any(|o| match o {
            Outgoing::Edit {
                chat_id,
                message_id: id,
                text,
                ..
            } => chat_id == chat && id == message_id && text.contains("Dihapus atas permintaan"),
            Outgoing::Delete {
                chat_id,
                message_id: id,
            } => chat_id == chat && id == message_id,
            _ => false,
        });
        assert!(reached, "message {message_id} in chat {chat}: {sent:#?}");
    }
    let deletes = sent
        .iter()
        .filter(|o| matches!(o, Outgoing::Delete { .. }))
        .count();
    assert_eq!(
        deletes, 2,
        "the voice note's copies are deleted, not edited"
    );
    let touched = sent
        .iter()
        .filter(|o| match o {
            Outgoing::Edit { chat_id, .. } | Outgoing::Delete { chat_id, .. } => *chat_id != PERSON,
            _ => false,
        })
        .count();
    assert_eq!(
        touched,
        about_person.len(),
        "nothing else is touched: {sent:#?}"
    );
    // Nothing about the person is left to find, and the other person's notices stand.
    assert_eq!(
        h.count(&format!(
            "SELECT count(*) FROM notice_copies WHERE subject_user_id = {PERSON}"
        ))
        .await,
        0
    );
    assert_eq!(
        h.count(&format!(
            "SELECT count(*) FROM notice_copies WHERE subject_user_id = {OTHER}"
        ))
        .await,
        2
    );
}

#[tokio::test]
async fn the_consent_and_erasure_screens_say_what_stays_and_for_how_long() {
    let locales = desmigratif::i18n::Locales::load(chrono_tz::Asia::Jakarta).unwrap();
    for (lang, backup, officers) in [
        (
            desmigratif::domain::Language::Id,
            "14 hari",
            "obrolan petugas",
        ),
        (
            desmigratif::domain::Language::En,
            "14 days",
            "officers' chats",
        ),
    ] {
        for id in ["registration-consent", "privacy-delete-confirm"] {
            let text = locales.message(lang, &desmigratif::engine::Msg::new(id));
            assert!(text.contains(backup), "{id} in {lang:?}: {text}");
            assert!(text.contains(officers), "{id} in {lang:?}: {text}");
        }
        let consent = locales.message(lang, &desmigratif::engine::Msg::new("registration-consent"));
        assert!(
            !consent.contains("Semua data Anda dihapus sampai"),
            "{consent}"
        );
    }
}
