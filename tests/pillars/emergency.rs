//! «🆘 Darurat»: the contacts for where the person in trouble is, at once; then the message,
//! which goes as an urgent case to the village officer and the regency's coordinator together,
//! sorted first with 🆘, and told again every two hours until someone takes it. A message with
//! words of trouble is offered the same path, without typing it again.

use desmigratif::{
    domain::{
        area::{RegencyCode, VillageCode},
        staff::Area,
    },
    engine::pillars::{PillarsAction, emergency::Place},
};

use crate::harness::*;
use crate::{pillar, register, rendered, to};

const WIFE: i64 = 5;
const KENANGA_OFFICER: i64 = 7;
const COORDINATOR: i64 = 8;

async fn staffed(h: &mut Harness) {
    h.appoint(
        KENANGA_OFFICER,
        Area::Village(VillageCode::parse("32.12.16.2004").unwrap()),
    )
    .await;
    h.appoint(
        COORDINATOR,
        Area::Regency(RegencyCode::parse("32.12").unwrap()),
    )
    .await;
    register(h, WIFE, "Sari Wulandari", "Kenanga").await;
}

#[tokio::test]
async fn an_emergency_shows_the_contacts_at_once_and_reaches_two_levels() {
    let mut h = Harness::new().await;
    staffed(&mut h).await;
    let menu = h.say(WIFE, "/menu").await;
    assert!(actions(&menu).contains(&pillar(PillarsAction::Emergency)));

    let asked = h.say(WIFE, "/darurat").await;
    assert_eq!(ids(&asked), ["emergency-where"]);
    let places = actions(&asked);
    for place in Place::ALL {
        assert!(places.contains(&pillar(PillarsAction::EmergencyPlace(*place))));
    }
    let shown = h
        .press(
            WIFE,
            &pillar(PillarsAction::EmergencyPlace(Place::Malaysia)),
        )
        .await;
    let text = rendered(&h, &shown);
    assert!(
        text.contains("KBRI Kuala Lumpur") && text.contains("+60 17-668 8032"),
        "{text}"
    );
    assert!(text.contains("0800-1000"), "the national line too: {text}");
    assert!(
        !text.contains("Polisi"),
        "not Indonesia's police abroad: {text}"
    );
    assert!(has_id(&shown, "emergency-tell"));

    let sent = h
        .say(WIFE, "Suami saya dikurung majikan di Johor, HP-nya diambil")
        .await;
    assert!(has_id(&to(&sent, WIFE), "emergency-received"));
    for officer in [KENANGA_OFFICER, COORDINATOR] {
        let notice = rendered(&h, &to(&sent, officer));
        assert!(notice.contains("KASUS DARURAT"), "{officer}: {notice}");
        assert!(
            notice.contains("Malaysia") && notice.contains("dikurung"),
            "{notice}"
        );
    }
    assert!(to(&sent, ADMIN).is_empty(), "two levels, not every level");

    // Sorted first, marked, in the inbox.
    h.say(WIFE, "/tanya").await;
    h.say(WIFE, "Kapan pelatihan menjahit berikutnya?").await;
    let listed = h.say(KENANGA_OFFICER, "/pertanyaan").await;
    let inbox = rendered(&h, &listed);
    let urgent = inbox.find("🆘 No.").expect("marked");
    let other = inbox.find("menjahit").expect("the other question");
    assert!(urgent < other, "{inbox}");
}

#[tokio::test]
async fn an_urgent_case_nobody_takes_is_told_again_every_two_hours() {
    let mut h = Harness::new().await;
    staffed(&mut h).await;
    h.say(WIFE, "/darurat").await;
    h.press(WIFE, &pillar(PillarsAction::EmergencyPlace(Place::Taiwan)))
        .await;
    h.say(WIFE, "Adik saya sakit parah di Taichung").await;
    let id = h.count("SELECT max(id) FROM questions").await;

    h.clock.advance(chrono::TimeDelta::minutes(119));
    h.engine.tick().await.unwrap();
    const AGAIN: &str =
        "SELECT count(*) FROM outbox WHERE payload LIKE '%question-notice-urgent-again%'";
    assert_eq!(h.count(AGAIN).await, 0, "not before two hours");
    h.clock.advance(chrono::TimeDelta::minutes(2));
    h.engine.tick().await.unwrap();
    assert_eq!(h.count(AGAIN).await, 2, "both levels, again");
    h.engine.tick().await.unwrap();
    assert_eq!(h.count(AGAIN).await, 2, "once per two hours");

    // Taken: no more reminders.
    h.press(KENANGA_OFFICER, &pillar(PillarsAction::Take(id)))
        .await;
    h.clock.advance(chrono::TimeDelta::hours(3));
    h.engine.tick().await.unwrap();
    assert_eq!(h.count(AGAIN).await, 2);
}

#[tokio::test]
async fn words_of_trouble_are_offered_the_emergency_path_with_that_very_message() {
    let mut h = Harness::new().await;
    staffed(&mut h).await;
    let offered = h.say(WIFE, "gaji suami saya tidak dibayar 5 bulan").await;
    assert_eq!(ids(&offered)[0], "emergency-offer");
    assert!(actions(&offered).contains(&pillar(PillarsAction::EmergencyHeld)));
    assert!(
        actions(&offered).contains(&pillar(PillarsAction::AskTyped)),
        "an ordinary question stays possible"
    );
    let asked = h.press(WIFE, &pillar(PillarsAction::EmergencyHeld)).await;
    assert_eq!(ids(&asked), ["emergency-where"]);
    let sent = h
        .press(
            WIFE,
            &pillar(PillarsAction::EmergencyPlace(Place::SaudiArabia)),
        )
        .await;
    assert!(rendered(&h, &sent).contains("+966 56 917 3990"));
    assert!(has_id(&to(&sent, WIFE), "emergency-received"));
    assert!(rendered(&h, &to(&sent, COORDINATOR)).contains("tidak dibayar 5 bulan"));
    assert_eq!(
        h.count("SELECT count(*) FROM questions WHERE urgent_place = 'saudi_arabia'")
            .await,
        1
    );

    // An everyday question is not.
    let everyday = h.say(WIFE, "berapa gaji pekerja pabrik di Taiwan?").await;
    assert!(!has_id(&everyday, "emergency-offer"));
}

/// `/darurat`, then Malaysia: the contacts page.
async fn malaysia(h: &mut Harness, who: i64) -> Vec<desmigratif::engine::Reply> {
    h.say(who, "/darurat").await;
    h.press(who, &pillar(PillarsAction::EmergencyPlace(Place::Malaysia)))
        .await
}

#[tokio::test]
async fn an_admin_corrects_a_number_with_its_source_and_everyone_sees_it() {
    use desmigratif::store::emergency_fixes::Field;
    let mut h = Harness::new().await;
    staffed(&mut h).await;
    // On the Malaysia page, an admin has the button; the person in trouble does not.
    let page = malaysia(&mut h, WIFE).await;
    assert!(!actions(&page).contains(&pillar(PillarsAction::EmergencyFix(Place::Malaysia))));
    let page = malaysia(&mut h, ADMIN).await;
    assert!(actions(&page).contains(&pillar(PillarsAction::EmergencyFix(Place::Malaysia))));

    let entries = h
        .press(ADMIN, &pillar(PillarsAction::EmergencyFix(Place::Malaysia)))
        .await;
    assert!(has_id(&entries, "emergency-fix-choose"));
    let entry = pillar(PillarsAction::EmergencyFixEntry(Place::Malaysia, 0));
    assert!(actions(&entries).contains(&entry));
    let shown = h.press(ADMIN, &entry).await;
    assert!(has_id(&shown, "emergency-fix-source"));
    let field = pillar(PillarsAction::EmergencyFixField(
        Place::Malaysia,
        0,
        Field::Whatsapp,
    ));
    assert!(has_id(
        &h.press(ADMIN, &field).await,
        "emergency-fix-prompt"
    ));
    // A number without its source is not taken.
    let unsourced = h.say(ADMIN, "+60 11-1111 2222").await;
    assert!(has_id(&unsourced, "emergency-fix-need-source"));
    assert_eq!(h.count("SELECT count(*) FROM emergency_fixes").await, 0);
    let saved = h
        .say(
            ADMIN,
            "+60 11-1111 2222\nditelepon ke KBRI Kuala Lumpur, 7-12-2026",
        )
        .await;
    assert!(has_id(&saved, "emergency-fix-saved"));
    assert!(button_ids(&saved).contains(&"emergency-fix-reset".to_string()));
    assert_eq!(
        h.count("SELECT count(*) FROM audit_log WHERE action = 'emergency.correct'")
            .await,
        1
    );

    // The person in trouble sees the corrected number, marked as corrected.
    let page = malaysia(&mut h, WIFE).await;
    let text = rendered(&h, &page);
    assert!(text.contains("+60 11-1111 2222"), "{text}");
    assert!(text.contains("Diperbaiki petugas"), "{text}");

    // Back to the file's values.
    let reset = h
        .press(
            ADMIN,
            &pillar(PillarsAction::EmergencyFixReset(Place::Malaysia, 0)),
        )
        .await;
    assert!(has_id(&reset, "emergency-fix-reset-done"));
    assert_eq!(h.count("SELECT count(*) FROM emergency_fixes").await, 0);
    let page = malaysia(&mut h, WIFE).await;
    assert!(!rendered(&h, &page).contains("+60 11-1111 2222"));

    // Back from correcting: the contacts again, and the admin's next words are not taken as
    // an urgent case.
    let back = h
        .press(
            ADMIN,
            &pillar(PillarsAction::EmergencyContacts(Place::Malaysia)),
        )
        .await;
    assert!(has_id(&back, "emergency-contacts-title"));
    let typed = h.say(ADMIN, "sudah benar").await;
    assert!(!has_id(&typed, "emergency-received"), "{:?}", ids(&typed));
    assert_eq!(
        h.count("SELECT count(*) FROM questions WHERE urgent_place IS NOT NULL")
            .await,
        0
    );

    // Nobody else may, not even a village officer; nor with an entry that is not there.
    for who in [WIFE, KENANGA_OFFICER] {
        let replies = h.press(who, &field).await;
        assert!(has_id(&replies, "officer-only"), "{who}");
    }
    let beyond = h
        .press(
            ADMIN,
            &pillar(PillarsAction::EmergencyFixField(
                Place::Malaysia,
                200,
                Field::Phone,
            )),
        )
        .await;
    assert!(has_id(&beyond, "emergency-fix-choose"));
}
