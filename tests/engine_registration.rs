//! Registration, profile, /mydata and /delete, driven through the real engine.

#[path = "support/harness.rs"]
mod harness;

use desmigratif::{
    domain::{Destination, Interest, Language, Relation, Role, Sector},
    engine::{
        Action, Engine, Event, Input, Keyboard, ReplyKind, State,
        profile::ProfileAction,
        registration::{Field, RegAction, Step},
    },
    store::{conversations, profiles},
};
use harness::*;

fn reg(action: RegAction) -> Action {
    Action::Registration(action)
}

async fn state(h: &Harness, user: i64) -> State {
    h.engine
        .reader()
        .read(async |tx| conversations::load(tx, user).await)
        .await
        .unwrap()
        .map(|json| serde_json::from_str(&json).unwrap())
        .unwrap_or_default()
}

async fn profile_of(h: &Harness, user: i64) -> desmigratif::domain::Profile {
    h.engine
        .reader()
        .read(async |tx| profiles::find(tx, user).await)
        .await
        .unwrap()
        .expect("a profile")
}

async fn step(h: &Harness, user: i64) -> Option<Step> {
    match state(h, user).await {
        State::Registration(r) => Some(r.step),
        _ => None,
    }
}

/// Registers a returnee through buttons and text, up to the summary.
async fn fill_returnee(h: &mut Harness, user: i64, lang: &str) {
    h.say_in(user, lang, "/daftar").await;
    h.press(user, &reg(RegAction::Agree)).await;
    h.press(user, &reg(RegAction::Role(Role::Returnee))).await;
    h.say_in(user, lang, "Siti Aminah").await;
    h.say_in(user, lang, "0812-3456-7890").await;
    let shown = h.say_in(user, lang, "Kenanga Indramayu").await;
    h.press(user, &first_village(&shown).unwrap()).await;
    h.press(user, &reg(RegAction::Country(Destination::Taiwan)))
        .await;
    h.say_in(user, lang, "4 tahun").await;
    h.press(user, &reg(RegAction::Sector(Sector::Care))).await;
    h.press(user, &reg(RegAction::Interest(Interest::Entrepreneurship)))
        .await;
    h.press(user, &reg(RegAction::Interest(Interest::Cooperative)))
        .await;
    h.press(user, &reg(RegAction::InterestsDone)).await;
}

#[tokio::test]
async fn registration_starts_with_consent_and_declining_stores_nothing() {
    let mut h = Harness::new().await;
    let replies = h.say(1, "/daftar").await;
    assert_eq!(ids(&replies), ["registration-consent"]);
    assert!(actions(&replies).contains(&reg(RegAction::Agree)));
    let declined = h.press(1, &reg(RegAction::Decline)).await;
    assert!(has_id(&declined, "registration-declined"));
    assert_eq!(h.count("SELECT count(*) FROM consents").await, 0);
    assert_eq!(h.count("SELECT count(*) FROM profiles").await, 0);
    assert_eq!(state(&h, 1).await, State::Idle);
}

#[tokio::test]
async fn a_returnee_registers_in_either_language() {
    for (user, lang, language) in [(1, "id", Language::Id), (2, "en", Language::En)] {
        let mut h = Harness::new().await;
        fill_returnee(&mut h, user, lang).await;
        assert_eq!(step(&h, user).await, Some(Step::Summary));
        let saved = h.press(user, &reg(RegAction::Save)).await;
        assert!(has_id(&saved, "registration-done"));
        assert_eq!(languages(&saved), [language].into());
        let profile = profile_of(&h, user).await;
        assert_eq!(profile.role, Role::Returnee);
        assert_eq!(profile.name.as_str(), "Siti Aminah");
        assert_eq!(profile.phone.as_str(), "+6281234567890");
        assert_eq!(profile.village.as_str(), "Kenanga");
        assert_eq!(profile.years_abroad.unwrap().get(), 4);
        assert_eq!(profile.sector, Some(Sector::Care));
        assert_eq!(
            profile.interests,
            vec![Interest::Entrepreneurship, Interest::Cooperative]
        );
        assert_eq!(h.count("SELECT count(*) FROM consents").await, 1);
        assert_eq!(state(&h, user).await, State::Idle);
    }
}

#[tokio::test]
async fn a_family_member_is_asked_about_the_worker_and_a_prospective_worker_about_the_destination()
{
    let mut h = Harness::new().await;
    h.say(1, "/daftar").await;
    h.press(1, &reg(RegAction::Agree)).await;
    h.press(1, &reg(RegAction::Role(Role::Family))).await;
    for answer in ["Wati", "+62 813 1111 2222"] {
        h.say(1, answer).await;
    }
    h.choose_village(1, "Kuripan Wonosobo").await;
    assert_eq!(step(&h, 1).await, Some(Step::Ask(Field::Relation)));
    h.press(1, &reg(RegAction::Relation(Relation::Spouse)))
        .await;
    h.press(1, &reg(RegAction::WorkerAbroad(true))).await;
    h.press(1, &reg(RegAction::Country(Destination::HongKong)))
        .await;
    h.press(1, &reg(RegAction::InterestsDone)).await;
    h.press(1, &reg(RegAction::Save)).await;
    let family = profile_of(&h, 1).await;
    assert_eq!(
        (family.relation, family.worker_abroad),
        (Some(Relation::Spouse), Some(true))
    );
    assert!(family.interests.is_empty());

    h.say(2, "/register").await;
    h.press(2, &reg(RegAction::Agree)).await;
    h.press(2, &reg(RegAction::Role(Role::Prospective))).await;
    for answer in ["Dedi", "081299998888"] {
        h.say(2, answer).await;
    }
    h.choose_village(2, "kenanga sindang").await;
    let country = h.press(2, &reg(RegAction::CountryOther)).await;
    assert!(has_id(&country, "registration-ask-country-other"));
    h.say(2, "Brunei").await;
    assert_eq!(step(&h, 2).await, Some(Step::Ask(Field::Interests)));
}

#[tokio::test]
async fn every_bad_answer_gets_a_specific_hint_and_the_same_question() {
    let mut h = Harness::new().await;
    h.say(1, "/daftar").await;
    h.press(1, &reg(RegAction::Agree)).await;
    h.press(1, &reg(RegAction::Role(Role::Returnee))).await;
    let long = "x".repeat(5000);
    for (answer, hint) in [
        ("12345", "registration-name-digits"),
        ("😀😀😀", "registration-name-letters"),
        ("A", "registration-name-too-short"),
        (long.as_str(), "registration-name-too-long"),
    ] {
        let replies = h.say(1, answer).await;
        assert_eq!(
            ids(&replies),
            [hint, "registration-ask-name"],
            "{answer:.20}"
        );
    }
    h.say(1, "Siti").await;
    for (answer, hint) in [
        ("0812", "registration-phone-too-short"),
        ("nomor saya", "registration-phone-invalid"),
    ] {
        let replies = h.say(1, answer).await;
        assert_eq!(ids(&replies)[..2], [hint, "registration-ask-phone"]);
    }
    // Someone else's contact card is refused; one's own is taken.
    let other = h
        .event(
            1,
            Event::Contact {
                phone: "6281211112222".into(),
                user_id: Some(99),
            },
        )
        .await;
    assert!(has_id(&other, "registration-phone-not-yours"));
    let own = h
        .event(
            1,
            Event::Contact {
                phone: "6281211112222".into(),
                user_id: Some(1),
            },
        )
        .await;
    assert_eq!(
        own[0].keyboard(),
        &Keyboard::Remove,
        "the share keyboard is taken away"
    );
    assert!(has_id(&own, "registration-ask-village"));
    let sticker = h
        .event(
            1,
            Event::Media {
                kind: desmigratif::engine::MediaKind::Sticker,
                file_id: "s".into(),
                caption: None,
            },
        )
        .await;
    assert_eq!(
        ids(&sticker),
        ["registration-type-answer", "registration-ask-village"]
    );
    assert_eq!(ids(&h.say(1, "🏠🏠").await)[0], "place-village-not-found");
    h.choose_village(1, "Kenanga Indramayu").await;
    assert_eq!(
        ids(&h.say(1, "Taiwan").await)[0],
        "registration-use-buttons"
    );
    h.press(1, &reg(RegAction::Country(Destination::Malaysia)))
        .await;
    for (answer, hint) in [
        ("-3", "registration-years-negative"),
        ("90", "registration-years-too-many"),
        ("lama", "registration-years-not-a-number"),
    ] {
        assert_eq!(
            ids(&h.say(1, answer).await),
            [hint, "registration-ask-years"]
        );
    }
    h.say(1, "3").await;
    assert_eq!(step(&h, 1).await, Some(Step::Ask(Field::Sector)));
}

#[tokio::test]
async fn hints_come_in_the_users_language() {
    let mut h = Harness::new().await;
    h.say_in(1, "en", "/register").await;
    h.press(1, &reg(RegAction::Agree)).await;
    h.press(1, &reg(RegAction::Role(Role::Returnee))).await;
    let replies = h.say_in(1, "en", "12345").await;
    assert_eq!(replies[0].lang, Language::En);
    assert!(h.text(&replies[0]).contains("number"));
}

#[tokio::test]
async fn back_goes_one_question_back_and_cancel_leaves_without_saving() {
    let mut h = Harness::new().await;
    h.say(1, "/daftar").await;
    h.press(1, &reg(RegAction::Agree)).await;
    h.press(1, &reg(RegAction::Role(Role::Returnee))).await;
    h.say(1, "Siti").await;
    let back = h.press(1, &reg(RegAction::Back)).await;
    assert!(has_id(&back, "registration-ask-name"));
    assert_eq!(step(&h, 1).await, Some(Step::Ask(Field::Name)));
    h.press(1, &reg(RegAction::Back)).await;
    assert_eq!(step(&h, 1).await, Some(Step::Ask(Field::Role)));
    h.say(1, "/batal").await;
    assert_eq!(state(&h, 1).await, State::Idle);
    assert_eq!(h.count("SELECT count(*) FROM profiles").await, 0);
}

#[tokio::test]
async fn cancelling_at_the_phone_question_takes_the_share_keyboard_away() {
    let mut h = Harness::new().await;
    h.say(1, "/daftar").await;
    h.press(1, &reg(RegAction::Agree)).await;
    h.press(1, &reg(RegAction::Role(Role::Returnee))).await;
    let phone = h.say(1, "Siti").await;
    assert!(matches!(phone[0].keyboard(), Keyboard::ShareContact { .. }));
    let cancelled = h.press(1, &Action::Cancel).await;
    assert!(cancelled.iter().any(|r| r.keyboard() == &Keyboard::Remove));
}

#[tokio::test]
async fn the_summary_edits_one_field_and_comes_back() {
    let mut h = Harness::new().await;
    fill_returnee(&mut h, 1, "id").await;
    h.press(1, &reg(RegAction::Edit(Field::Village))).await;
    let summary = h.choose_village(1, "Sukamaju").await;
    assert!(has_id(&summary, "registration-summary"));
    let State::Registration(r) = state(&h, 1).await else {
        panic!("not registering")
    };
    assert_eq!(r.draft.village.as_deref(), Some("Sukamaju"));
    // Changing the role asks the new role's questions before the summary.
    h.press(1, &reg(RegAction::Edit(Field::Role))).await;
    h.press(1, &reg(RegAction::Role(Role::Family))).await;
    assert_eq!(step(&h, 1).await, Some(Step::Ask(Field::Relation)));
}

#[tokio::test]
async fn a_poster_link_offers_its_village() {
    let mut h = Harness::new().await;
    h.say(1, "/start desa-kenanga_indramayu").await;
    h.say(1, "/daftar").await;
    h.press(1, &reg(RegAction::Agree)).await;
    h.press(1, &reg(RegAction::Role(Role::Prospective))).await;
    h.say(1, "Dedi").await;
    let village = h.say(1, "081299998888").await;
    assert!(actions(&village).contains(&reg(RegAction::UseHint)));
    h.press(1, &reg(RegAction::UseHint)).await;
    let State::Registration(r) = state(&h, 1).await else {
        panic!("not registering")
    };
    assert_eq!(r.draft.village.as_deref(), Some("Kenanga"));
    assert_eq!(r.draft.district.as_deref(), Some("Indramayu"));
    assert_eq!(r.draft.village_code.unwrap().to_string(), "32.12.16.2004");
}

#[tokio::test]
async fn a_registration_survives_a_restart() {
    let mut h = Harness::new().await;
    h.say(1, "/daftar").await;
    h.press(1, &reg(RegAction::Agree)).await;
    h.press(1, &reg(RegAction::Role(Role::Returnee))).await;
    h.say(1, "Siti").await;
    // A new engine over the same database file: the bot was restarted.
    let db = desmigratif::store::open(&format!("sqlite://{}", h.db_path.display()))
        .await
        .unwrap();
    let restarted = Engine::new(
        &db,
        h.engine.settings().clone(),
        std::sync::Arc::new(h.clock.clone()),
    );
    let replies = restarted
        .handle(Input::text(1, "0812-3456-7890").with_update_id(9999))
        .await
        .unwrap()
        .replies;
    assert!(has_id(&replies, "registration-ask-village"));
}

#[tokio::test]
async fn registering_again_shows_the_profile_instead() {
    let mut h = Harness::new().await;
    fill_returnee(&mut h, 1, "id").await;
    h.press(1, &reg(RegAction::Save)).await;
    let again = h.say(1, "/daftar").await;
    assert_eq!(ids(&again)[0], "profile-title");
    assert_eq!(h.count("SELECT count(*) FROM profiles").await, 1);
}

#[tokio::test]
async fn the_profile_changes_one_field_at_a_time() {
    let mut h = Harness::new().await;
    assert_eq!(ids(&h.say(1, "/profil").await), ["profile-not-registered"]);
    fill_returnee(&mut h, 1, "id").await;
    h.press(1, &reg(RegAction::Save)).await;
    let profile = h.say(1, "/profile").await;
    assert!(actions(&profile).contains(&Action::Profile(ProfileAction::Edit(Field::Village))));
    let ask = h
        .press(1, &Action::Profile(ProfileAction::Edit(Field::Village)))
        .await;
    assert!(has_id(&ask, "registration-ask-village"));
    let updated = h.choose_village(1, "Sukamaju").await;
    assert_eq!(ids(&updated)[0], "profile-updated");
    let profile = profile_of(&h, 1).await;
    assert_eq!(profile.village.as_str(), "Sukamaju");
    assert!(profile.village_code.is_some());
}

#[tokio::test]
async fn my_data_shows_everything_and_sends_it_as_a_json_file() {
    let mut h = Harness::new().await;
    fill_returnee(&mut h, 1, "id").await;
    h.press(1, &reg(RegAction::Save)).await;
    let replies = h.say(1, "/dataku").await;
    assert_eq!(ids(&replies)[0], "mydata-intro");
    let document = replies.iter().find_map(|r| match &r.kind {
        ReplyKind::Document { content, .. } => Some((r, content.clone())),
        _ => None,
    });
    let (reply, content) = document.expect("a file");
    assert_eq!(reply.subject, Some(1));
    let json: serde_json::Value = serde_json::from_str(&content).unwrap();
    assert_eq!(json["profile"]["full_name"], "Siti Aminah");
    assert_eq!(json["profile"]["phone"], "+6281234567890");
    assert_eq!(json["consents"].as_array().unwrap().len(), 1);
}

#[tokio::test]
async fn erasure_asks_first_then_leaves_nothing_readable_in_the_database_file() {
    let mut h = Harness::new().await;
    fill_returnee(&mut h, 1, "id").await;
    h.press(1, &reg(RegAction::Save)).await;
    h.say(1, "/dataku").await;
    let confirm = h.say(1, "/hapus").await;
    assert_eq!(ids(&confirm), ["privacy-delete-confirm"]);
    assert_eq!(
        h.count("SELECT count(*) FROM profiles").await,
        1,
        "nothing erased before confirming"
    );
    let done = h
        .press(1, &Action::Profile(ProfileAction::DeleteConfirmed))
        .await;
    assert!(has_id(&done, "privacy-deleted"));
    for table in ["profiles", "consents", "conversations", "users"] {
        assert_eq!(
            h.count(&format!("SELECT count(*) FROM {table}")).await,
            0,
            "{table}"
        );
    }
    assert_eq!(
        h.count("SELECT count(*) FROM outbox WHERE subject_user_id = 1")
            .await,
        0
    );
    // The log is checkpointed in the background, off everyone's path: once it is, the
    // erased values are in neither file.
    assert_gone_from_files(&h, &SECRETS).await;
}

/// What `fill_returnee` types that must not survive an erasure.
/// The village's and regency's names are in the list of villages, which is public: the person's
/// own data is what must go.
const SECRETS: [&str; 2] = ["Siti Aminah", "6281234567890"];

/// The bytes of the database file and its log, as anyone with the files could read them.
fn file_bytes(h: &Harness) -> Vec<u8> {
    let mut bytes = std::fs::read(&h.db_path).unwrap();
    if let Ok(wal) = std::fs::read(h.db_path.with_extension("db-wal")) {
        bytes.extend(wal);
    }
    bytes
}

fn readable(bytes: &[u8], secret: &str) -> bool {
    bytes.windows(secret.len()).any(|w| w == secret.as_bytes())
}

/// Waits (up to ten seconds) for the background checkpoint to leave none of `secrets` in the
/// files.
async fn assert_gone_from_files(h: &Harness, secrets: &[&str]) {
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(10);
    loop {
        let bytes = file_bytes(h);
        let left: Vec<&str> = secrets
            .iter()
            .copied()
            .filter(|secret| readable(&bytes, secret))
            .collect();
        if left.is_empty() {
            return;
        }
        assert!(
            std::time::Instant::now() < deadline,
            "{left:?} still readable in the database files"
        );
        tokio::time::sleep(std::time::Duration::from_millis(50)).await;
    }
}

#[tokio::test]
async fn an_erasure_while_a_reader_holds_the_database_holds_up_no_one_and_completes_after() {
    let mut h = Harness::new().await;
    fill_returnee(&mut h, 1, "id").await;
    h.press(1, &reg(RegAction::Save)).await;
    // A backup, or an operator's sqlite3 shell, in the middle of a read.
    let mut reader = h.pool.acquire().await.unwrap();
    sqlx::query("BEGIN").execute(&mut *reader).await.unwrap();
    let users: i64 = sqlx::query_scalar("SELECT count(*) FROM users")
        .fetch_one(&mut *reader)
        .await
        .unwrap();
    assert_eq!(users, 1);

    h.say(1, "/hapus").await;
    let started = std::time::Instant::now();
    let done = h
        .press(1, &Action::Profile(ProfileAction::DeleteConfirmed))
        .await;
    assert!(has_id(&done, "privacy-deleted"));
    // Someone else writes meanwhile and is answered at once, not after the reader leaves.
    let other = h.say(2, "/menu").await;
    assert!(!other.is_empty());
    let waited = started.elapsed();
    assert!(
        waited < std::time::Duration::from_secs(1),
        "the erasure and the next reply took {waited:?} while a reader held the database"
    );
    assert_eq!(h.count("SELECT count(*) FROM profiles").await, 0);
    // The reader still sees its snapshot, so the log cannot be emptied yet.
    let still: i64 = sqlx::query_scalar("SELECT count(*) FROM profiles")
        .fetch_one(&mut *reader)
        .await
        .unwrap();
    assert_eq!(still, 1, "the reader's snapshot stands");

    sqlx::query("COMMIT").execute(&mut *reader).await.unwrap();
    drop(reader);
    assert_gone_from_files(&h, &SECRETS).await;
}
