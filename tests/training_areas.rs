//! Trainings have an area: the whole country, a regency or a village. People see their own
//! village's and regency's first, then the national ones; staff make trainings for their
//! area and manage only those (a forged button for another area's is like one not there).

#[path = "support/harness.rs"]
mod harness;
#[path = "support/seed.rs"]
mod seed;

use desmigratif::{
    domain::{
        Category,
        area::{RegencyCode, VillageCode},
        staff::Area,
    },
    engine::{Action, trainings::TrainingAction},
};
use harness::*;

const COORDINATOR: i64 = 7;
const WONOSOBO_OFFICER: i64 = 8;
const TWO_VILLAGES: i64 = 9;
const KENANGA_RESIDENT: i64 = 10;
const WONOSOBO_RESIDENT: i64 = 11;
const NOT_REGISTERED: i64 = 12;
/// Kuripan, Watumalang, Wonosobo.
const KURIPAN: i64 = 3_307_102_004;

const NATIONAL: i64 = 1;
const INDRAMAYU: i64 = 2;
const IN_KURIPAN: i64 = 3;

fn tr(action: TrainingAction) -> Action {
    Action::Training(action)
}

async fn programme(h: &mut Harness) {
    let soon = start_time().timestamp() + 7 * 86_400;
    seed::training(&h.pool, NATIONAL, "Pelatihan Nasional", soon + 3_600, 20).await;
    seed::training(&h.pool, INDRAMAYU, "Pelatihan Indramayu", soon + 7_200, 20).await;
    seed::training(&h.pool, IN_KURIPAN, "Pelatihan Kuripan", soon, 20).await;
    for (id, area) in [(INDRAMAYU, 3212), (IN_KURIPAN, KURIPAN)] {
        seed::training_area(&h.pool, id, area).await;
    }
    h.appoint(
        COORDINATOR,
        Area::Regency(RegencyCode::parse("32.12").unwrap()),
    )
    .await;
    h.appoint(
        WONOSOBO_OFFICER,
        Area::Village(VillageCode::from_number(KURIPAN).unwrap()),
    )
    .await;
    for village in ["32.12.16.2004", "32.12.16.2005"] {
        h.appoint(
            TWO_VILLAGES,
            Area::Village(VillageCode::parse(village).unwrap()),
        )
        .await;
    }
    seed::registered(&h.pool, KENANGA_RESIDENT, "id", &seed::Profile::default()).await;
    let wonosobo = seed::Profile {
        village: "Kuripan",
        district: "Wonosobo",
        village_code: Some(KURIPAN),
        ..Default::default()
    };
    seed::registered(&h.pool, WONOSOBO_RESIDENT, "id", &wonosobo).await;
}

/// The trainings a list offers, in order.
fn listed(replies: &[desmigratif::engine::Reply]) -> Vec<i64> {
    actions(replies)
        .into_iter()
        .filter_map(|a| match a {
            Action::Training(TrainingAction::Open(id)) => Some(id),
            _ => None,
        })
        .collect()
}

#[tokio::test]
async fn people_see_their_own_areas_trainings_first_then_the_national_ones() {
    let mut h = Harness::new().await;
    programme(&mut h).await;
    assert_eq!(
        listed(&h.say(KENANGA_RESIDENT, "/pelatihan").await),
        [INDRAMAYU, NATIONAL]
    );
    assert_eq!(
        listed(&h.say(WONOSOBO_RESIDENT, "/pelatihan").await),
        [IN_KURIPAN, NATIONAL]
    );
    assert_eq!(
        listed(&h.say(NOT_REGISTERED, "/pelatihan").await),
        [NATIONAL]
    );
    // A poster's link still opens another area's training.
    let opened = h
        .press(KENANGA_RESIDENT, &tr(TrainingAction::Open(IN_KURIPAN)))
        .await;
    assert!(has_id(&opened, "training-detail"));
    assert!(!actions(&opened).contains(&tr(TrainingAction::Edit(IN_KURIPAN))));
}

#[tokio::test]
async fn staff_manage_only_their_areas_trainings() {
    let mut h = Harness::new().await;
    programme(&mut h).await;
    // The coordinator lists the national and Indramayu's, and has the tools for Indramayu's.
    assert_eq!(
        listed(&h.say(COORDINATOR, "/pelatihan").await),
        [NATIONAL, INDRAMAYU]
    );
    let own = h
        .press(COORDINATOR, &tr(TrainingAction::Open(INDRAMAYU)))
        .await;
    assert!(actions(&own).contains(&tr(TrainingAction::Edit(INDRAMAYU))));
    let national = h
        .press(COORDINATOR, &tr(TrainingAction::Open(NATIONAL)))
        .await;
    assert!(!actions(&national).contains(&tr(TrainingAction::Edit(NATIONAL))));
    // Forged buttons for the national one and Kuripan's change nothing.
    for (who, id) in [
        (COORDINATOR, NATIONAL),
        (COORDINATOR, IN_KURIPAN),
        (WONOSOBO_OFFICER, INDRAMAYU),
        (TWO_VILLAGES, INDRAMAYU),
    ] {
        for action in [
            TrainingAction::Close(id),
            TrainingAction::CancelConfirmed(id),
            TrainingAction::Edit(id),
            TrainingAction::Participants(id),
        ] {
            let replies = h.press(who, &tr(action.clone())).await;
            assert!(has_id(&replies, "training-not-found"), "{who} {action:?}");
        }
    }
    assert_eq!(
        h.count("SELECT count(*) FROM trainings WHERE status <> 'open'")
            .await,
        0
    );
    // The Wonosobo officer closes Kuripan's; the admin may close any.
    h.press(WONOSOBO_OFFICER, &tr(TrainingAction::Close(IN_KURIPAN)))
        .await;
    h.press(ADMIN, &tr(TrainingAction::Close(NATIONAL))).await;
    assert_eq!(
        h.count("SELECT count(*) FROM trainings WHERE status = 'closed'")
            .await,
        2
    );
}

/// Writes a training through every step, up to the preview.
async fn draft(h: &mut Harness, who: i64) -> Vec<desmigratif::engine::Reply> {
    let steps = [
        ("/pelatihan_baru", "training-ask-title-id"),
        ("Pelatihan Kopi", "training-ask-title-en"),
        ("Coffee Training", "training-ask-category"),
    ];
    for (typed, asked) in steps {
        let replies = h.say(who, typed).await;
        assert!(has_id(&replies, asked), "{typed}: {:?}", ids(&replies));
    }
    h.press(who, &tr(TrainingAction::DraftCategory(Category::Business)))
        .await;
    for typed in [
        "2026-12-20 09:00",
        "Balai Desa",
        "20",
        "Belajar mengolah kopi.",
    ] {
        h.say(who, typed).await;
    }
    h.say(who, "Learn to process coffee.").await
}

#[tokio::test]
async fn a_new_training_is_for_its_makers_area() {
    let mut h = Harness::new().await;
    programme(&mut h).await;
    // One area: said on the preview, and saved for it.
    let preview = draft(&mut h, WONOSOBO_OFFICER).await;
    assert!(
        has_id(&preview, "training-preview-area"),
        "{:?}",
        ids(&preview)
    );
    assert!(h.text(&preview[0]).contains("Kuripan"));
    h.press(WONOSOBO_OFFICER, &tr(TrainingAction::SaveDraft))
        .await;
    assert_eq!(
        h.count("SELECT area FROM trainings WHERE title_id = 'Pelatihan Kopi'")
            .await,
        KURIPAN
    );
    // Two villages: one «Save for …» per village, and nothing else will do.
    let preview = draft(&mut h, TWO_VILLAGES).await;
    assert!(has_id(&preview, "training-preview-choose-area"));
    let choices: Vec<Action> = actions(&preview)
        .into_iter()
        .filter(|a| matches!(a, Action::Training(TrainingAction::SaveDraftFor(_))))
        .collect();
    assert_eq!(
        choices,
        [
            tr(TrainingAction::SaveDraftFor(3_212_162_004)),
            tr(TrainingAction::SaveDraftFor(3_212_162_005))
        ]
    );
    let forged = h
        .press(TWO_VILLAGES, &tr(TrainingAction::SaveDraftFor(KURIPAN)))
        .await;
    assert!(has_id(&forged, "button-expired"));
    h.press(
        TWO_VILLAGES,
        &tr(TrainingAction::SaveDraftFor(3_212_162_005)),
    )
    .await;
    assert_eq!(
        h.count(
            "SELECT count(*) FROM trainings WHERE title_id = 'Pelatihan Kopi' AND area = 3212162005"
        )
        .await,
        1
    );
    // Not staff: no new trainings.
    assert!(has_id(
        &h.say(KENANGA_RESIDENT, "/pelatihan_baru").await,
        "officer-only"
    ));
}

/// The organiser sees whom a training is for, and its participant file lists everyone who
/// signed up, from wherever they come (a Kenanga resident at Kuripan's training).
#[tokio::test]
async fn an_organiser_sees_the_area_and_every_participant_of_their_training() {
    use desmigratif::{engine::ReplyKind, store};
    let mut h = Harness::new().await;
    programme(&mut h).await;
    seed::sign_up(&h.pool, IN_KURIPAN, KENANGA_RESIDENT, "booked").await;
    seed::sign_up(&h.pool, IN_KURIPAN, WONOSOBO_RESIDENT, "booked").await;

    let screen = h
        .press(WONOSOBO_OFFICER, &tr(TrainingAction::Open(IN_KURIPAN)))
        .await;
    let shown: String = screen.iter().map(|r| h.text(r)).collect();
    assert!(
        shown.contains("Pelatihan untuk: Kuripan — Watumalang, Wonosobo"),
        "{shown}"
    );
    let national = h.press(ADMIN, &tr(TrainingAction::Open(NATIONAL))).await;
    let shown: String = national.iter().map(|r| h.text(r)).collect();
    assert!(
        shown.contains("Pelatihan untuk: seluruh Indonesia"),
        "{shown}"
    );

    let replies = h
        .press(
            WONOSOBO_OFFICER,
            &tr(TrainingAction::Participants(IN_KURIPAN)),
        )
        .await;
    let (table, scope) = replies
        .iter()
        .find_map(|r| match &r.kind {
            ReplyKind::Export { table, scope, .. } => Some((*table, scope.clone())),
            _ => None,
        })
        .expect("the participant file");
    let locales =
        std::sync::Arc::new(desmigratif::i18n::Locales::load(chrono_tz::Asia::Jakarta).unwrap());
    let words = desmigratif::i18n::FileWords {
        locales,
        lang: desmigratif::domain::Language::Id,
    };
    let file = h
        .engine
        .reader()
        .read(async |tx| {
            store::export::csv(tx, table, &scope, chrono_tz::Asia::Jakarta, &words).await
        })
        .await
        .unwrap();
    let text = String::from_utf8(file).unwrap();
    assert_eq!(
        text.lines().count(),
        3,
        "the header and both participants:\n{text}"
    );
    assert!(
        text.contains("Kenanga") && text.contains("Kuripan"),
        "{text}"
    );
}
