//! Announcements reach only the sender's area: a coordinator's their regencies, an officer's
//! their villages; audiences combine area, role, interest, country and language, each choice
//! with the number of people it reaches.

#[path = "support/harness.rs"]
mod harness;
#[path = "support/seed.rs"]
mod seed;

use desmigratif::{
    domain::{
        Interest, Role,
        area::{RegencyCode, VillageCode},
        staff::Area,
    },
    engine::{
        Action,
        broadcast::{AudienceChoice, BroadcastAction, Part},
        places::Pick,
    },
};
use harness::*;

const COORDINATOR: i64 = 7;
const KURIPAN_OFFICER: i64 = 8;
/// Kuripan, Watumalang, Wonosobo.
const KURIPAN: i64 = 3_307_102_004;

fn all_text(h: &Harness, replies: &[desmigratif::engine::Reply]) -> String {
    replies
        .iter()
        .map(|r| h.text(r))
        .collect::<Vec<_>>()
        .join("\n")
}

fn bc(action: BroadcastAction) -> Action {
    Action::Broadcast(action)
}

/// Three people in Indramayu (two in Kenanga), one in Kuripan, one not registered.
async fn people(h: &mut Harness) {
    let kenanga = |role, interests| seed::Profile {
        role,
        interests,
        ..Default::default()
    };
    seed::registered(&h.pool, 1, "id", &kenanga("returnee", "business,coop")).await;
    seed::registered(&h.pool, 2, "en", &kenanga("family", "parenting")).await;
    let other_indramayu = seed::Profile {
        village: "Sindang",
        village_code: Some(3_212_162_005),
        ..Default::default()
    };
    seed::registered(&h.pool, 3, "id", &other_indramayu).await;
    let kuripan = seed::Profile {
        village: "Kuripan",
        village_code: Some(KURIPAN),
        ..Default::default()
    };
    seed::registered(&h.pool, 4, "id", &kuripan).await;
    seed::user(&h.pool, 5, "id", 0).await;
    h.appoint(
        COORDINATOR,
        Area::Regency(RegencyCode::parse("32.12").unwrap()),
    )
    .await;
    h.appoint(
        KURIPAN_OFFICER,
        Area::Village(VillageCode::from_number(KURIPAN).unwrap()),
    )
    .await;
}

async fn write(h: &mut Harness, who: i64) {
    h.say(who, "/umumkan").await;
    h.say(who, "Rapat warga hari Minggu.").await;
    h.press(who, &bc(BroadcastAction::SkipOther)).await;
}

/// Sends what is composed now and returns who got a copy.
async fn send(h: &mut Harness, who: i64) -> Vec<i64> {
    h.press(who, &bc(BroadcastAction::Now)).await;
    h.press(who, &bc(BroadcastAction::Send)).await;
    h.engine.tick().await.unwrap();
    sqlx::query_scalar("SELECT chat_id FROM outbox WHERE broadcast_id IS NOT NULL ORDER BY chat_id")
        .fetch_all(&h.pool)
        .await
        .unwrap()
}

#[tokio::test]
async fn a_coordinators_announcement_to_everyone_reaches_their_regency_only() {
    let mut h = Harness::new().await;
    people(&mut h).await;
    write(&mut h, COORDINATOR).await;
    let when = h
        .press(
            COORDINATOR,
            &bc(BroadcastAction::Audience(AudienceChoice::Everyone)),
        )
        .await;
    assert!(has_id(&when, "broadcast-ask-when"), "{:?}", ids(&when));
    assert_eq!(send(&mut h, COORDINATOR).await, [1, 2, 3]);
    let stored: String = sqlx::query_scalar("SELECT audience FROM broadcasts")
        .fetch_one(&h.pool)
        .await
        .unwrap();
    assert!(stored.contains("3212"), "the area goes with it: {stored}");
}

#[tokio::test]
async fn an_officers_announcement_reaches_their_village_only() {
    let mut h = Harness::new().await;
    people(&mut h).await;
    write(&mut h, KURIPAN_OFFICER).await;
    h.press(
        KURIPAN_OFFICER,
        &bc(BroadcastAction::Audience(AudienceChoice::Role(
            Role::Returnee,
        ))),
    )
    .await;
    assert_eq!(send(&mut h, KURIPAN_OFFICER).await, [4]);
}

#[tokio::test]
async fn parts_combine_and_every_choice_shows_its_count() {
    let mut h = Harness::new().await;
    people(&mut h).await;
    write(&mut h, COORDINATOR).await;
    let builder = h.press(COORDINATOR, &bc(BroadcastAction::Combine)).await;
    let text = all_text(&h, &builder);
    assert!(text.contains("3 orang"), "{text}");
    let labels: Vec<String> = builder
        .iter()
        .flat_map(|r| r.keyboard().rows().iter().flatten())
        .map(|b| {
            h.locales
                .message(desmigratif::domain::Language::Id, &b.label)
        })
        .collect();
    assert!(
        labels.contains(&"▫️ Purna PMI · 2".to_owned()),
        "{labels:?}"
    );
    // Interested in business or in parenting, in Kenanga: persons 1 and 2.
    for interest in [Interest::Entrepreneurship, Interest::Parenting] {
        h.press(
            COORDINATOR,
            &bc(BroadcastAction::Toggle(Part::Interest(interest))),
        )
        .await;
    }
    h.press(COORDINATOR, &bc(BroadcastAction::AddPlace)).await;
    h.choose_village(COORDINATOR, "kenanga sindang").await;
    let builder = h
        .press(
            COORDINATOR,
            &bc(BroadcastAction::Toggle(Part::Role(Role::Returnee))),
        )
        .await;
    let text = all_text(&h, &builder);
    assert!(text.contains("1 orang"), "{text}");
    h.press(
        COORDINATOR,
        &bc(BroadcastAction::Toggle(Part::Role(Role::Family))),
    )
    .await;
    let when = h
        .press(COORDINATOR, &bc(BroadcastAction::CombineDone))
        .await;
    assert!(has_id(&when, "broadcast-ask-when"));
    assert_eq!(send(&mut h, COORDINATOR).await, [1, 2]);
}

#[tokio::test]
async fn places_outside_the_senders_area_cannot_be_chosen() {
    let mut h = Harness::new().await;
    people(&mut h).await;
    write(&mut h, KURIPAN_OFFICER).await;
    h.press(KURIPAN_OFFICER, &bc(BroadcastAction::Combine))
        .await;
    h.press(KURIPAN_OFFICER, &bc(BroadcastAction::AddPlace))
        .await;
    // Kenanga is not theirs: not offered, and a forged button or whole regency changes nothing.
    let searched = h.say(KURIPAN_OFFICER, "kenanga sindang").await;
    assert!(
        has_id(&searched, "place-village-not-found"),
        "{:?}",
        ids(&searched)
    );
    for forged in [
        BroadcastAction::Place(Pick::Village(VillageCode::parse("32.12.16.2004").unwrap())),
        BroadcastAction::WholeRegency(RegencyCode::parse("32.12").unwrap()),
        BroadcastAction::WholeRegency(RegencyCode::parse("33.07").unwrap()),
    ] {
        let replies = h.press(KURIPAN_OFFICER, &bc(forged.clone())).await;
        assert!(
            has_id(&replies, "button-expired"),
            "{forged:?}: {:?}",
            ids(&replies)
        );
    }
    // The coordinator may take the whole regency, from the regency's screen.
    write(&mut h, COORDINATOR).await;
    h.press(
        COORDINATOR,
        &bc(BroadcastAction::Audience(AudienceChoice::Village)),
    )
    .await;
    let districts = h
        .press(
            COORDINATOR,
            &bc(BroadcastAction::Place(Pick::Regency(
                RegencyCode::parse("32.12").unwrap(),
            ))),
        )
        .await;
    let whole = bc(BroadcastAction::WholeRegency(
        RegencyCode::parse("32.12").unwrap(),
    ));
    assert!(actions(&districts).contains(&whole));
    let when = h.press(COORDINATOR, &whole).await;
    assert!(has_id(&when, "broadcast-ask-when"));
    assert_eq!(send(&mut h, COORDINATOR).await, [1, 2, 3]);
    // Nobody but admins and its sender controls a running announcement.
    let id: i64 = sqlx::query_scalar("SELECT max(id) FROM broadcasts")
        .fetch_one(&h.pool)
        .await
        .unwrap();
    let paused = h
        .press(KURIPAN_OFFICER, &bc(BroadcastAction::Pause(id)))
        .await;
    assert!(!has_id(&paused, "broadcast-paused"));
    let status: String = sqlx::query_scalar("SELECT status FROM broadcasts WHERE id = ?")
        .bind(id)
        .fetch_one(&h.pool)
        .await
        .unwrap();
    assert_eq!(status, "sending");
}
