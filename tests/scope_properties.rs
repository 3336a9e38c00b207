//! A property test of areas: random staff (two village officers and a regency's coordinator)
//! pressing random buttons and typing random ids — taking, opening and answering questions,
//! setting applications' status, closing, reopening, cancelling and listing trainings — never
//! change anything of another area, and never send a message to a person of another area
//! (but for the people signed up for a training of their own that they change).
//! `PROPTEST_CASES` sets the number of cases (default 40).

#[path = "support/harness.rs"]
mod harness;
#[path = "support/seed.rs"]
mod seed;

use std::collections::BTreeMap;

use desmigratif::{
    domain::{
        MembershipStatus,
        area::{RegencyCode, VillageCode},
        staff::Area,
    },
    engine::{Action, pillars::PillarsAction, trainings::TrainingAction},
};
use harness::*;
use proptest::prelude::*;

/// Kenanga and its neighbour in Sindang, Indramayu; Kuripan in Wonosobo.
const KENANGA: i64 = 3_212_162_004;
const NEIGHBOUR: i64 = 3_212_162_005;
const KURIPAN: i64 = 3_307_102_004;
const INDRAMAYU: i64 = 3212;

const KENANGA_OFFICER: i64 = 50;
const KURIPAN_OFFICER: i64 = 51;
const COORDINATOR: i64 = 52;
const STAFF: [i64; 3] = [KENANGA_OFFICER, KURIPAN_OFFICER, COORDINATOR];
/// A resident of each village, in that order.
const RESIDENTS: [(i64, i64); 3] = [(10, KENANGA), (11, NEIGHBOUR), (12, KURIPAN)];

/// Does `staff`'s area hold this village (of a person, a question, an application)?
fn covers_village(staff: i64, village: i64) -> bool {
    match staff {
        KENANGA_OFFICER => village == KENANGA,
        KURIPAN_OFFICER => village == KURIPAN,
        _ => village / 1_000_000 == INDRAMAYU,
    }
}

/// … and this training's area (0 the country, a regency's code or a village's)?
fn covers_area(staff: i64, area: i64) -> bool {
    match area {
        0 => false,
        a if a < 10_000 => staff == COORDINATOR && a == INDRAMAYU,
        village => covers_village(staff, village),
    }
}

#[derive(Clone, Debug)]
enum Op {
    Take(i64),
    Open(i64),
    Answer(i64),
    SetStatus(i64, MembershipStatus),
    Close(i64),
    Reopen(i64),
    Cancel(i64),
    Participants(i64),
    Edit(i64),
}

impl Op {
    /// The training it acts on, if it is about one.
    fn training(&self) -> Option<i64> {
        match *self {
            Op::Close(id)
            | Op::Reopen(id)
            | Op::Cancel(id)
            | Op::Participants(id)
            | Op::Edit(id) => Some(id),
            _ => None,
        }
    }
}

fn op() -> impl Strategy<Value = Op> {
    let id = 0..7_i64;
    let status = prop::sample::select(vec![
        MembershipStatus::Contacted,
        MembershipStatus::Member,
        MembershipStatus::Declined,
    ]);
    prop_oneof![
        id.clone().prop_map(Op::Take),
        id.clone().prop_map(Op::Open),
        id.clone().prop_map(Op::Answer),
        (id.clone(), status).prop_map(|(id, s)| Op::SetStatus(id, s)),
        id.clone().prop_map(Op::Close),
        id.clone().prop_map(Op::Reopen),
        id.clone().prop_map(Op::Cancel),
        id.clone().prop_map(Op::Participants),
        id.prop_map(Op::Edit),
    ]
}

/// Everything an action could change, by kind and id: its area and what it holds now.
type Snapshot = BTreeMap<(&'static str, i64), (i64, String)>;

async fn snapshot(h: &Harness) -> Snapshot {
    let mut all = Snapshot::new();
    let questions: Vec<(i64, i64, String)> = sqlx::query_as(
        "SELECT id, village_code, status || ':' || coalesce(taken_by, 0) || ':' ||
                (SELECT count(*) FROM question_entries e WHERE e.question_id = q.id)
         FROM questions q",
    )
    .fetch_all(&h.pool)
    .await
    .unwrap();
    for (id, village, state) in questions {
        all.insert(("question", id), (village, state));
    }
    let applications: Vec<(i64, i64, String)> = sqlx::query_as(
        "SELECT id, village_code, status || ':' || coalesce(taken_by, 0)
         FROM cooperative_applications",
    )
    .fetch_all(&h.pool)
    .await
    .unwrap();
    for (id, village, state) in applications {
        all.insert(("application", id), (village, state));
    }
    let trainings: Vec<(i64, i64, String)> =
        sqlx::query_as("SELECT id, area, status || ':' || title_id FROM trainings")
            .fetch_all(&h.pool)
            .await
            .unwrap();
    for (id, area, state) in trainings {
        all.insert(("training", id), (area, state));
    }
    all
}

/// Residents who asked a question and applied; trainings for the country, Indramayu,
/// Kenanga and Kuripan; the three staff.
async fn world(h: &mut Harness) {
    for (user, village) in RESIDENTS {
        let profile = seed::Profile {
            village_code: Some(village),
            ..Default::default()
        };
        seed::registered(&h.pool, user, "id", &profile).await;
    }
    h.appoint(
        KENANGA_OFFICER,
        Area::Village(VillageCode::from_number(KENANGA).unwrap()),
    )
    .await;
    h.appoint(
        KURIPAN_OFFICER,
        Area::Village(VillageCode::from_number(KURIPAN).unwrap()),
    )
    .await;
    h.appoint(
        COORDINATOR,
        Area::Regency(RegencyCode::from_number(INDRAMAYU).unwrap()),
    )
    .await;
    for (user, _) in RESIDENTS {
        h.say(user, "/tanya").await;
        h.say(user, "Kapan ada pelatihan di desa saya?").await;
        h.press(user, &Action::Pillars(PillarsAction::Membership))
            .await;
        h.press(user, &Action::Pillars(PillarsAction::ApplySend))
            .await;
    }
    let soon = start_time().timestamp() + 7 * 86_400;
    for (id, area) in [(1, 0), (2, INDRAMAYU), (3, KENANGA), (4, KURIPAN)] {
        seed::training(&h.pool, id, &format!("Pelatihan {id}"), soon, 10).await;
        seed::training_area(&h.pool, id, area).await;
        seed::sign_up(&h.pool, id, 10, "booked").await;
        seed::sign_up(&h.pool, id, 12, "booked").await;
    }
}

async fn act(h: &mut Harness, staff: i64, op: &Op) {
    let tr = |a| Action::Training(a);
    let pl = |a| Action::Pillars(a);
    match *op {
        Op::Take(id) => drop(h.press(staff, &pl(PillarsAction::Take(id))).await),
        Op::Open(id) => drop(h.press(staff, &pl(PillarsAction::OpenQuestion(id))).await),
        Op::Answer(id) => drop(h.say(staff, &format!("/jawab {id} Silakan datang.")).await),
        Op::SetStatus(id, status) => drop(
            h.press(staff, &pl(PillarsAction::SetMembership(id, status)))
                .await,
        ),
        Op::Close(id) => drop(h.press(staff, &tr(TrainingAction::Close(id))).await),
        Op::Reopen(id) => drop(h.press(staff, &tr(TrainingAction::Reopen(id))).await),
        Op::Cancel(id) => drop(
            h.press(staff, &tr(TrainingAction::CancelConfirmed(id)))
                .await,
        ),
        Op::Participants(id) => drop(h.press(staff, &tr(TrainingAction::Participants(id))).await),
        Op::Edit(id) => {
            h.press(staff, &tr(TrainingAction::Edit(id))).await;
            h.press(
                staff,
                &tr(TrainingAction::EditField(
                    id,
                    desmigratif::engine::trainings::Field::TitleId,
                )),
            )
            .await;
            drop(h.say(staff, "Judul diganti").await)
        }
    }
}

async fn run_case(steps: Vec<(usize, Op)>) -> Result<(), TestCaseError> {
    let mut h = Harness::new().await;
    world(&mut h).await;
    for (who, op) in &steps {
        let staff = STAFF[*who];
        let before = snapshot(&h).await;
        let last_message: i64 = h.count("SELECT coalesce(max(id), 0) FROM outbox").await;
        act(&mut h, staff, op).await;
        let after = snapshot(&h).await;
        for (key, (area, state)) in &before {
            let theirs = match key.0 {
                "training" => covers_area(staff, *area),
                _ => covers_village(staff, *area),
            };
            if !theirs {
                prop_assert_eq!(
                    after.get(key).map(|(_, s)| s),
                    Some(state),
                    "{} of another area changed by {} with {:?}",
                    key.0,
                    staff,
                    op
                );
            }
        }
        let told: Vec<i64> = sqlx::query_scalar("SELECT chat_id FROM outbox WHERE id > ?")
            .bind(last_message)
            .fetch_all(&h.pool)
            .await
            .unwrap();
        // The people signed up for a training the staff member manages and changed are told,
        // wherever they live (a poster brought them): that is their training.
        let participants: Vec<i64> = match op.training() {
            Some(id)
                if before
                    .get(&("training", id))
                    .is_some_and(|(area, _)| covers_area(staff, *area)) =>
            {
                sqlx::query_scalar("SELECT user_id FROM training_signups WHERE training_id = ?")
                    .bind(id)
                    .fetch_all(&h.pool)
                    .await
                    .unwrap()
            }
            _ => Vec::new(),
        };
        for (resident, village) in RESIDENTS {
            if !covers_village(staff, village) && !participants.contains(&resident) {
                prop_assert!(
                    !told.contains(&resident),
                    "{} of another area was sent a message by {} with {:?}",
                    resident,
                    staff,
                    op
                );
            }
        }
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig {
        cases: std::env::var("PROPTEST_CASES")
            .ok()
            .and_then(|v| v.parse().ok())
            .unwrap_or(40),
        max_shrink_iters: 100,
        ..ProptestConfig::default()
    })]

    #[test]
    fn staff_acting_on_random_ids_never_touch_another_area(
        steps in prop::collection::vec((0..3_usize, op()), 1..15)
    ) {
        block_on(run_case(steps))?;
    }
}

/// The same world, one action of each kind on each id, so that every refusal is tried once
/// whatever the random cases draw.
#[tokio::test]
async fn every_action_on_every_id_by_every_staff_member_stays_in_their_area() {
    let mut steps = Vec::new();
    for who in 0..3 {
        for id in 0..6 {
            steps.extend([
                (who, Op::Take(id)),
                (who, Op::Answer(id)),
                (who, Op::SetStatus(id, MembershipStatus::Member)),
                (who, Op::Close(id)),
                (who, Op::Edit(id)),
                (who, Op::Cancel(id)),
            ]);
        }
    }
    run_case(steps).await.unwrap();
}
