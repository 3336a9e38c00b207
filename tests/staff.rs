//! The programme's staff, managed in the bot: invitations (one use, 7 days, a QR code),
//! what accepting shows, coordinators limited to their regencies, removal ending rights at
//! once, contact cards and «Petugas desa saya», the programme's villages.

#[path = "support/harness.rs"]
mod harness;
#[path = "support/seed.rs"]
mod seed;

use desmigratif::{
    domain::{
        area::{RegencyCode, VillageCode},
        staff::StaffRole,
    },
    engine::{Action, Reply, ReplyKind, places::Pick, staff::StaffAction},
    store::staff::CardField,
};
use harness::*;

const OFFICER: i64 = 5;
const COORDINATOR: i64 = 7;
const RESIDENT: i64 = 10;

fn staff(action: StaffAction) -> Action {
    Action::Staff(action)
}

fn village(code: &str) -> VillageCode {
    VillageCode::parse(code).unwrap()
}

fn to(replies: &[Reply], chat: i64) -> Vec<Reply> {
    replies
        .iter()
        .filter(|r| r.chat_id == chat)
        .cloned()
        .collect()
}

/// The token in the invitation's link, from the rendered message.
fn token_in(h: &Harness, replies: &[Reply]) -> String {
    let text = replies
        .iter()
        .map(|r| h.text(r))
        .find(|t| t.contains("petugas-"))
        .expect("a message with the invitation link");
    let at = text.find("petugas-").unwrap() + "petugas-".len();
    text[at..at + 32].to_owned()
}

/// `by` invites someone for `area` through the buttons; returns the link's token.
async fn invite_officer(h: &mut Harness, by: i64, typed: &str) -> String {
    h.say(by, "/petugas").await;
    let asked = h.press(by, &staff(StaffAction::Invite)).await;
    if actions(&asked).contains(&staff(StaffAction::InviteAs(StaffRole::Officer))) {
        h.press(by, &staff(StaffAction::InviteAs(StaffRole::Officer)))
            .await;
    }
    let found = h.say(by, typed).await;
    let first = actions(&found)
        .into_iter()
        .find(|a| matches!(a, Action::Staff(StaffAction::Place(Pick::Village(_)))))
        .unwrap_or_else(|| panic!("no village for {typed:?}: {:?}", ids(&found)));
    let invited = h.press(by, &first).await;
    assert!(has_id(&invited, "staff-invited"), "{:?}", ids(&invited));
    assert!(
        invited.iter().any(
            |r| matches!(&r.kind, ReplyKind::QrCode { link, .. } if link.contains("petugas-"))
        ),
        "a QR code to print"
    );
    token_in(h, &invited)
}

async fn accept(h: &mut Harness, user: i64, token: &str) -> Vec<Reply> {
    let offer = h.say(user, &format!("/start petugas-{token}")).await;
    assert!(
        has_id(&offer, "staff-invitation-offer"),
        "{:?}",
        ids(&offer)
    );
    h.press(user, &staff(StaffAction::Accept(token.to_owned())))
        .await
}

#[tokio::test]
async fn an_invited_officer_sees_what_they_may_do_accepts_once_and_the_inviter_is_told() {
    let mut h = Harness::new().await;
    let token = invite_officer(&mut h, ADMIN, "kenanga sindang").await;
    let offer = h.say(OFFICER, &format!("/start petugas-{token}")).await;
    assert!(
        has_id(&offer, "staff-can-officer"),
        "exactly what they will see and do"
    );
    let text: String = offer.iter().map(|r| h.text(r)).collect();
    assert!(text.contains("Kenanga — Sindang, Indramayu"), "{text}");

    let accepted = h
        .press(OFFICER, &staff(StaffAction::Accept(token.clone())))
        .await;
    assert!(has_id(&to(&accepted, OFFICER), "staff-welcome"));
    assert!(has_id(&to(&accepted, ADMIN), "staff-invitation-taken"));
    assert!(
        to(&accepted, OFFICER).iter().any(|r| matches!(
            r.kind,
            desmigratif::engine::ReplyKind::CommandMenu {
                officer: false,
                staff: true
            }
        )),
        "the staff's commands next to the text box"
    );
    let home = h.say(OFFICER, "/petugas").await;
    assert!(has_id(&home, "staff-home"));
    assert!(
        !actions(&home).contains(&staff(StaffAction::Invite)),
        "officers invite nobody"
    );

    // One use only: a second person, or the same link again, gets nothing.
    let again = h.say(6, &format!("/start petugas-{token}")).await;
    assert!(has_id(&again, "staff-invitation-used"));
    let forged = h.press(6, &staff(StaffAction::Accept(token.clone()))).await;
    assert!(has_id(&forged, "staff-invitation-used"));
    assert!(has_id(&h.say(6, "/petugas").await, "officer-only"));
    let audit: i64 = h
        .count("SELECT count(*) FROM audit_log WHERE action IN ('staff_invite', 'staff_join')")
        .await;
    assert_eq!(audit, 2);
}

#[tokio::test]
async fn an_invitation_lasts_seven_days_and_can_be_cancelled() {
    let mut h = Harness::new().await;
    let late = invite_officer(&mut h, ADMIN, "kenanga sindang").await;
    let cancelled = invite_officer(&mut h, ADMIN, "kenanga sindang").await;
    let open = h.press(ADMIN, &staff(StaffAction::Invitations)).await;
    assert!(actions(&open).contains(&staff(StaffAction::CancelInvitation(2))));
    h.press(ADMIN, &staff(StaffAction::CancelInvitation(2)))
        .await;
    let revoked = h.say(OFFICER, &format!("/start petugas-{cancelled}")).await;
    assert!(has_id(&revoked, "staff-invitation-revoked"));

    h.clock
        .advance(chrono::Duration::days(7) + chrono::Duration::minutes(1));
    let expired = h.say(OFFICER, &format!("/start petugas-{late}")).await;
    assert!(has_id(&expired, "staff-invitation-expired"));
    let made_up = h
        .say(OFFICER, "/start petugas-0123456789abcdef0123456789abcdef")
        .await;
    assert!(has_id(&made_up, "staff-invitation-unknown"));
    assert!(has_id(&h.say(OFFICER, "/petugas").await, "officer-only"));
}

#[tokio::test]
async fn a_coordinator_invites_and_removes_only_the_officers_of_their_regency() {
    let mut h = Harness::new().await;
    // The admin invites a coordinator for Indramayu.
    h.say(ADMIN, "/petugas").await;
    h.press(ADMIN, &staff(StaffAction::Invite)).await;
    h.press(ADMIN, &staff(StaffAction::InviteAs(StaffRole::Coordinator)))
        .await;
    let regencies = h.say(ADMIN, "indramayu").await;
    let indramayu = staff(StaffAction::Place(Pick::Regency(
        RegencyCode::parse("32.12").unwrap(),
    )));
    assert!(actions(&regencies).contains(&indramayu));
    let invited = h.press(ADMIN, &indramayu).await;
    let token = token_in(&h, &invited);
    accept(&mut h, COORDINATOR, &token).await;

    // Their village search finds only Indramayu's villages.
    h.say(COORDINATOR, "/petugas").await;
    let ask = h.press(COORDINATOR, &staff(StaffAction::Invite)).await;
    assert!(
        has_id(&ask, "staff-invite-ask-village"),
        "straight to the village"
    );
    let elsewhere = h.say(COORDINATOR, "kuripan wonosobo").await;
    assert!(has_id(&elsewhere, "place-village-not-found"));
    // A forged button for another regency's village makes no invitation.
    let forged = h
        .press(
            COORDINATOR,
            &staff(StaffAction::Place(Pick::Village(village("33.07.10.2004")))),
        )
        .await;
    assert!(has_id(&forged, "staff-outside-area"));
    assert_eq!(h.count("SELECT count(*) FROM staff_invitations").await, 1);

    let token = invite_officer(&mut h, COORDINATOR, "kenanga sindang").await;
    accept(&mut h, OFFICER, &token).await;
    // An officer elsewhere, invited by the admin.
    let token = invite_officer(&mut h, ADMIN, "kuripan wonosobo").await;
    accept(&mut h, 8, &token).await;

    let list = h.press(COORDINATOR, &staff(StaffAction::List)).await;
    assert!(actions(&list).contains(&staff(StaffAction::Member(OFFICER))));
    assert!(
        !actions(&list).contains(&staff(StaffAction::Member(8))),
        "not theirs"
    );
    for forged in [
        StaffAction::Member(8),
        StaffAction::Remove(8),
        StaffAction::RemoveConfirmed(8),
        StaffAction::Programme,
        StaffAction::Unmark(village("32.12.16.2004")),
    ] {
        let replies = h.press(COORDINATOR, &staff(forged.clone())).await;
        assert!(
            !has_id(&replies, "staff-removed-notice") && !has_id(&replies, "staff-member"),
            "{forged:?}"
        );
    }
    assert_eq!(
        h.count("SELECT count(*) FROM staff WHERE user_id = 8")
            .await,
        1
    );

    // Removing their own officer ends the rights at once, and the officer is told.
    h.press(COORDINATOR, &staff(StaffAction::Remove(OFFICER)))
        .await;
    let removed = h
        .press(COORDINATOR, &staff(StaffAction::RemoveConfirmed(OFFICER)))
        .await;
    assert!(has_id(&to(&removed, OFFICER), "staff-removed-notice"));
    assert!(to(&removed, OFFICER).iter().any(|r| matches!(
        r.kind,
        desmigratif::engine::ReplyKind::CommandMenu {
            officer: false,
            staff: false
        }
    )));
    assert!(has_id(&h.say(OFFICER, "/petugas").await, "officer-only"));
    assert_eq!(
        h.count("SELECT count(*) FROM audit_log WHERE action = 'staff_remove'")
            .await,
        1
    );
}

#[tokio::test]
async fn people_see_their_village_officers_card_else_the_coordinators_else_the_hotlines() {
    let mut h = Harness::new().await;
    seed::registered(&h.pool, RESIDENT, "id", &seed::Profile::default()).await;
    let nobody = h.press(RESIDENT, &staff(StaffAction::MyOfficer)).await;
    assert!(has_id(&nobody, "staff-mine-nobody"));
    assert!(has_id(&nobody, "staff-mine-national"));

    let token = invite_officer(&mut h, ADMIN, "kenanga sindang").await;
    accept(&mut h, OFFICER, &token).await;
    // An officer without a card is not shown.
    assert!(has_id(
        &h.press(RESIDENT, &staff(StaffAction::MyOfficer)).await,
        "staff-mine-nobody"
    ));
    h.press(OFFICER, &staff(StaffAction::EditCard(CardField::Name)))
        .await;
    h.say(OFFICER, "Ibu Sari, Petugas Desmigratif Kenanga")
        .await;
    h.press(OFFICER, &staff(StaffAction::EditCard(CardField::Phone)))
        .await;
    assert!(has_id(
        &h.say(OFFICER, "kantor desa").await,
        "staff-card-phone"
    ));
    h.say(OFFICER, "0234 272 111").await;

    let shown = h.press(RESIDENT, &staff(StaffAction::MyOfficer)).await;
    assert!(has_id(&shown, "staff-mine-officers"));
    let text: String = shown.iter().map(|r| h.text(r)).collect();
    assert!(
        text.contains("Ibu Sari, Petugas Desmigratif Kenanga"),
        "{text}"
    );
    assert!(text.contains("+62234272111"), "{text}");
    assert!(
        !text.contains(&OFFICER.to_string()),
        "never their Telegram account"
    );
    assert!(text.contains("0800-1000"));

    // Not registered: asked to register, and the hotlines.
    let stranger = h.press(11, &staff(StaffAction::MyOfficer)).await;
    assert!(has_id(&stranger, "staff-mine-unregistered"));
    assert!(has_id(&h.say(11, "/menu").await, "menu-title"));
}

#[tokio::test]
async fn the_programmes_villages_come_first_in_searches() {
    let mut h = Harness::new().await;
    h.say(ADMIN, "/petugas").await;
    h.press(ADMIN, &staff(StaffAction::Programme)).await;
    h.press(ADMIN, &staff(StaffAction::MarkVillage)).await;
    h.say(ADMIN, "kenanga sindang").await;
    let marked = h
        .press(
            ADMIN,
            &staff(StaffAction::Place(Pick::Village(village("32.12.16.2004")))),
        )
        .await;
    assert!(has_id(&marked, "staff-programme"));
    assert_eq!(
        h.count("SELECT count(*) FROM villages WHERE programme = 1")
            .await,
        1
    );
    // Someone registering now finds the programme's Kenanga first.
    use desmigratif::{domain::Role, engine::registration::RegAction};
    h.say(1, "/daftar").await;
    h.press(1, &Action::Registration(RegAction::Agree)).await;
    h.press(1, &Action::Registration(RegAction::Role(Role::Prospective)))
        .await;
    h.say(1, "Dedi").await;
    h.say(1, "081299998888").await;
    let first = first_village(&h.say(1, "Kenanga").await);
    assert_eq!(
        first,
        Some(Action::Registration(RegAction::Place(Pick::Village(
            village("32.12.16.2004")
        ))))
    );
    // Not for anyone else to change.
    h.press(
        OFFICER,
        &staff(StaffAction::Unmark(village("32.12.16.2004"))),
    )
    .await;
    assert_eq!(
        h.count("SELECT count(*) FROM villages WHERE programme = 1")
            .await,
        1
    );
}

fn document(name: &str, content: &str) -> desmigratif::engine::Event {
    desmigratif::engine::Event::Document {
        file_id: "f".into(),
        file_name: Some(name.into()),
        mime_type: Some("text/csv".into()),
        size: content.len() as u64,
        content: Some(content.as_bytes().to_vec()),
    }
}

#[tokio::test]
async fn admins_mark_the_programmes_villages_from_a_file_of_codes_all_or_nothing() {
    let mut h = Harness::new().await;
    h.press(ADMIN, &staff(StaffAction::Programme)).await;
    let asked = h.press(ADMIN, &staff(StaffAction::MarkVillage)).await;
    assert!(
        asked.iter().any(|r| h.text(r).contains("CSV")),
        "the file is offered"
    );
    // One line is not a code, one code is not a village: nothing is marked, both are named.
    let bad = h
        .event(
            ADMIN,
            document(
                "desa.csv",
                "kode,nama\n32.12.16.2004,Kenanga\nKenanga\n99.99.99.9999\n",
            ),
        )
        .await;
    let text: String = bad.iter().map(|r| h.text(r)).collect();
    assert!(
        has_id(&bad, "staff-programme-file-problems"),
        "{:?}",
        ids(&bad)
    );
    assert!(text.contains("Baris 3"), "{text}");
    assert_eq!(
        h.count("SELECT count(*) FROM villages WHERE programme = 1")
            .await,
        0
    );
    let good = h
        .event(
            ADMIN,
            document("desa.csv", "kode,nama\n32.12.16.2004,Kenanga\n3212162005\n"),
        )
        .await;
    assert!(
        has_id(&good, "staff-programme-file-done"),
        "{:?}",
        ids(&good)
    );
    assert_eq!(
        h.count("SELECT count(*) FROM villages WHERE programme = 1")
            .await,
        2
    );
    assert_eq!(
        h.count("SELECT count(*) FROM audit_log WHERE action = 'programme_add'")
            .await,
        1
    );
}

#[tokio::test]
async fn after_choosing_by_regency_what_is_typed_names_a_regency() {
    let mut h = Harness::new().await;
    h.press(ADMIN, &staff(StaffAction::Programme)).await;
    h.press(ADMIN, &staff(StaffAction::MarkVillage)).await;
    h.press(ADMIN, &staff(StaffAction::Place(Pick::ByRegency)))
        .await;
    let regencies = h.say(ADMIN, "indramayu").await;
    assert!(
        has_id(&regencies, "place-regency-choose"),
        "{:?}",
        ids(&regencies)
    );
}
