//! Work goes to the right person: a question to the officers of the asker's village, up to
//! the regency's coordinators and then the admins when nobody takes it within ESCALATE_AFTER
//! (on the test clock), and every staff action limited to the staff member's area.

#[path = "support/harness.rs"]
mod harness;
#[path = "support/seed.rs"]
mod seed;

use desmigratif::{
    domain::staff::Area,
    engine::{Action, Reply, pillars::PillarsAction},
    store,
};
use harness::*;

const OFFICER: i64 = 5;
const COORDINATOR: i64 = 7;
const OTHER_OFFICER: i64 = 8;
const RESIDENT: i64 = 10;
/// A village of Wonosobo (Kuripan, 33.07.10.2004).
const WONOSOBO_VILLAGE: i64 = 3_307_102_004;

fn to(replies: &[Reply], chat: i64) -> Vec<Reply> {
    replies
        .iter()
        .filter(|r| r.chat_id == chat)
        .cloned()
        .collect()
}

/// Staff appointed straight in the store, as an accepted invitation leaves them.
async fn appoint(h: &Harness, user: i64, area: Area) {
    h.engine
        .writer()
        .write(async |tx| {
            store::staff::appoint(tx, user, area, ADMIN, start_time()).await?;
            store::staff::set_card(tx, user, store::staff::CardField::Name, Some("Petugas")).await
        })
        .await
        .unwrap();
}

async fn staffed(h: &mut Harness) {
    use desmigratif::domain::area::{RegencyCode, VillageCode};
    appoint(
        h,
        OFFICER,
        Area::Village(VillageCode::parse("32.12.16.2004").unwrap()),
    )
    .await;
    appoint(
        h,
        COORDINATOR,
        Area::Regency(RegencyCode::parse("32.12").unwrap()),
    )
    .await;
    appoint(
        h,
        OTHER_OFFICER,
        Area::Village(VillageCode::from_number(WONOSOBO_VILLAGE).unwrap()),
    )
    .await;
    seed::registered(&h.pool, RESIDENT, "id", &seed::Profile::default()).await;
}

async fn ask(h: &mut Harness, user: i64, text: &str) -> Vec<Reply> {
    h.say(user, "/tanya").await;
    h.say(user, text).await
}

async fn queued(h: &Harness, chat: i64, id: &str) -> i64 {
    h.count(&format!(
        "SELECT count(*) FROM outbox WHERE chat_id = {chat} AND payload LIKE '%{id}%'"
    ))
    .await
}

#[tokio::test]
async fn a_question_goes_to_the_village_officer_only() {
    let mut h = Harness::new().await;
    staffed(&mut h).await;
    let asked = ask(&mut h, RESIDENT, "Gaji suami saya belum dibayar").await;
    assert!(has_id(&to(&asked, OFFICER), "question-notice-new"));
    for other in [COORDINATOR, OTHER_OFFICER, ADMIN, ADMIN_2] {
        assert!(to(&asked, other).is_empty(), "{other} is not told yet");
    }
    let level: String = sqlx::query_scalar("SELECT level FROM questions")
        .fetch_one(&h.pool)
        .await
        .unwrap();
    assert_eq!(level, "village");
    // Someone from a village without staff, or not registered: the admins.
    let stranger = ask(&mut h, 11, "Bagaimana cara daftar?").await;
    assert!(has_id(&to(&stranger, ADMIN), "question-notice-new"));
    assert!(to(&stranger, OFFICER).is_empty());
}

#[tokio::test]
async fn nobody_taking_it_sends_it_up_after_escalate_after_and_taking_it_stops_that() {
    let mut h = Harness::new().await;
    staffed(&mut h).await;
    ask(&mut h, RESIDENT, "Paspor suami saya ditahan").await;
    h.clock
        .advance(chrono::Duration::hours(24) - chrono::Duration::minutes(1));
    h.engine.tick().await.unwrap();
    assert_eq!(
        queued(&h, COORDINATOR, "question-notice-escalated").await,
        0
    );
    h.clock.advance(chrono::Duration::minutes(2));
    h.engine.tick().await.unwrap();
    assert_eq!(
        queued(&h, COORDINATOR, "question-notice-escalated").await,
        1
    );
    assert_eq!(queued(&h, ADMIN, "question-notice-escalated").await, 0);
    h.clock
        .advance(chrono::Duration::hours(24) + chrono::Duration::minutes(1));
    h.engine.tick().await.unwrap();
    assert_eq!(queued(&h, ADMIN, "question-notice-escalated").await, 1);
    h.clock.advance(chrono::Duration::days(3));
    h.engine.tick().await.unwrap();
    assert_eq!(
        queued(&h, ADMIN, "question-notice-escalated").await,
        1,
        "the admins are the top"
    );

    // A second question, taken by the officer: it stays with them.
    ask(&mut h, RESIDENT, "Saya mau ikut pelatihan").await;
    let take = Action::Pillars(PillarsAction::Take(2));
    let taken = h.press(OFFICER, &take).await;
    assert!(has_id(&taken, "question-taken-you"));
    assert!(has_id(
        &h.press(OFFICER, &take).await,
        "question-taken-already"
    ));
    h.clock.advance(chrono::Duration::days(3));
    h.engine.tick().await.unwrap();
    assert_eq!(
        queued(&h, COORDINATOR, "question-notice-escalated").await,
        1
    );
}

#[tokio::test]
async fn staff_act_only_on_their_areas_questions() {
    let mut h = Harness::new().await;
    staffed(&mut h).await;
    ask(&mut h, RESIDENT, "Pertanyaan dari Kenanga").await;
    // The Wonosobo officer: not in their inbox, cannot open, take or answer it.
    let inbox = h.say(OTHER_OFFICER, "/pertanyaan").await;
    assert!(has_id(&inbox, "question-inbox-empty"));
    let open = h
        .press(
            OTHER_OFFICER,
            &Action::Pillars(PillarsAction::OpenQuestion(1)),
        )
        .await;
    assert!(!has_id(&open, "question-notice-open"));
    h.press(OTHER_OFFICER, &Action::Pillars(PillarsAction::Take(1)))
        .await;
    let answered = h.say(OTHER_OFFICER, "/jawab 1 Halo").await;
    assert!(has_id(&answered, "question-answer-gone"));
    assert!(to(&answered, RESIDENT).is_empty());
    assert_eq!(
        h.count("SELECT count(*) FROM questions WHERE taken_by IS NOT NULL")
            .await,
        0
    );
    // Not staff at all.
    assert!(has_id(&h.say(12, "/pertanyaan").await, "officer-only"));
    // The coordinator of the regency and the village's officer may.
    assert!(has_id(
        &h.say(COORDINATOR, "/pertanyaan").await,
        "question-inbox-title"
    ));
    let answer = h
        .say(OFFICER, "/jawab 1 Silakan datang ke balai desa.")
        .await;
    assert!(has_id(&to(&answer, RESIDENT), "question-answer-for-you"));
}
