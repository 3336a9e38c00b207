//! Applying to join the cooperative, and officers recording where applications stand.

use desmigratif::{
    domain::MembershipStatus,
    engine::{
        Event, Keyboard,
        pillars::{Page, PillarsAction},
    },
};

use crate::harness::*;
use crate::{OFFICERS_GROUP, pillar, press_in_group, register, rendered, to, with_trusted_group};

const PERSON: i64 = 5;

fn set(id: i64, status: MembershipStatus) -> desmigratif::engine::Action {
    pillar(PillarsAction::SetMembership(id, status))
}

#[tokio::test]
async fn someone_not_registered_agrees_then_gives_name_and_phone() {
    let mut h = Harness::new().await;
    let page = h.say(PERSON, "/koperasi").await;
    assert!(button_ids(&page).contains(&"coop-button-join".to_owned()));

    let consent = h.press(PERSON, &pillar(PillarsAction::Membership)).await;
    assert!(has_id(&consent, "coop-consent"));
    assert!(actions(&consent).contains(&pillar(PillarsAction::ApplyConsent)));
    assert!(
        actions(&consent).contains(&pillar(PillarsAction::Page(Page::Cooperative))),
        "a way out"
    );
    assert_eq!(
        h.count("SELECT count(*) FROM consents").await,
        0,
        "nothing before consent"
    );

    assert!(has_id(
        &h.press(PERSON, &pillar(PillarsAction::ApplyConsent)).await,
        "asker-village-ask"
    ));
    assert!(has_id(
        &h.press(PERSON, &pillar(PillarsAction::SkipVillage)).await,
        "coop-ask-name"
    ));
    assert_eq!(
        h.count("SELECT count(*) FROM consents WHERE version = 'cooperative-1'")
            .await,
        1
    );

    assert_eq!(
        ids(&h.say(PERSON, "Budi 2").await),
        ["coop-name-digits", "coop-ask-name"]
    );
    assert_eq!(
        ids(&h.say(PERSON, "B").await),
        ["coop-name-too-short", "coop-ask-name"]
    );
    let phone = h.say(PERSON, "  Budi   Santoso ").await;
    assert_eq!(ids(&phone), ["coop-ask-phone"]);
    assert!(matches!(phone[0].keyboard(), Keyboard::ShareContact { .. }));

    assert_eq!(
        ids(&h.say(PERSON, "nomor saya").await),
        ["coop-phone-not-a-number", "coop-ask-phone"]
    );
    assert_eq!(
        ids(&h.say(PERSON, "0812").await),
        ["coop-phone-too-short", "coop-ask-phone"]
    );
    let someone_else = Event::Contact {
        phone: "+6281299998888".into(),
        user_id: Some(77),
    };
    assert_eq!(
        ids(&h.event(PERSON, someone_else).await),
        ["coop-phone-not-yours", "coop-ask-phone"]
    );

    let own = Event::Contact {
        phone: "+62 812-3456-7890".into(),
        user_id: Some(PERSON),
    };
    let done = h.event(PERSON, own).await;
    let to_person = to(&done, PERSON);
    assert_eq!(ids(&to_person)[..2], ["coop-applied", "coop-application"]);
    assert!(matches!(to_person[0].keyboard(), Keyboard::Remove));
    assert_eq!(
        h.count("SELECT count(*) FROM cooperative_applications WHERE full_name = 'Budi Santoso' AND phone = '+6281234567890' AND status = 'applied'").await,
        1
    );
    let notices: Vec<_> = done
        .iter()
        .filter(|r| r.chat_id == ADMIN || r.chat_id == ADMIN_2)
        .collect();
    assert_eq!(notices.len(), 2);
    assert!(
        notices
            .iter()
            .all(|r| r.subject == Some(PERSON) && r.text_ids() == ["coop-notice"])
    );
    assert!(h.text(notices[0]).contains("Budi Santoso"));

    // Afterwards the page shows the application instead of the join button.
    let page = h.say(PERSON, "/koperasi").await;
    assert!(button_ids(&page).contains(&"coop-button-my-application".to_owned()));
    assert_eq!(
        h.count("SELECT count(*) FROM conversations").await,
        0,
        "the step is over"
    );
}

#[tokio::test]
async fn a_registered_person_sends_their_profile_details() {
    let mut h = Harness::new().await;
    register(&mut h, PERSON, "Siti Aminah", "Kenanga").await;
    let confirm = h.press(PERSON, &pillar(PillarsAction::Membership)).await;
    assert!(has_id(&confirm, "coop-confirm-profile"));
    assert!(rendered(&h, &confirm).contains("Siti Aminah"));
    let sent = h.press(PERSON, &pillar(PillarsAction::ApplySend)).await;
    assert!(has_id(&sent, "coop-application"));
    let notice = sent.iter().find(|r| r.chat_id == ADMIN).unwrap();
    assert!(h.text(notice).contains("Kenanga"));
    // Pressing send again does not apply twice.
    h.press(PERSON, &pillar(PillarsAction::ApplySend)).await;
    assert_eq!(
        h.count("SELECT count(*) FROM cooperative_applications")
            .await,
        1
    );
    assert_eq!(
        h.count("SELECT count(*) FROM outbox WHERE payload LIKE '%coop-notice%'")
            .await,
        2
    );
}

#[tokio::test]
async fn officers_set_the_status_and_the_person_is_told_and_can_look_it_up() {
    let mut h = with_trusted_group().await;
    register(&mut h, PERSON, "Siti Aminah", "Kenanga").await;
    h.press(PERSON, &pillar(PillarsAction::Membership)).await;
    let sent = h.press(PERSON, &pillar(PillarsAction::ApplySend)).await;
    let notice = sent
        .iter()
        .find(|r| r.chat_id == OFFICERS_GROUP)
        .expect("to the officers' group");
    let id = h.count("SELECT id FROM cooperative_applications").await;
    for status in [
        MembershipStatus::Contacted,
        MembershipStatus::Member,
        MembershipStatus::Declined,
    ] {
        assert!(actions(std::slice::from_ref(notice)).contains(&set(id, status)));
    }

    // A member of the group who is not an officer: refused, nothing changes.
    let refused = h
        .handle(press_in_group(
            OFFICERS_GROUP,
            77,
            &set(id, MembershipStatus::Member),
        ))
        .await
        .replies;
    assert!(has_id(&refused, "officer-only"));
    assert_eq!(
        h.count("SELECT count(*) FROM cooperative_applications WHERE status = 'applied'")
            .await,
        1
    );

    let pressed = h
        .handle(press_in_group(
            OFFICERS_GROUP,
            ADMIN,
            &set(id, MembershipStatus::Contacted),
        ))
        .await
        .replies;
    assert!(has_id(&pressed, "coop-status-set"));
    let edited = pressed
        .iter()
        .find(|r| r.chat_id == OFFICERS_GROUP && r.text_ids() == ["coop-notice"])
        .unwrap();
    assert_eq!(edited.subject, Some(PERSON));
    let told: Vec<_> = pressed
        .iter()
        .filter(|r| r.chat_id == PERSON)
        .cloned()
        .collect();
    assert_eq!(
        ids(&told),
        ["coop-status-changed", "coop-application-contacted"]
    );

    let again = h
        .handle(press_in_group(
            OFFICERS_GROUP,
            ADMIN_2,
            &set(id, MembershipStatus::Contacted),
        ))
        .await
        .replies;
    assert!(has_id(&again, "coop-status-unchanged"));
    assert!(
        again.iter().all(|r| r.chat_id != PERSON),
        "no second message for no change"
    );

    let mine = h.press(PERSON, &pillar(PillarsAction::Membership)).await;
    assert!(has_id(&mine, "coop-application-contacted"));

    // A forged status button in a private chat of someone who is not an officer.
    let forged = h.press(PERSON, &set(id, MembershipStatus::Member)).await;
    assert!(has_id(&forged, "officer-only"));
    assert_eq!(
        h.count("SELECT count(*) FROM cooperative_applications WHERE status = 'contacted'")
            .await,
        1
    );
}

#[tokio::test]
async fn after_a_refusal_the_person_can_apply_again() {
    let mut h = Harness::new().await;
    register(&mut h, PERSON, "Siti Aminah", "Kenanga").await;
    h.press(PERSON, &pillar(PillarsAction::ApplySend)).await;
    h.press(ADMIN, &set(1, MembershipStatus::Declined)).await;
    let declined = h.press(PERSON, &pillar(PillarsAction::Membership)).await;
    assert!(has_id(&declined, "coop-application-declined"));
    assert!(actions(&declined).contains(&pillar(PillarsAction::Apply)));
    assert!(has_id(
        &h.press(PERSON, &pillar(PillarsAction::Apply)).await,
        "coop-confirm-profile"
    ));
    h.press(PERSON, &pillar(PillarsAction::ApplySend)).await;
    assert_eq!(
        h.count("SELECT count(*) FROM cooperative_applications WHERE status = 'applied'")
            .await,
        1
    );
}

#[tokio::test]
async fn an_old_status_button_for_an_application_that_is_gone_does_nothing() {
    let mut h = Harness::new().await;
    let replies = h.press(ADMIN, &set(404, MembershipStatus::Member)).await;
    assert_eq!(callback_answers(&replies), 1);
    assert!(has_id(&replies, "coop-application-gone"));
}
