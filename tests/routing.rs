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

/// Asks; someone whose village the bot does not know skips saying it.
async fn ask(h: &mut Harness, user: i64, text: &str) -> Vec<Reply> {
    if has_id(&h.say(user, "/tanya").await, "asker-village-ask") {
        h.press(user, &Action::Pillars(PillarsAction::SkipVillage))
            .await;
    }
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
    assert!(has_id(&inbox, "inbox-empty-open"));
    for filter in desmigratif::store::questions::InboxFilter::ALL {
        let page = h
            .press(
                OTHER_OFFICER,
                &Action::Pillars(PillarsAction::InboxView(*filter, 1)),
            )
            .await;
        assert!(
            !actions(&page).contains(&Action::Pillars(PillarsAction::OpenQuestion(1))),
            "{filter:?}"
        );
    }
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
        "inbox-title-open"
    ));
    let answer = h
        .say(OFFICER, "/jawab 1 Silakan datang ke balai desa.")
        .await;
    assert!(has_id(&to(&answer, RESIDENT), "question-answer-for-you"));
}

#[tokio::test]
async fn someone_not_registered_names_their_village_and_its_officer_gets_the_question() {
    let mut h = Harness::new().await;
    staffed(&mut h).await;
    let asked = h.say(12, "/tanya").await;
    assert_eq!(ids(&asked), ["asker-village-ask"]);
    assert!(
        first_village(&asked).is_none(),
        "nothing to offer the first time"
    );
    let prompt = h.choose_village(12, "kenanga sindang").await;
    assert_eq!(ids(&prompt), ["question-ask-prompt"]);
    let sent = h.say(12, "Bagaimana cara daftar?").await;
    assert!(has_id(&to(&sent, 12), "question-received"));
    assert!(has_id(&to(&sent, OFFICER), "question-notice-new"));
    assert!(to(&sent, ADMIN).is_empty(), "the village officer first");
    // Next time, the same village is the first button; «Skip» sends to the admins.
    let again = h.say(12, "/tanya").await;
    let offered = first_village(&again).expect("last time's village offered");
    assert_eq!(
        offered,
        Action::Pillars(PillarsAction::Place(
            desmigratif::engine::places::Pick::Village(
                desmigratif::domain::area::VillageCode::parse("32.12.16.2004").unwrap()
            )
        ))
    );
    h.press(12, &Action::Pillars(PillarsAction::SkipVillage))
        .await;
    let skipped = h.say(12, "Pertanyaan kedua").await;
    assert!(has_id(&to(&skipped, ADMIN), "question-notice-new"));
    assert!(to(&skipped, OFFICER).is_empty());
}

#[tokio::test]
async fn trouble_written_out_where_the_village_is_asked_is_taken_as_the_question() {
    let mut h = Harness::new().await;
    staffed(&mut h).await;
    h.say(12, "/tanya").await;
    let sent = h
        .say(12, "Tolong suami saya belum digaji tiga bulan di Malaysia")
        .await;
    assert!(has_id(&to(&sent, 12), "question-received"));
    assert!(has_id(&to(&sent, ADMIN), "question-notice-new"));
    h.say(12, "/tanya").await;
    let sent = h.say(12, "paspor saya ditahan majikan").await;
    assert!(has_id(&to(&sent, 12), "question-received"));
    // An address that names a village is one, however it is written.
    h.say(12, "/tanya").await;
    let address = h.say(12, "Desa Kenanga Kec. Sindang Kab. Indramayu").await;
    assert!(first_village(&address).is_some(), "{:?}", ids(&address));
    // A short text is a village's name: searched, nothing sent.
    h.say(13, "/tanya").await;
    let searched = h.say(13, "xqzv").await;
    assert!(has_id(&searched, "place-village-not-found"));
    assert_eq!(
        h.count("SELECT count(*) FROM questions WHERE user_id = 13")
            .await,
        0
    );
    // Something else than text gets a hint, the way out still there.
    let mut input = desmigratif::engine::Input::text(13, "");
    input.event = desmigratif::engine::Event::Location;
    let photo = h.handle(input).await.replies;
    assert!(has_id(&photo, "asker-village-type-it"));
}

#[tokio::test]
async fn a_cooperative_application_goes_to_the_village_officer_who_takes_it_by_setting_its_status()
{
    use desmigratif::domain::MembershipStatus;
    let mut h = Harness::new().await;
    staffed(&mut h).await;
    h.press(RESIDENT, &Action::Pillars(PillarsAction::Membership))
        .await;
    let sent = h
        .press(RESIDENT, &Action::Pillars(PillarsAction::ApplySend))
        .await;
    assert!(has_id(&to(&sent, OFFICER), "coop-notice"));
    for other in [COORDINATOR, OTHER_OFFICER, ADMIN] {
        assert!(to(&sent, other).is_empty(), "{other} is not told yet");
    }
    let id = h
        .count("SELECT id FROM cooperative_applications WHERE user_id = 10")
        .await;
    // Nobody acts for ESCALATE_AFTER: the coordinator is told.
    h.clock
        .advance(chrono::Duration::hours(24) + chrono::Duration::minutes(1));
    h.engine.tick().await.unwrap();
    assert_eq!(queued(&h, COORDINATOR, "coop-notice-escalated").await, 1);
    assert_eq!(queued(&h, ADMIN, "coop-notice-escalated").await, 0);
    // Another village's officer cannot touch it, forged button or not.
    let forged = h
        .press(
            OTHER_OFFICER,
            &Action::Pillars(PillarsAction::SetMembership(id, MembershipStatus::Member)),
        )
        .await;
    assert!(has_id(&forged, "coop-application-gone"));
    assert!(to(&forged, RESIDENT).is_empty());
    // The coordinator sets it: it is theirs, the officer hears who took it, the person is told.
    let set = h
        .press(
            COORDINATOR,
            &Action::Pillars(PillarsAction::SetMembership(
                id,
                MembershipStatus::Contacted,
            )),
        )
        .await;
    assert!(has_id(&to(&set, RESIDENT), "coop-status-changed"));
    assert!(has_id(&to(&set, OFFICER), "coop-taken-by"));
    assert_eq!(
        h.count("SELECT taken_by FROM cooperative_applications")
            .await,
        COORDINATOR
    );
    // Taken: it goes up no further.
    h.clock.advance(chrono::Duration::hours(49));
    h.engine.tick().await.unwrap();
    assert_eq!(queued(&h, ADMIN, "coop-notice").await, 0);
    assert_eq!(
        h.count("SELECT status = 'member' FROM cooperative_applications")
            .await,
        0
    );
}

#[tokio::test]
async fn someone_not_registered_applies_from_their_village() {
    let mut h = Harness::new().await;
    staffed(&mut h).await;
    h.press(12, &Action::Pillars(PillarsAction::Membership))
        .await;
    let village = h
        .press(12, &Action::Pillars(PillarsAction::ApplyConsent))
        .await;
    assert!(has_id(&village, "asker-village-ask"));
    // Not found by its name: by regency, then district, then the village.
    h.say(12, "zzzz").await;
    let regency = h
        .press(
            12,
            &Action::Pillars(PillarsAction::Place(
                desmigratif::engine::places::Pick::ByRegency,
            )),
        )
        .await;
    assert!(has_id(&regency, "place-ask-regency"));
    let regencies = h.say(12, "indramayu").await;
    assert!(
        has_id(&regencies, "place-regency-choose"),
        "after «by regency», typing searches regencies: {:?}",
        ids(&regencies)
    );
    let districts = h
        .press(
            12,
            &Action::Pillars(PillarsAction::Place(
                desmigratif::engine::places::Pick::Regency(
                    desmigratif::domain::area::RegencyCode::parse("32.12").unwrap(),
                ),
            )),
        )
        .await;
    assert!(has_id(&districts, "place-district-choose"));
    let pick = |code: &str| {
        Action::Pillars(PillarsAction::Place(
            desmigratif::engine::places::Pick::Village(
                desmigratif::domain::area::VillageCode::parse(code).unwrap(),
            ),
        ))
    };
    let name = h.press(12, &pick("32.12.16.2004")).await;
    assert!(has_id(&name, "coop-ask-name"));
    h.say(12, "Budi Santoso").await;
    let sent = h.say(12, "0812-3456-7890").await;
    assert!(has_id(&to(&sent, 12), "coop-applied"));
    assert!(has_id(&to(&sent, OFFICER), "coop-notice"));
    assert!(to(&sent, ADMIN).is_empty());
    assert_eq!(
        h.count("SELECT village_code FROM cooperative_applications")
            .await,
        3212162004
    );
}

/// `/aplikasi`: the applications of one's area by status, a number opening one with its status
/// buttons; another area's are not listed and cannot be opened, forged button or not.
#[tokio::test]
async fn applications_are_listed_by_status_within_the_area() {
    use desmigratif::domain::MembershipStatus;
    use desmigratif::store::cooperative::ApplicationFilter;
    let mut h = Harness::new().await;
    staffed(&mut h).await;
    h.press(RESIDENT, &Action::Pillars(PillarsAction::Membership))
        .await;
    h.press(RESIDENT, &Action::Pillars(PillarsAction::ApplySend))
        .await;
    let id = h
        .count("SELECT id FROM cooperative_applications WHERE user_id = 10")
        .await;
    let open = Action::Pillars(PillarsAction::OpenApplication(id));

    let listed = h.say(OFFICER, "/aplikasi").await;
    assert_eq!(ids(&listed)[0], "applications-title-open");
    assert!(actions(&listed).contains(&open));
    assert!(!h.text(&listed[0]).contains("Siti"), "no names in the list");
    let shown = h.press(OFFICER, &open).await;
    assert!(has_id(&shown, "coop-notice"));
    let member = Action::Pillars(PillarsAction::SetMembership(id, MembershipStatus::Member));
    assert!(actions(&shown).contains(&member));
    h.press(OFFICER, &member).await;
    for action in ["application.open", "application.status"] {
        assert_eq!(
            h.count(&format!(
                "SELECT count(*) FROM audit_log WHERE action = '{action}' AND officer_id = {OFFICER}"
            ))
            .await,
            1,
            "{action}"
        );
    }
    let members = h
        .press(
            OFFICER,
            &Action::Pillars(PillarsAction::Applications(ApplicationFilter::Member, 1)),
        )
        .await;
    assert!(actions(&members).contains(&open));
    let still_open = h.say(OFFICER, "/applications").await;
    assert!(!actions(&still_open).contains(&open));

    // Wonosobo's officer: not listed, and a forged button opens nothing.
    for filter in ApplicationFilter::ALL {
        let theirs = h
            .press(
                OTHER_OFFICER,
                &Action::Pillars(PillarsAction::Applications(*filter, 1)),
            )
            .await;
        assert!(!actions(&theirs).contains(&open), "{filter:?}");
    }
    let forged = h.press(OTHER_OFFICER, &open).await;
    assert!(has_id(&forged, "coop-application-gone"));
    assert!(!has_id(&forged, "coop-notice"));
    // Not staff: refused.
    assert!(has_id(&h.say(RESIDENT, "/aplikasi").await, "officer-only"));
}

#[tokio::test]
async fn an_officer_passes_a_question_up_to_the_coordinator_who_is_told_at_once() {
    let mut h = Harness::new().await;
    staffed(&mut h).await;
    ask(
        &mut h,
        RESIDENT,
        "Suami saya kerja di Arab, sudah 6 bulan tidak ada kabar",
    )
    .await;
    let pillar = Action::Pillars;
    let open = h
        .press(OFFICER, &pillar(PillarsAction::OpenQuestion(1)))
        .await;
    assert!(actions(&open).contains(&pillar(PillarsAction::PassUp(1))));
    h.press(OFFICER, &pillar(PillarsAction::Take(1))).await;
    let passed = h.press(OFFICER, &pillar(PillarsAction::PassUp(1))).await;
    assert!(has_id(&passed, "question-passed-up"));
    assert!(has_id(
        &to(&passed, COORDINATOR),
        "question-notice-passed-up"
    ));
    assert!(
        to(&passed, ADMIN).is_empty(),
        "the next level with someone on it"
    );
    assert_eq!(
        h.count("SELECT count(*) FROM questions WHERE level = 'regency' AND taken_by IS NULL")
            .await,
        1
    );
    // The coordinator passes it to the admins; there is nothing above them.
    let passed = h
        .press(COORDINATOR, &pillar(PillarsAction::PassUp(1)))
        .await;
    assert!(has_id(&to(&passed, ADMIN), "question-notice-passed-up"));
    let top = h.press(ADMIN, &pillar(PillarsAction::PassUp(1))).await;
    assert!(has_id(&top, "question-pass-up-not"));
    let open = h
        .press(ADMIN, &pillar(PillarsAction::OpenQuestion(1)))
        .await;
    assert!(!actions(&open).contains(&pillar(PillarsAction::PassUp(1))));
    assert_eq!(
        h.count("SELECT count(*) FROM audit_log WHERE action = 'question.pass_up'")
            .await,
        2
    );
}

#[tokio::test]
async fn another_areas_officer_can_do_nothing_with_a_question() {
    use desmigratif::store::questions::{CloseReason, EntryKind};
    let mut h = Harness::new().await;
    staffed(&mut h).await;
    ask(&mut h, RESIDENT, "Pertanyaan dari Kenanga").await;
    h.say(OFFICER, "/jawab 1 Silakan datang ke balai desa.")
        .await;
    let before = h.count("SELECT count(*) FROM question_entries").await;
    let pillar = Action::Pillars;
    for action in [
        PillarsAction::AnswerPrompt(1),
        PillarsAction::Amend(1, EntryKind::Addition),
        PillarsAction::Amend(1, EntryKind::Correction),
        PillarsAction::Close(1),
        PillarsAction::CloseAs(1, CloseReason::Spam),
        PillarsAction::CloseAs(1, CloseReason::Elsewhere),
        PillarsAction::HandBack(1),
        PillarsAction::PassUp(1),
        PillarsAction::SendDraft(1, EntryKind::Correction),
    ] {
        let replies = h.press(OTHER_OFFICER, &pillar(action.clone())).await;
        assert!(has_id(&replies, "question-answer-gone"), "{action:?}");
        assert!(to(&replies, RESIDENT).is_empty(), "{action:?}");
        let typed = h.say(OTHER_OFFICER, "Teks petugas lain").await;
        assert!(to(&typed, RESIDENT).is_empty(), "{action:?}");
    }
    assert_eq!(
        h.count("SELECT count(*) FROM question_entries").await,
        before
    );
    assert_eq!(
        h.count("SELECT count(*) FROM questions WHERE status = 'answered' AND level = 'village'")
            .await,
        1
    );
    // Nor someone who is not staff, with buttons made up.
    for action in [
        PillarsAction::Close(1),
        PillarsAction::CloseAs(1, CloseReason::Spam),
        PillarsAction::HandBack(1),
        PillarsAction::PassUp(1),
        PillarsAction::AnswerPrompt(1),
        PillarsAction::Amend(1, EntryKind::Correction),
    ] {
        let data = pillar(action).encode();
        let replies = h.press_data(RESIDENT, &data).await;
        assert!(has_id(&replies, "officer-only"), "{data}");
    }
    // The person's own «Resolved» is theirs only.
    let replies = h.press(12, &pillar(PillarsAction::Resolve(1))).await;
    assert!(has_id(&replies, "question-not-found"));
    assert_eq!(
        h.count("SELECT count(*) FROM questions WHERE status = 'closed'")
            .await,
        0
    );
}
