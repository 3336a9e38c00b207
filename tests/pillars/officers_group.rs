//! The officers' group (`ADMIN_CHAT_ID`) sees personal data only while the bot has found every
//! member to be an officer; otherwise it gets the number and nothing of the person, and each
//! officer gets the details privately.

use desmigratif::{
    domain::MembershipStatus,
    engine::{Event, ReplyKind, pillars::PillarsAction},
};

use crate::harness::*;
use crate::{
    OFFICERS_GROUP, deliver, delivered_to, in_group, pillar, press_in_group, register, rendered,
    start_asking, to, trust_group, with_trusted_group,
};

const FAMILY: i64 = 5;
const QUESTION: &str = "Suami saya di Malaysia belum digaji tiga bulan.";

async fn unchecked_group() -> Harness {
    Harness::with_settings(|s| s.admin_chat_id = Some(OFFICERS_GROUP)).await
}

async fn ask(h: &mut Harness) -> Vec<desmigratif::engine::Reply> {
    register(h, FAMILY, "Siti Aminah", "Kenanga").await;
    start_asking(h, FAMILY).await;
    h.say(FAMILY, QUESTION).await
}

/// Nothing a reader of the group would learn about the person.
fn assert_nothing_personal(text: &str) {
    for personal in ["Siti", "Kenanga", "0812", "+62", "digaji", "Malaysia"] {
        assert!(!text.contains(personal), "{personal:?} in {text}");
    }
}

#[tokio::test]
async fn a_group_not_known_to_hold_only_officers_gets_the_number_and_officers_the_details() {
    let mut h = unchecked_group().await;
    let replies = ask(&mut h).await;
    let group = to(&replies, OFFICERS_GROUP);
    assert_eq!(ids(&group), ["question-notice-group"]);
    let text = rendered(&h, &group);
    assert!(text.contains("no. 1"), "{text}");
    assert_nothing_personal(&text);
    // Each officer, privately, in full.
    for officer in [ADMIN, ADMIN_2] {
        let private = to(&replies, officer);
        assert_eq!(ids(&private)[0], "question-notice-new", "{officer}");
        let text = rendered(&h, &private);
        assert!(
            text.contains("Siti Aminah") && text.contains("digaji"),
            "{text}"
        );
    }

    // Replying to the group's notice still answers, and the confirmation names nobody.
    let delivered = deliver(&h).await;
    let notice = delivered_to(&delivered, OFFICERS_GROUP, "question-notice-group");
    let answered = h
        .handle(in_group(
            OFFICERS_GROUP,
            ADMIN,
            "Silakan lapor ke KP2MI di 0800-1000.",
            Some(notice),
        ))
        .await
        .replies;
    assert_eq!(ids(&to(&answered, FAMILY))[0], "question-answer-for-you");
    let confirmation = rendered(&h, &to(&answered, OFFICERS_GROUP));
    assert_nothing_personal(&confirmation);
}

#[tokio::test]
async fn in_such_a_group_the_inbox_and_the_buttons_point_to_the_private_chat() {
    let mut h = unchecked_group().await;
    ask(&mut h).await;
    let inbox = h
        .handle(in_group(OFFICERS_GROUP, ADMIN, "/pertanyaan", None))
        .await
        .replies;
    assert_eq!(ids(&inbox), ["officers-group-not-private"]);
    let pressed = h
        .handle(press_in_group(
            OFFICERS_GROUP,
            ADMIN,
            &pillar(PillarsAction::OpenQuestion(1)),
        ))
        .await
        .replies;
    assert_eq!(
        pressed.len(),
        1,
        "only the answer to the press: {:?}",
        ids(&pressed)
    );
    assert!(rendered(&h, &pressed).contains("🔒"));
    assert_nothing_personal(&rendered(&h, &pressed));
}

#[tokio::test]
async fn a_checked_group_gets_the_details_until_its_members_change() {
    let mut h = with_trusted_group().await;
    let replies = ask(&mut h).await;
    assert_eq!(ids(&to(&replies, OFFICERS_GROUP))[0], "question-notice-new");
    assert!(to(&replies, ADMIN).is_empty(), "the group is enough");

    // Someone joins: at once, in that update's own transaction, the group is no longer trusted,
    // and the bot is asked to check it again.
    let changed = h.engine.group_changed();
    let joined = h
        .handle(desmigratif::engine::Input {
            event: Event::GroupMembers,
            ..in_group(OFFICERS_GROUP, 77, "", None)
        })
        .await
        .replies;
    assert!(joined.is_empty());
    tokio::time::timeout(std::time::Duration::from_secs(5), changed.notified())
        .await
        .expect("the guard is woken");
    start_asking(&mut h, FAMILY).await;
    let second = h.say(FAMILY, "Dan paspornya ditahan.").await;
    assert_eq!(ids(&to(&second, OFFICERS_GROUP)), ["question-notice-group"]);
    assert_nothing_personal(&rendered(&h, &to(&second, OFFICERS_GROUP)));

    // A check begun before the change does not trust the group again; one begun after does.
    let before = start_time() - chrono::Duration::minutes(1);
    h.engine
        .writer()
        .write(async |tx| {
            desmigratif::store::officers_group::record(tx, OFFICERS_GROUP, true, 3, before).await
        })
        .await
        .unwrap();
    start_asking(&mut h, FAMILY).await;
    let third = h.say(FAMILY, "Tolong dibantu.").await;
    assert_eq!(ids(&to(&third, OFFICERS_GROUP)), ["question-notice-group"]);
    h.clock.advance(chrono::Duration::minutes(1));
    let now = h.engine.clock().now();
    h.engine
        .writer()
        .write(async |tx| {
            desmigratif::store::officers_group::record(tx, OFFICERS_GROUP, true, 3, now).await
        })
        .await
        .unwrap();
    start_asking(&mut h, FAMILY).await;
    let fourth = h.say(FAMILY, "Terima kasih.").await;
    assert_eq!(ids(&to(&fourth, OFFICERS_GROUP))[0], "question-notice-new");
}

#[tokio::test]
async fn a_cooperative_application_reaches_such_a_group_without_the_person() {
    let mut h = unchecked_group().await;
    register(&mut h, FAMILY, "Siti Aminah", "Kenanga").await;
    h.press(FAMILY, &pillar(PillarsAction::Membership)).await;
    let sent = h.press(FAMILY, &pillar(PillarsAction::ApplySend)).await;
    let group = to(&sent, OFFICERS_GROUP);
    assert_eq!(ids(&group), ["coop-notice-group"]);
    assert_nothing_personal(&rendered(&h, &group));
    assert!(
        actions(&group).is_empty(),
        "no status buttons where the person is not shown"
    );
    let private = to(&sent, ADMIN);
    assert_eq!(ids(&private), ["coop-notice"]);
    assert!(
        actions(&private).contains(&pillar(PillarsAction::SetMembership(
            1,
            MembershipStatus::Member
        )))
    );
    // An old notice's button in the group shows nothing either.
    let pressed = h
        .handle(press_in_group(
            OFFICERS_GROUP,
            ADMIN,
            &pillar(PillarsAction::SetMembership(1, MembershipStatus::Member)),
        ))
        .await
        .replies;
    assert!(
        pressed
            .iter()
            .all(|r| matches!(r.kind, ReplyKind::CallbackAnswer { .. }))
    );
    assert_eq!(
        h.count("SELECT count(*) FROM cooperative_applications WHERE status = 'applied'")
            .await,
        1
    );
    // Once the group is checked, it is the group that gets it.
    trust_group(&h).await;
    assert!(
        h.handle(press_in_group(
            OFFICERS_GROUP,
            ADMIN,
            &pillar(PillarsAction::SetMembership(1, MembershipStatus::Member)),
        ))
        .await
        .replies
        .iter()
        .any(|r| r.chat_id == OFFICERS_GROUP && !matches!(r.kind, ReplyKind::CallbackAnswer { .. }))
    );
}
