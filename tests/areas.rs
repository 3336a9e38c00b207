//! Every village of Indonesia: found by a few letters, by regency then district, by a poster
//! link; a newer list loaded without anyone losing their village; people who typed their
//! village before it was a list matched to it, or asked once.

#[path = "support/harness.rs"]
mod harness;
#[path = "support/seed.rs"]
mod seed;

use desmigratif::{
    areas::release::Release,
    domain::{Role, area::VillageCode},
    engine::{
        Action, State,
        places::Pick,
        profile::ProfileAction,
        registration::{Field, RegAction, Step},
    },
    store::{self, areas},
};
use harness::*;

fn reg(action: RegAction) -> Action {
    Action::Registration(action)
}

fn pick(p: Pick) -> Action {
    reg(RegAction::Place(p))
}

fn code(text: &str) -> VillageCode {
    VillageCode::parse(text).unwrap()
}

async fn state(h: &Harness, user: i64) -> State {
    h.engine
        .reader()
        .read(async |tx| store::conversations::load(tx, user).await)
        .await
        .unwrap()
        .map(|json| serde_json::from_str(&json).unwrap())
        .unwrap_or_default()
}

/// The villages a search's buttons offer, as their labels read.
fn offered(h: &Harness, replies: &[desmigratif::engine::Reply]) -> Vec<String> {
    replies
        .iter()
        .flat_map(|r| r.keyboard().rows().iter().flatten())
        .filter(|b| {
            matches!(
                &b.target,
                desmigratif::engine::Target::Action(Action::Registration(RegAction::Place(
                    Pick::Village(_)
                )))
            )
        })
        .map(|b| {
            h.locales
                .message(desmigratif::domain::Language::Id, &b.label)
        })
        .collect()
}

/// Up to the village question, as a prospective worker.
async fn to_the_village_question(h: &mut Harness, user: i64) {
    h.say(user, "/daftar").await;
    h.press(user, &reg(RegAction::Agree)).await;
    h.press(user, &reg(RegAction::Role(Role::Prospective)))
        .await;
    h.say(user, "Dedi").await;
    h.say(user, "081299998888").await;
}

#[tokio::test]
async fn a_few_letters_offer_the_village_with_its_district_and_regency() {
    let mut h = Harness::new().await;
    to_the_village_question(&mut h, 1).await;
    let asked = state(&h, 1).await;
    let found = h.say(1, "desa kenanga, indramayu").await;
    assert!(has_id(&found, "place-village-choose"));
    assert_eq!(offered(&h, &found), ["Kenanga — Sindang, Indramayu"]);

    let many = h.say(1, "Kenanga").await;
    let labels = offered(&h, &many);
    assert_eq!(labels.len(), 8, "at most eight buttons: {labels:?}");
    assert!(
        labels.iter().all(|l| l.starts_with("Kenanga")),
        "{labels:?}"
    );
    // Villages called exactly that first, then those whose names begin with it.
    let exact = labels
        .iter()
        .filter(|l| l.starts_with("Kenanga — "))
        .count();
    assert!(exact >= 3, "{labels:?}");
    assert!(
        labels[..exact].iter().all(|l| l.starts_with("Kenanga — ")),
        "{labels:?}"
    );
    assert!(has_id(&many, "place-village-many"), "says there are more");
    assert!(actions(&many).contains(&pick(Pick::NotListed)));

    // A typo is forgiven.
    let typo = h.say(1, "Kenamga Sindang").await;
    assert_eq!(offered(&h, &typo), ["Kenanga — Sindang, Indramayu"]);
    // Nothing like it: say so, and offer the way by regency.
    let none = h.say(1, "Qwxyzv").await;
    assert!(has_id(&none, "place-village-not-found"));
    assert!(actions(&none).contains(&pick(Pick::ByRegency)));
    assert_eq!(
        state(&h, 1).await,
        asked,
        "searching changes nothing stored"
    );

    h.press(1, &pick(Pick::Village(code("32.12.16.2004"))))
        .await;
    let State::Registration(r) = state(&h, 1).await else {
        panic!("not registering");
    };
    assert_eq!(r.step, Step::Ask(Field::Country), "no regency question");
    assert_eq!(r.draft.village.as_deref(), Some("Kenanga"));
    assert_eq!(r.draft.district.as_deref(), Some("Indramayu"));
}

#[tokio::test]
async fn a_village_not_found_by_name_is_found_by_regency_then_district() {
    let mut h = Harness::new().await;
    to_the_village_question(&mut h, 1).await;
    h.say(1, "Kenanga").await;
    let retry = h.press(1, &pick(Pick::NotListed)).await;
    assert!(has_id(&retry, "place-village-retry"));
    let ask = h.press(1, &pick(Pick::ByRegency)).await;
    assert!(has_id(&ask, "place-ask-regency"));
    assert!(
        has_id(&h.say(1, "Indramayo").await, "place-regency-choose"),
        "a typo"
    );
    let regencies = h.say(1, "Kab. Indramayu").await;
    let indramayu = pick(Pick::Regency(
        desmigratif::domain::area::RegencyCode::parse("32.12").unwrap(),
    ));
    assert!(actions(&regencies).contains(&indramayu));
    let districts = h.press(1, &indramayu).await;
    assert!(has_id(&districts, "place-district-choose"));
    let sindang = pick(Pick::District(
        desmigratif::domain::area::DistrictCode::parse("32.12.16").unwrap(),
        0,
    ));
    assert!(actions(&districts).contains(&sindang));
    let villages = h.press(1, &sindang).await;
    assert!(has_id(&villages, "place-village-in-district"));
    let kenanga = pick(Pick::Village(code("32.12.16.2004")));
    assert!(actions(&villages).contains(&kenanga));
    h.press(1, &kenanga).await;
    let State::Registration(r) = state(&h, 1).await else {
        panic!("not registering");
    };
    assert_eq!(r.draft.village_code, Some(code("32.12.16.2004")));
    assert_eq!(r.step, Step::Ask(Field::Country));
}

#[tokio::test]
async fn a_district_with_many_villages_comes_in_pages() {
    let mut h = Harness::new().await;
    to_the_village_question(&mut h, 1).await;
    h.press(1, &pick(Pick::ByRegency)).await;
    // 95.06.03 has 108 villages, more than a message may have buttons.
    let district = desmigratif::domain::area::DistrictCode::parse("95.06.03").unwrap();
    let first = h.press(1, &pick(Pick::District(district, 0))).await;
    assert!(has_id(&first, "place-page"));
    let villages = |replies: &[desmigratif::engine::Reply]| {
        actions(replies)
            .into_iter()
            .filter(|a| matches!(a, Action::Registration(RegAction::Place(Pick::Village(_)))))
            .count()
    };
    assert_eq!(villages(&first), 30);
    assert!(actions(&first).contains(&pick(Pick::District(district, 1))));
    let last = h.press(1, &pick(Pick::District(district, 3))).await;
    assert_eq!(villages(&last), 108 - 90);
    assert!(!actions(&last).contains(&pick(Pick::District(district, 4))));
}

#[tokio::test]
async fn a_forged_or_unlisted_village_is_refused_like_any_old_button() {
    let mut h = Harness::new().await;
    to_the_village_question(&mut h, 1).await;
    for forged in [
        "1:reg:p:v:3212162099",
        "1:reg:p:v:0212162004",
        "1:reg:p:v:32.12.16.2004",
        "1:reg:p:r:9999",
        "1:reg:p:d:321299:0",
        "1:reg:p:d:321216:999",
    ] {
        let replies = h.press_data(1, forged).await;
        assert!(!replies.is_empty(), "{forged}: every press gets an answer");
        let State::Registration(r) = state(&h, 1).await else {
            panic!("{forged}: the registration was lost");
        };
        assert_eq!(r.draft.village_code, None, "{forged}");
    }
}

#[tokio::test]
async fn poster_links_name_a_village_by_code_or_by_an_unambiguous_old_name() {
    let mut h = Harness::new().await;
    h.say(1, "/start desa-3212162004").await;
    let State::Arrived { village } = state(&h, 1).await else {
        panic!("the village is kept for registration");
    };
    assert_eq!(village.code, code("32.12.16.2004"));

    // An old link: "kenanga" alone is a name many villages have; with the regency, one.
    h.say(2, "/start desa-kenanga").await;
    assert_eq!(state(&h, 2).await, State::Idle);
    h.say(3, "/start desa-kenanga_indramayu").await;
    assert!(
        matches!(state(&h, 3).await, State::Arrived { village } if village.village == "Kenanga")
    );
    // A code that is no village.
    h.say(4, "/start desa-3212162099").await;
    assert_eq!(state(&h, 4).await, State::Idle);
}

#[tokio::test]
async fn typed_villages_are_matched_where_one_village_fits_and_the_rest_asked_once() {
    let mut h = Harness::new().await;
    let typed = |village, district| seed::Profile {
        village,
        district,
        village_code: None,
        ..Default::default()
    };
    seed::registered(&h.pool, 1, "id", &typed("Desa Kenanga", "Kab. Indramayu")).await;
    seed::registered(&h.pool, 2, "id", &typed("kenanga", "Sindang")).await;
    // Two villages named Kuripan in Wonosobo: which one cannot be told.
    seed::registered(&h.pool, 3, "id", &typed("Kuripan", "Wonosobo")).await;
    seed::registered(&h.pool, 4, "id", &typed("Kampung Baru", "Atlantis")).await;
    let release = Release::shipped().unwrap();
    let (matched, left) = h
        .engine
        .writer()
        .write(async |tx| areas::match_typed_villages(tx, &release).await)
        .await
        .unwrap();
    assert_eq!((matched, left), (2, 2));
    let pool = h.pool.clone();
    let code_of = async |user: i64| -> Option<i64> {
        sqlx::query_scalar("SELECT village_code FROM profiles WHERE user_id = ?")
            .bind(user)
            .fetch_one(&pool)
            .await
            .unwrap()
    };
    assert_eq!(code_of(1).await, Some(seed::KENANGA));
    assert_eq!(code_of(2).await, Some(seed::KENANGA));
    assert_eq!(code_of(3).await, None);
    let name: String = sqlx::query_scalar("SELECT village FROM profiles WHERE user_id = 1")
        .fetch_one(&h.pool)
        .await
        .unwrap();
    assert_eq!(name, "Kenanga", "the official name");

    // The next time they open the menu they are asked, once, politely.
    let first = h.say(3, "/menu").await;
    assert!(has_id(&first, "registration-village-update"));
    assert!(actions(&first).contains(&Action::Profile(ProfileAction::Edit(Field::Village))));
    assert!(!has_id(
        &h.say(3, "/menu").await,
        "registration-village-update"
    ));
    assert!(!has_id(
        &h.say(1, "/menu").await,
        "registration-village-update"
    ));
    // Choosing it from the list gives them the code (their profile otherwise complete).
    sqlx::query("UPDATE profiles SET country = 'tw', years_abroad = 3, sector = 'care'")
        .execute(&h.pool)
        .await
        .unwrap();
    h.press(3, &Action::Profile(ProfileAction::Edit(Field::Village)))
        .await;
    h.choose_village(3, "Kuripan Wonosobo").await;
    assert!(code_of(3).await.is_some());
}

#[tokio::test]
async fn a_newer_list_keeps_everyones_village_and_stops_offering_the_ones_it_drops() {
    let mut h = Harness::new().await;
    to_the_village_question(&mut h, 1).await;
    h.press(1, &pick(Pick::Village(code("32.12.16.2004"))))
        .await;
    seed::registered(&h.pool, 2, "id", &seed::Profile::default()).await;

    // The next release: Kenanga gone, a neighbour renamed, a new village.
    let dir = tempfile::tempdir().unwrap();
    let shipped = Release::shipped().unwrap();
    write_release(dir.path(), &shipped, |code, name| {
        match code.to_string().as_str() {
            "32.12.16.2004" => None,
            "32.12.16.2005" => Some("Penganjang Baru".into()),
            _ => Some(name.to_owned()),
        }
    });
    let mut villages = std::fs::read_to_string(dir.path().join("villages.csv")).unwrap();
    villages.push_str("32.12.16.2099,32.12.16,Kenanga Anyar\n");
    std::fs::write(dir.path().join("villages.csv"), villages).unwrap();

    let release = Release::from_dir(dir.path()).unwrap();
    let report = h.engine.import_areas(&release, "test").await.unwrap();
    assert_eq!(report.villages.added, 1);
    assert_eq!(report.villages.retired, 1);
    assert_eq!(report.villages.renamed, 1);
    assert_eq!(report.on_retired, 1, "the person who chose it keeps it");
    let kept: Option<i64> =
        sqlx::query_scalar("SELECT village_code FROM profiles WHERE user_id = 2")
            .fetch_one(&h.pool)
            .await
            .unwrap();
    assert_eq!(kept, Some(seed::KENANGA));

    // Searches offer the new list.
    to_the_village_question(&mut h, 3).await;
    let found = h.say(3, "kenanga sindang").await;
    assert_eq!(offered(&h, &found), ["Kenanga Anyar — Sindang, Indramayu"]);
    // An old button for the dropped village is refused.
    h.press(3, &pick(Pick::Village(code("32.12.16.2004"))))
        .await;
    let State::Registration(r) = state(&h, 3).await else {
        panic!("not registering");
    };
    assert_eq!(r.draft.village_code, None);

    // A damaged release changes nothing.
    std::fs::write(
        dir.path().join("villages.csv"),
        "code,district_code,name\n32.12.16.2004,32.12.99,Kenanga\n",
    )
    .unwrap();
    let error = Release::from_dir(dir.path()).unwrap_err().to_string();
    assert!(error.contains("villages.csv, line 2"), "{error}");
}

/// Writes `release` as CSV files, each village's name through `rename` (`None` leaves it out).
fn write_release(
    dir: &std::path::Path,
    release: &Release,
    rename: impl Fn(VillageCode, &str) -> Option<String>,
) {
    let write = |file: &str, header: &str, rows: Vec<String>| {
        let mut text = format!("{header}\n");
        for row in rows {
            text.push_str(&row);
            text.push('\n');
        }
        std::fs::write(dir.join(file), text).unwrap();
    };
    let quote = |name: &str| format!("\"{}\"", name.replace('"', "\"\""));
    write(
        "provinces.csv",
        "code,name",
        release
            .provinces
            .iter()
            .map(|(c, n)| format!("{c},{}", quote(n)))
            .collect(),
    );
    write(
        "regencies.csv",
        "code,province_code,name",
        release
            .regencies
            .iter()
            .map(|(c, n)| format!("{c},{},{}", c.province(), quote(n)))
            .collect(),
    );
    write(
        "districts.csv",
        "code,regency_code,name",
        release
            .districts
            .iter()
            .map(|(c, n)| format!("{c},{},{}", c.regency(), quote(n)))
            .collect(),
    );
    write(
        "villages.csv",
        "code,district_code,name",
        release
            .villages
            .iter()
            .filter_map(|(c, n)| Some(format!("{c},{},{}", c.district(), quote(&rename(*c, n)?))))
            .collect(),
    );
}

#[tokio::test]
async fn the_programmes_villages_come_from_a_file_on_the_command_line_all_or_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("cli.db");
    prepared_database(&path);
    let database = format!("sqlite://{}", path.display());
    let run = |content: &str| {
        let file = dir.path().join("desa.csv");
        std::fs::write(&file, content).unwrap();
        command_line(
            &database,
            dir.path(),
            &["import-programme".as_ref(), file.as_os_str()],
        )
    };
    let failed = run("kode\n32.12.16.2004\n32.12.16\n");
    assert!(!failed.status.success());
    let errors = String::from_utf8_lossy(&failed.stderr);
    assert!(errors.contains("line 3"), "{errors}");
    let done = run("kode\n32.12.16.2004\n3307102004\n");
    assert!(
        done.status.success(),
        "{}",
        String::from_utf8_lossy(&done.stderr)
    );
    assert!(String::from_utf8_lossy(&done.stdout).contains("2 newly marked"));
    let pool = sqlx::SqlitePool::connect(&database).await.unwrap();
    let marked: i64 = sqlx::query_scalar("SELECT count(*) FROM villages WHERE programme = 1")
        .fetch_one(&pool)
        .await
        .unwrap();
    assert_eq!(marked, 2);
}
