//! Information people can act on, and a bot that does not trap them:
//! - «Is this agency licensed?»: the official list of licensed placement companies loaded by
//!   an admin (a file sent to the bot, or `import-agencies`), the check people make by name or
//!   licence number (and from a job offer they sent), and officers' marks on reported
//!   companies;
//! - the staff's tools in the main menu, and /bantuan by role;
//! - a registration left halfway is carried on, not started again.

#[path = "support/harness.rs"]
mod harness;
#[path = "support/seed.rs"]
mod seed;

use desmigratif::{
    domain::{area::VillageCode, staff::Area},
    engine::{
        Action, Event, Reply, ReplyKind,
        action::Tool,
        agencies::AgencyAction,
        pillars::{Page, PillarsAction},
        profile::ProfileAction,
        registration::RegAction,
        trainings::TrainingAction,
    },
};
use harness::*;

const HEADER: &str = "name,licence_number,address,status,listed_on";
const OFFICER: i64 = 700;
const OFFICER_2: i64 = 701;

fn ag(action: AgencyAction) -> Action {
    Action::Agency(action)
}

fn list() -> String {
    format!(
        "{HEADER}\n\
         PT Maju Jaya Abadi,KEP.101/PPTKIS/2019,\"Jl. Melati 5, Indramayu\",active,2026-11-30\n\
         PT Maju Jaya,KEP.102/PPTKIS/2019,\"Jl. Mawar 2, Cirebon\",revoked,2026-11-30\n\
         PT Bina Karya Mandiri,KEP.103/PPTKIS/2020,,suspended,2026-11-30\n\
         PT Sinar Harapan Bangsa,KEP.104/PPTKIS/2021,\"Jl. Kenanga 9, Jakarta Timur\",active,2026-11-30\n"
    )
}

/// A national training on 20 December at 09:00, of `seats` seats.
async fn training(h: &Harness, title: &str, seats: u32) -> i64 {
    let csv = format!(
        "title_id,title_en,category,starts_at,location,capacity,description_id,description_en\n\
         {title},{title},business,2026-12-20 09:00,Balai Desa,{seats},Belajar {title} bersama.,Learning {title} together.\n"
    );
    h.engine
        .import_trainings(csv.as_bytes())
        .await
        .unwrap()
        .unwrap()[0]
}

fn csv_file(name: &str, text: &str) -> Event {
    Event::Document {
        file_id: "file".into(),
        file_name: Some(name.into()),
        mime_type: Some("text/csv".into()),
        size: text.len() as u64,
        content: Some(text.as_bytes().to_vec()),
    }
}

async fn loaded() -> Harness {
    let h = Harness::new().await;
    let (count, _) = h
        .engine
        .import_agencies(list().as_bytes())
        .await
        .unwrap()
        .unwrap();
    assert_eq!(count, 4);
    h
}

fn rendered(h: &Harness, replies: &[Reply]) -> String {
    replies
        .iter()
        .map(|r| h.text(r))
        .collect::<Vec<_>>()
        .join("\n")
}

#[tokio::test]
async fn a_licensed_company_is_found_with_its_licence_address_and_the_lists_date() {
    let mut h = loaded().await;
    assert_eq!(ids(&h.say(1, "/agensi").await), ["agency-ask"]);
    let found = h.say(1, "maju jaya abadi").await;
    assert_eq!(
        ids(&found),
        ["agency-found", "agency-entry-active", "agency-list-date"]
    );
    let text = rendered(&h, &found);
    assert!(text.contains("PT Maju Jaya Abadi"), "{text}");
    assert!(text.contains("KEP.101/PPTKIS/2019"), "{text}");
    assert!(text.contains("Jl. Melati 5, Indramayu"), "{text}");
    assert!(text.contains("30 November 2026"), "{text}");
    assert!(text.contains("Izin: AKTIF"), "{text}");

    // The same in English, straight from the command, and by licence number.
    let english = h.say_in(2, "en", "/agency KEP 101 PPTKIS 2019").await;
    assert_eq!(
        ids(&english),
        ["agency-found", "agency-entry-active", "agency-list-date"]
    );
    let text = rendered(&h, &english);
    assert!(text.contains("Licence: ACTIVE"), "{text}");
    assert!(text.contains("dated 30 November 2026"), "{text}");
}

#[tokio::test]
async fn revoked_suspended_and_unknown_companies_are_warned_of_with_the_official_checks() {
    let mut h = loaded().await;
    // "PT Maju Jaya" itself is revoked; the longer name that begins with it comes after.
    let both = h.say(1, "/agensi PT. Maju Jaya").await;
    assert_eq!(
        ids(&both),
        [
            "agency-found",
            "agency-entry-revoked",
            "agency-entry-active",
            "agency-list-date"
        ]
    );
    let text = rendered(&h, &both);
    assert!(text.find("Mawar").unwrap() < text.find("Melati").unwrap());
    assert!(text.contains("DICABUT"), "{text}");

    let suspended = h.say(1, "/agensi binakarya").await;
    assert_eq!(
        ids(&suspended),
        [
            "agency-found",
            "agency-entry-suspended",
            "agency-check-letters",
            "agency-list-date"
        ]
    );
    assert!(rendered(&h, &suspended).contains("Alamat: tidak ada di daftar."));

    let unknown = h.say(1, "/agensi Sukses Selalu Makmur").await;
    assert_eq!(
        ids(&unknown),
        [
            "agency-not-found",
            "agency-how-to-check",
            "agency-list-date"
        ]
    );
    let text = rendered(&h, &unknown);
    assert!(text.contains("0800-1000"), "{text}");
    assert!(text.contains("Sukses Selalu Makmur"), "{text}");
    // The way to report a broker and to an officer are a tap away.
    let offered = actions(&unknown);
    assert!(offered.contains(&Action::Pillars(PillarsAction::Page(
        Page::MigrationBrokers
    ))));
    assert!(offered.contains(&Action::Pillars(PillarsAction::Ask)));
    assert!(offered.contains(&ag(AgencyAction::Ask)));
    // People get no officer's buttons.
    assert!(!offered.contains(&ag(AgencyAction::ReportTyped)));

    // A longer name than a listed one is not that company: not on the list, the listed one
    // shown as similar.
    let longer = h.say(1, "/agensi PT Maju Jaya Abadi Internasional").await;
    assert_eq!(
        ids(&longer)[..2],
        ["agency-not-found", "agency-similar-listed"]
    );
    assert!(has_id(&longer, "agency-check-letters"));
    // A name a letter away is offered as similar, never as the same.
    let similar = h.say_in(3, "en", "/agency Sinar Harapn Bangsa").await;
    assert_eq!(
        ids(&similar),
        [
            "agency-similar",
            "agency-entry-active",
            "agency-check-letters",
            "agency-list-date"
        ]
    );
    assert!(rendered(&h, &similar).contains("is not on the list"));
}

#[tokio::test]
async fn without_a_list_the_bot_says_so_and_how_to_check_officially() {
    let mut h = Harness::new().await;
    let replies = h.say(1, "/agensi Maju Jaya").await;
    assert_eq!(ids(&replies), ["agency-no-list", "agency-how-to-check"]);
    let english = h.say_in(2, "en", "/agency Maju Jaya").await;
    assert!(rendered(&h, &english).contains("has not been loaded"));
}

#[tokio::test]
async fn odd_input_while_asking_gets_a_hint_and_results_leave_the_chat_free() {
    let mut h = loaded().await;
    h.say(1, "/agensi").await;
    assert_eq!(ids(&h.say(1, "PT").await), ["agency-too-short"]);
    let photo = Event::Media {
        kind: desmigratif::engine::MediaKind::Photo,
        caption: None,
        file_id: "photo".into(),
    };
    assert_eq!(ids(&h.event(1, photo).await), ["agency-ask-text"]);
    let long = "a".repeat(300);
    assert_eq!(ids(&h.say(1, &long).await), ["agency-too-long"]);
    // After a result, another listed name is checked at once.
    h.say(1, "/agensi").await;
    h.say(1, "Sinar Harapan").await;
    assert_eq!(
        ids(&h.say(1, "maju jaya abadi").await)[..2],
        ["agency-found", "agency-entry-active"]
    );
    // Anything else is the person's again: a greeting is a greeting.
    h.say(1, "/agensi").await;
    h.say(1, "Sinar Harapan").await;
    assert_eq!(ids(&h.say(1, "halo").await), ["greeting", "menu-title"]);
    // A whole job offer pasted at the question: the companies it names.
    h.say(1, "/agensi").await;
    let pasted = h
        .say(
            1,
            "LOWONGAN KERJA TAIWAN pabrik elektronik, gaji 25 juta, lewat PT Maju Jaya Abadi Internasional, DP 5 juta",
        )
        .await;
    assert_eq!(ids(&pasted)[..2], ["agency-in-message", "agency-not-found"]);
    assert!(has_id(&pasted, "agency-similar-listed"));
    // A reply to one of the bot's messages (an officer's answer) is not a company's name.
    h.say(1, "/agensi").await;
    let mut reply = desmigratif::engine::Input::text(1, "Darto, majikan PT Sawit Sabah");
    if let Event::Text { reply_to, .. } = &mut reply.event {
        *reply_to = Some(4242);
    }
    let answered = h.handle(reply.with_language_code("id")).await.replies;
    assert!(
        !has_id(&answered, "agency-not-found"),
        "{:?}",
        ids(&answered)
    );
    // /menu leaves the question too.
    h.say(1, "/agensi").await;
    h.say(1, "/menu").await;
    assert!(!has_id(&h.say(1, "Sinar").await, "agency-found"));
    // «✖️ Batal» leaves the question.
    h.say(1, "/agensi").await;
    assert_eq!(
        ids(&h.press(1, &Action::Cancel).await)[..1],
        ["cancel-done"]
    );
}

#[tokio::test]
async fn the_migration_pages_lead_to_the_check() {
    let mut h = Harness::new().await;
    for page in [
        Page::Migration,
        Page::MigrationBrokers,
        Page::MigrationChannels,
    ] {
        let replies = h
            .press(1, &Action::Pillars(PillarsAction::Page(page)))
            .await;
        assert!(
            actions(&replies).contains(&ag(AgencyAction::Ask)),
            "{page:?}"
        );
    }
    let asked = h.press(1, &ag(AgencyAction::Ask)).await;
    assert!(has_id(&asked, "agency-ask"));
}

#[tokio::test]
async fn an_admin_loads_the_list_by_sending_the_file_all_or_nothing() {
    let mut h = Harness::new().await;
    h.appoint(
        OFFICER,
        Area::Village(VillageCode::parse("3212162004").unwrap()),
    )
    .await;
    let done = h.event(ADMIN, csv_file("p3mi.csv", &list())).await;
    assert_eq!(ids(&done), ["agency-import-done"]);
    assert!(rendered(&h, &done).contains("4 perusahaan"));
    assert_eq!(h.count("SELECT count(*) FROM agencies").await, 4);

    let bad = format!(
        "{HEADER}\nPT Baru Sekali,KEP.200/2026,Jl. Baru,active,2026-12-01\n\
         PT Dobel,kep 200 2026,Jl. Lain,aktif,besok\n"
    );
    let refused = h.event(ADMIN, csv_file("p3mi-baru.csv", &bad)).await;
    assert_eq!(ids(&refused)[0], "agency-import-failed");
    assert!(has_id(&refused, "sheet-line"));
    assert!(has_id(&refused, "agency-import-columns"));
    let text = rendered(&h, &refused);
    assert!(text.contains("Baris 3"), "{text}");
    assert!(text.contains("daftar lama tetap dipakai"), "{text}");
    // Nothing of the bad file: the old list stays whole.
    assert_eq!(h.count("SELECT count(*) FROM agencies").await, 4);
    assert_eq!(
        h.count("SELECT count(*) FROM agencies WHERE name = 'PT Baru Sekali'")
            .await,
        0
    );

    // A village officer's copy of the list is not loaded; a returnee's goes to the officers.
    let officer = h.event(OFFICER, csv_file("p3mi.csv", &list())).await;
    assert_eq!(ids(&officer), ["agency-import-admins-only"]);
    assert_eq!(
        ids(&h.event(1, csv_file("p3mi.csv", &list())).await),
        ["held-document"]
    );
    // A new list replaces the old one whole.
    let newer = format!("{HEADER}\nPT Satu Saja,KEP.1/2026,Jl. Satu,active,2026-11-28\n");
    h.event(ADMIN, csv_file("p3mi.csv", &newer)).await;
    assert_eq!(h.count("SELECT count(*) FROM agencies").await, 1);
    let found = h.say(1, "/agensi satu saja").await;
    assert!(rendered(&h, &found).contains("28 November 2026"));
    assert_eq!(
        h.count("SELECT count(*) FROM audit_log WHERE action = 'agency.import'")
            .await,
        2
    );
}

#[tokio::test]
async fn officers_mark_companies_reported_and_people_see_the_mark() {
    let mut h = loaded().await;
    h.appoint(
        OFFICER,
        Area::Village(VillageCode::parse("3212162004").unwrap()),
    )
    .await;
    h.appoint(
        OFFICER_2,
        Area::Village(VillageCode::parse("3307102004").unwrap()),
    )
    .await;
    let shown = h.say(OFFICER, "/agensi Sinar Harapan").await;
    let id: i64 = h
        .count("SELECT id FROM agencies WHERE name = 'PT Sinar Harapan Bangsa'")
        .await;
    assert!(actions(&shown).contains(&ag(AgencyAction::Report(id))));
    let marked = h.press(OFFICER, &ag(AgencyAction::Report(id))).await;
    assert!(has_id(&marked, "agency-marked"));
    assert!(has_id(&marked, "agency-reported"));
    assert!(actions(&marked).contains(&ag(AgencyAction::Unreport(id))));

    // Everyone sees it, in their language.
    let person = h.say(1, "/agensi sinar harapan bangsa").await;
    assert_eq!(
        ids(&person),
        [
            "agency-found",
            "agency-entry-active",
            "agency-reported",
            "agency-list-date"
        ]
    );
    assert!(rendered(&h, &person).contains("Petugas Desmigratif sudah menerima laporan"));
    let english = h.say_in(2, "en", "/agency sinar harapan bangsa").await;
    assert!(rendered(&h, &english).contains("received a report"));

    // Another officer cannot take the mark off; the one who made it, or an admin, can.
    h.say(OFFICER_2, "/agensi Sinar Harapan").await;
    let refused = h.press(OFFICER_2, &ag(AgencyAction::Unreport(id))).await;
    assert!(has_id(&refused, "agency-unmark-not-yours"));
    assert_eq!(h.count("SELECT count(*) FROM agency_reports").await, 1);
    h.say(ADMIN, "/agensi Sinar Harapan").await;
    let unmarked = h.press(ADMIN, &ag(AgencyAction::Unreport(id))).await;
    assert!(has_id(&unmarked, "agency-unmarked"));
    assert_eq!(h.count("SELECT count(*) FROM agency_reports").await, 0);

    // A person's forged button marks nothing.
    let forged = h.press(1, &ag(AgencyAction::Report(id))).await;
    assert!(has_id(&forged, "officer-only"));
    assert_eq!(h.count("SELECT count(*) FROM agency_reports").await, 0);

    // A name on no list can be marked too, from its search, and outlives a new list.
    let unknown = h.say(OFFICER, "/agensi PT Sukses Selalu Makmur").await;
    assert!(actions(&unknown).contains(&ag(AgencyAction::ReportTyped)));
    let typed = h.press(OFFICER, &ag(AgencyAction::ReportTyped)).await;
    assert!(has_id(&typed, "agency-reported"));
    h.engine
        .import_agencies(list().as_bytes())
        .await
        .unwrap()
        .unwrap();
    let seen = h.say(1, "/agensi Sukses Selalu Makmur").await;
    assert_eq!(
        ids(&seen),
        [
            "agency-not-found",
            "agency-reported",
            "agency-how-to-check",
            "agency-list-date"
        ]
    );
    assert_eq!(
        h.count("SELECT count(*) FROM audit_log WHERE action LIKE 'agency.%report'")
            .await,
        3
    );
    // A «mark the name searched» left from an older screen is an old button.
    h.say(OFFICER, "halo").await;
    let old = h.press(OFFICER, &ag(AgencyAction::ReportTyped)).await;
    assert!(has_id(&old, "button-expired"));
}

#[tokio::test]
async fn a_job_offer_sent_to_the_bot_is_checked_from_its_text() {
    let mut h = loaded().await;
    let offer = "LOWONGAN TAIWAN!! PT. Maju Jaya Abadi membuka lowongan pabrik, gaji 25 jt. \
                 Daftar lewat PT Sukses Selalu Makmur, transfer DP 5 jt dulu.";
    let held = h.say(1, offer).await;
    assert!(actions(&held).contains(&ag(AgencyAction::CheckHeld)));
    let checked = h.press(1, &ag(AgencyAction::CheckHeld)).await;
    assert_eq!(
        ids(&checked),
        [
            "agency-in-message",
            "agency-entry-active",
            "agency-not-found",
            "agency-check-letters",
            "agency-how-to-check",
            "agency-list-date"
        ]
    );
    let text = rendered(&h, &checked);
    assert!(text.contains("PT Sukses Selalu Makmur"), "{text}");
    // The message is still kept: it can go to an officer as it is.
    let sent = h.press(1, &Action::Pillars(PillarsAction::AskTyped)).await;
    assert!(!has_id(&sent, "button-expired"), "{:?}", ids(&sent));
    assert!(has_id(&sent, "asker-village-ask"));
    h.press(1, &Action::Pillars(PillarsAction::SkipVillage))
        .await;
    assert_eq!(
        h.count("SELECT count(*) FROM questions").await,
        1,
        "the offer reached the officers"
    );

    // A message about something else gets no such button.
    let other = h.say(2, "Bagaimana cara ikut koperasi?").await;
    assert!(!actions(&other).contains(&ag(AgencyAction::CheckHeld)));
}

#[tokio::test]
async fn the_import_command_loads_all_lines_or_none() {
    let dir = tempfile::tempdir().unwrap();
    let database = format!("sqlite://{}", dir.path().join("cli.db").display());
    let good = dir.path().join("p3mi.csv");
    let bad = dir.path().join("p3mi-rusak.csv");
    std::fs::write(&good, list()).unwrap();
    std::fs::write(
        &bad,
        format!(
            "{HEADER}\nPT A,KEP.1,Jl. A,active,2026-11-30\nPT B,KEP.2,Jl. B,tutup,2026-11-30\n"
        ),
    )
    .unwrap();
    let run = |file: &std::path::Path| {
        command_line(
            &database,
            dir.path(),
            &["import-agencies".as_ref(), file.as_os_str()],
        )
    };
    let ok = run(&good);
    assert!(
        ok.status.success(),
        "{}",
        String::from_utf8_lossy(&ok.stderr)
    );
    assert!(String::from_utf8_lossy(&ok.stdout).contains("Loaded 4 licensed placement companies"));
    let failed = run(&bad);
    assert!(!failed.status.success());
    let errors = String::from_utf8_lossy(&failed.stderr);
    assert!(errors.contains("line 3: status"), "{errors}");
    let pool = sqlx::SqlitePool::connect(&database).await.unwrap();
    let count: i64 = sqlx::query_scalar("SELECT count(*) FROM agencies")
        .fetch_one(&pool)
        .await
        .unwrap();
    assert_eq!(count, 4, "the bad file changed nothing");
}

// The staff's tools in the main menu, and /bantuan by role

#[tokio::test]
async fn staff_find_their_tools_in_the_main_menu_and_people_do_not() {
    let mut h = Harness::new().await;
    h.appoint(
        OFFICER,
        Area::Village(VillageCode::parse("3212162004").unwrap()),
    )
    .await;
    let person = h.say(1, "/menu").await;
    assert!(
        actions(&person)
            .iter()
            .all(|a| !matches!(a, Action::Tool(_)))
    );
    let officer = h.say(OFFICER, "/menu").await;
    for tool in Tool::ALL {
        assert!(actions(&officer).contains(&Action::Tool(tool)), "{tool:?}");
    }
    assert!(actions(&officer).contains(&Action::Pillars(PillarsAction::Inbox)));
    // Each button does what its command does.
    let pairs = [
        (Tool::Broadcast, "/umumkan"),
        (Tool::NewTraining, "/pelatihan_baru"),
        (Tool::Export, "/ekspor"),
        (Tool::Officers, "/petugas"),
        (Tool::Console, "/konsol"),
    ];
    for (tool, command) in pairs {
        let pressed = h.press(OFFICER, &Action::Tool(tool)).await;
        h.press(OFFICER, &Action::Cancel).await;
        let typed = h.say(OFFICER, command).await;
        h.press(OFFICER, &Action::Cancel).await;
        let first = |r: &[Reply]| {
            ids(r)
                .into_iter()
                .find(|id| id != "cancel-done" && id != "cancel-nothing")
        };
        assert_eq!(first(&pressed), first(&typed), "{tool:?}");
    }
    // A person's forged tool button is refused.
    let forged = h.press(1, &Action::Tool(Tool::Export)).await;
    assert!(has_id(&forged, "officer-only"));
}

#[tokio::test]
async fn help_is_short_for_people_and_says_what_each_role_can_do() {
    let mut h = Harness::new().await;
    h.appoint(
        OFFICER,
        Area::Village(VillageCode::parse("3212162004").unwrap()),
    )
    .await;
    h.appoint(
        OFFICER_2,
        Area::Regency(desmigratif::domain::area::RegencyCode::parse("32.12").unwrap()),
    )
    .await;
    let person = h.say(1, "/bantuan").await;
    assert_eq!(ids(&person), ["help-text"]);
    // Short: a few lines, not a list of every command.
    let text = rendered(&h, &person);
    assert!(text.lines().count() <= 10, "{text}");
    assert_eq!(
        ids(&h.say(OFFICER, "/bantuan").await)[0],
        "staff-can-officer"
    );
    assert_eq!(
        ids(&h.say(OFFICER_2, "/help").await)[0],
        "staff-can-coordinator"
    );
    assert_eq!(ids(&h.say(ADMIN, "/bantuan").await)[0], "staff-can-admin");
    let english = h.say_in(OFFICER, "en", "/help").await;
    assert!(has_id(&english, "help-officer"));
}

// A registration left halfway

#[tokio::test]
async fn a_registration_left_halfway_is_carried_on_not_started_again() {
    let mut h = Harness::new().await;
    h.say(1, "/daftar").await;
    h.press(1, &Action::Registration(RegAction::Agree)).await;
    h.press(
        1,
        &Action::Registration(RegAction::Role(desmigratif::domain::Role::Returnee)),
    )
    .await;
    // The menu says it is not finished, with the way to carry on.
    let menu = h.say(1, "/menu").await;
    assert_eq!(ids(&menu), ["menu-registration-unfinished", "menu-title"]);
    assert!(actions(&menu).contains(&Action::Profile(ProfileAction::Show)));
    // /profil says it is unfinished and offers to carry on.
    let profile = h.say(1, "/profil").await;
    assert_eq!(ids(&profile), ["profile-registration-unfinished"]);
    assert!(actions(&profile).contains(&Action::Profile(ProfileAction::Show)));
    // Carrying on asks the next question, not the consent or the role again.
    let carried = h.press(1, &Action::Profile(ProfileAction::Show)).await;
    let carried = ids(&carried);
    assert_eq!(carried[0], "registration-continue");
    assert!(
        !carried
            .iter()
            .any(|id| id.starts_with("registration-consent"))
    );
    assert!(
        !carried.contains(&"registration-ask-role".to_owned()),
        "{carried:?}"
    );
    // So does /daftar.
    let again = ids(&h.say_in(1, "en", "/register").await);
    assert_eq!(again[0], "registration-continue");
    assert_eq!(again[1..], carried[1..]);
}

#[tokio::test]
async fn someone_not_registered_who_taps_to_join_gets_a_button_to_register() {
    let mut h = Harness::new().await;
    let id = training(&h, "Wirausaha", 20).await;
    let replies = h
        .press(1, &Action::Training(TrainingAction::Join(id)))
        .await;
    assert!(has_id(&replies, "training-register-first"));
    assert!(actions(&replies).contains(&Action::Profile(ProfileAction::Show)));
    assert!(button_ids(&replies).contains(&"profile-button-register".to_owned()));
    let started = h.press(1, &Action::Profile(ProfileAction::Show)).await;
    assert!(
        ids(&started)
            .iter()
            .any(|id| id.starts_with("registration-consent"))
    );
}

// Pages people can act on

#[tokio::test]
async fn the_migration_steps_lead_to_the_documents_and_the_new_pages_read_in_both_languages() {
    let mut h = Harness::new().await;
    let steps = h
        .press(
            1,
            &Action::Pillars(PillarsAction::Page(Page::MigrationSteps)),
        )
        .await;
    assert!(
        actions(&steps).contains(&Action::Pillars(PillarsAction::Page(
            Page::MigrationDocuments
        )))
    );
    let text = rendered(&h, &steps);
    assert!(
        text.contains("Orientasi Pra Pemberangkatan (OPP)"),
        "{text}"
    );
    let docs = h
        .press(
            1,
            &Action::Pillars(PillarsAction::Page(Page::MigrationDocuments)),
        )
        .await;
    let text = rendered(&h, &docs);
    for first in [
        "KTP",
        "Kartu Keluarga",
        "Akta kelahiran",
        "Ijazah",
        "Surat izin",
        "Paspor",
    ] {
        assert!(text.contains(first), "{first}: {text}");
    }
    // The countries with limits and the carers' page are under their pillars.
    let migration = h
        .press(2, &Action::Pillars(PillarsAction::Page(Page::Migration)))
        .await;
    assert!(
        actions(&migration).contains(&Action::Pillars(PillarsAction::Page(Page::MigrationLimits)))
    );
    let limits = h
        .press(
            2,
            &Action::Pillars(PillarsAction::Page(Page::MigrationLimits)),
        )
        .await;
    assert!(rendered(&h, &limits).contains("260/2015"));
    let carers = h
        .press(
            2,
            &Action::Pillars(PillarsAction::Page(Page::ParentingCarers)),
        )
        .await;
    let text = rendered(&h, &carers);
    assert!(text.contains("SAPA 129"), "{text}");
    assert!(actions(&carers).contains(&Action::Pillars(PillarsAction::Ask)));
}

#[tokio::test]
async fn my_data_is_shown_in_plain_words_with_no_raw_keys() {
    let mut h = Harness::new().await;
    // Someone not registered applies to the cooperative and asks a question.
    h.say(1, "/koperasi").await;
    h.press(1, &Action::Pillars(PillarsAction::Membership))
        .await;
    h.press(1, &Action::Pillars(PillarsAction::ApplyConsent))
        .await;
    h.press(1, &Action::Pillars(PillarsAction::SkipVillage))
        .await;
    h.say(1, "Siti Aminah").await;
    h.say(1, "081234567890").await;
    h.say(1, "/tanya").await;
    h.press(1, &Action::Pillars(PillarsAction::SkipVillage))
        .await;
    h.say(1, "Suami saya belum digaji tiga bulan di Malaysia.")
        .await;
    let mine = h.say(1, "/dataku").await;
    let ids = ids(&mine);
    for id in [
        "mydata-consent-cooperative",
        "mydata-questions",
        "mydata-application",
    ] {
        assert!(ids.contains(&id.to_owned()), "{id}: {ids:?}");
    }
    let text = rendered(&h, &mine);
    assert!(!text.contains("cooperative-1"), "{text}");
    assert!(!text.contains("versi"), "{text}");
    assert!(text.contains("no. 1"), "{text}");
    h.press(1, &Action::SetLanguage(desmigratif::domain::Language::En))
        .await;
    let english = h.say(1, "/mydata").await;
    assert!(rendered(&h, &english).contains("Request to join the cooperative"));
}

// A new training: ✏️ per part, English optional; participants in the chat

#[tokio::test]
async fn a_new_training_can_skip_english_and_change_any_part_from_its_preview() {
    use desmigratif::domain::Category;
    use desmigratif::engine::trainings::Field;
    let mut h = Harness::new().await;
    h.say(ADMIN, "/pelatihan_baru").await;
    h.say(ADMIN, "Menjahit untuk pemula").await;
    let skip = h
        .press(
            ADMIN,
            &Action::Training(TrainingAction::DraftSkipEnglish(Field::TitleEn)),
        )
        .await;
    assert!(has_id(&skip, "training-ask-category"), "{:?}", ids(&skip));
    h.press(
        ADMIN,
        &Action::Training(TrainingAction::DraftCategory(Category::Business)),
    )
    .await;
    h.say(ADMIN, "20/12/2026 09.00").await;
    h.say(ADMIN, "Balai Desa Kenanga").await;
    h.say(ADMIN, "15").await;
    let asked = h
        .say(ADMIN, "Belajar menjahit baju sendiri dari awal.")
        .await;
    assert!(
        actions(&asked).contains(&Action::Training(TrainingAction::DraftSkipEnglish(
            Field::DescriptionEn
        )))
    );
    let preview = h
        .press(
            ADMIN,
            &Action::Training(TrainingAction::DraftSkipEnglish(Field::DescriptionEn)),
        )
        .await;
    assert!(has_id(&preview, "training-preview"));
    assert!(rendered(&h, &preview).contains("semua orang membaca bahasa Indonesia"));
    // A ✏️ for every part.
    for field in Field::ALL {
        assert!(
            actions(&preview).contains(&Action::Training(TrainingAction::DraftChange(field))),
            "{field:?}"
        );
    }
    // Change the place: asked again, then the preview again with the new place.
    let asked = h
        .press(
            ADMIN,
            &Action::Training(TrainingAction::DraftChange(Field::Location)),
        )
        .await;
    assert!(has_id(&asked, "training-ask-location"));
    // «⬅️ Kembali ke pratinjau» keeps it as it was; the training is not thrown away.
    assert!(actions(&asked).contains(&Action::Training(TrainingAction::DraftPreview)));
    assert!(has_id(&asked, "training-edit-current"));
    let back = h
        .press(ADMIN, &Action::Training(TrainingAction::DraftPreview))
        .await;
    assert!(rendered(&h, &back).contains("Balai Desa Kenanga"));
    h.press(
        ADMIN,
        &Action::Training(TrainingAction::DraftChange(Field::Location)),
    )
    .await;
    let again = h.say(ADMIN, "Aula Kecamatan Sindang").await;
    assert!(has_id(&again, "training-preview"));
    assert!(rendered(&h, &again).contains("Aula Kecamatan Sindang"));
    // A new Indonesian title: the English, which was none, follows it.
    h.press(
        ADMIN,
        &Action::Training(TrainingAction::DraftChange(Field::TitleId)),
    )
    .await;
    h.say(ADMIN, "Menjahit baju untuk pemula").await;
    h.press(ADMIN, &Action::Training(TrainingAction::SaveDraft))
        .await;
    // Everyone, in either language, reads the Indonesian.
    let (id_title, en_title): (String, String) =
        sqlx::query_as("SELECT title_id, title_en FROM trainings")
            .fetch_one(&h.pool)
            .await
            .unwrap();
    assert_eq!(id_title, en_title);
    // A forged «skip» for a part that is not English is an old button.
    assert!(has_id(
        &h.press_data(ADMIN, "1:tr:nse:location").await,
        "button-expired"
    ));
    // In a CSV file the English columns may be empty too.
    let csv = "title_id,title_en,category,starts_at,location,capacity,description_id,description_en\n\
               Budidaya lele,,business,2026-12-21 09:00,Balai Desa,20,Belajar beternak lele di kolam terpal.,\n";
    let ids_ = h
        .engine
        .import_trainings(csv.as_bytes())
        .await
        .unwrap()
        .unwrap();
    assert_eq!(ids_.len(), 1);
}

#[tokio::test]
async fn an_organiser_sees_the_participants_in_the_chat_page_by_page() {
    let mut h = Harness::new().await;
    // An officer of another area, for whom the (national) training is not theirs to run.
    h.appoint(
        OFFICER_2,
        Area::Village(VillageCode::parse("3307102004").unwrap()),
    )
    .await;
    let id = training(&h, "Wirausaha", 22).await;
    for user in 1..=25 {
        // "Warga Aa" for the first, "Warga Bb" for the second…
        let letter = char::from(b'A' + (user - 1) as u8);
        let name = format!("Warga {letter}{}", letter.to_ascii_lowercase());
        let phone = format!("+6281234567{user:03}");
        let profile = seed::Profile {
            role: "family",
            name: &name,
            phone: &phone,
            ..Default::default()
        };
        seed::registered(&h.pool, user, "id", &profile).await;
        h.press(user, &Action::Training(TrainingAction::Join(id)))
            .await;
    }
    let screen = h
        .press(ADMIN, &Action::Training(TrainingAction::Open(id)))
        .await;
    assert!(actions(&screen).contains(&Action::Training(TrainingAction::People(id, 0))));
    // The list opens as a message of its own, and turns its pages in place.
    let first = h
        .press(ADMIN, &Action::Training(TrainingAction::People(id, 0)))
        .await;
    assert!(
        first
            .iter()
            .any(|r| matches!(r.kind, ReplyKind::Tagged { .. }))
    );
    let text = rendered(&h, &first);
    assert!(
        text.contains("1. Warga Aa, +6281234567001, Kenanga"),
        "{text}"
    );
    assert!(text.contains("Halaman 1 dari 2"), "{text}");
    assert!(actions(&first).contains(&Action::Training(TrainingAction::People(id, 2))));
    let second = h
        .press(ADMIN, &Action::Training(TrainingAction::People(id, 2)))
        .await;
    let text = rendered(&h, &second);
    assert!(text.contains("⏳ antre 1: Warga Ww"), "{text}");
    assert!(text.contains("⏳ antre 3: Warga Yy"), "{text}");
    // Not for people, nor for an officer of another area.
    assert!(has_id(
        &h.press(1, &Action::Training(TrainingAction::People(id, 1)))
            .await,
        "officer-only"
    ));
    assert!(has_id(
        &h.press(OFFICER_2, &Action::Training(TrainingAction::People(id, 1)))
            .await,
        "training-not-found"
    ));
    assert_eq!(
        h.count("SELECT count(*) FROM audit_log WHERE action = 'training.participants'")
            .await,
        2
    );
}

// An announcement with «✍️ Ikut pelatihan ini»

#[tokio::test]
async fn an_announcement_can_carry_a_button_that_joins_a_training() {
    use desmigratif::engine::broadcast::{AudienceChoice, BroadcastAction};
    use desmigratif::sender::{Content, Outgoing, RenderedButton, RenderedKeyboard, render};
    let bc = |a| Action::Broadcast(a);
    let mut h = Harness::new().await;
    let id = training(&h, "Menjahit", 20).await;
    h.say(1, "/start").await;
    h.say(ADMIN, "/umumkan").await;
    h.say(ADMIN, "Pelatihan menjahit hari Minggu, gratis!")
        .await;
    h.press(ADMIN, &bc(BroadcastAction::SkipOther)).await;
    h.press(
        ADMIN,
        &bc(BroadcastAction::Audience(AudienceChoice::Everyone)),
    )
    .await;
    let preview = h.press(ADMIN, &bc(BroadcastAction::Now)).await;
    assert!(actions(&preview).contains(&bc(BroadcastAction::AddJoinButton)));
    let choose = h.press(ADMIN, &bc(BroadcastAction::AddJoinButton)).await;
    assert!(has_id(&choose, "broadcast-ask-join-training"));
    assert!(actions(&choose).contains(&bc(BroadcastAction::JoinButton(id))));
    // A forged training id is not taken.
    h.press(ADMIN, &bc(BroadcastAction::AddJoinButton)).await;
    let forged = h
        .press(ADMIN, &bc(BroadcastAction::JoinButton(id + 50)))
        .await;
    assert!(actions(&forged).contains(&bc(BroadcastAction::AddJoinButton)));
    h.press(ADMIN, &bc(BroadcastAction::AddJoinButton)).await;
    let with = h.press(ADMIN, &bc(BroadcastAction::JoinButton(id))).await;
    assert!(actions(&with).contains(&bc(BroadcastAction::RemoveJoinButton)));
    h.press(ADMIN, &bc(BroadcastAction::Send)).await;
    h.engine.tick().await.unwrap();

    // The person's copy, as the sender renders it: the words and the button.
    let (payload,): (String,) =
        sqlx::query_as("SELECT payload FROM outbox WHERE broadcast_id IS NOT NULL AND chat_id = 1")
            .fetch_one(&h.pool)
            .await
            .unwrap();
    let reply: Reply = serde_json::from_str(&payload).unwrap();
    let ReplyKind::Broadcast { broadcast_id } = reply.kind else {
        panic!("not an announcement: {reply:?}");
    };
    let announcement = h
        .engine
        .reader()
        .read(async |tx| desmigratif::store::broadcasts::announcement(tx, broadcast_id).await)
        .await
        .unwrap()
        .unwrap();
    let Outgoing::Message { text, keyboard, .. } = render(
        &h.locales,
        &reply,
        Some(Content::Announcement(announcement)),
    ) else {
        panic!("not a message");
    };
    assert!(text.contains("Pelatihan menjahit"));
    let RenderedKeyboard::Inline(rows) = keyboard else {
        panic!("no button");
    };
    let RenderedButton::Callback { label, data } = &rows[0][0] else {
        panic!("not a callback button");
    };
    assert_eq!(label, "✍️ Ikut pelatihan ini");
    // One tap joins (here someone not registered: the way to register).
    let pressed = h.press_data(1, data).await;
    assert!(has_id(&pressed, "training-register-first"));
}

#[tokio::test]
async fn a_participants_list_in_an_organisers_chat_is_replaced_when_a_participant_is_erased() {
    use desmigratif::sender::{Delivered, DeliveryError, Outgoing, Pacing, Sender, Transport};
    use std::sync::{
        Arc, Mutex,
        atomic::{AtomicI32, Ordering},
    };
    #[derive(Default)]
    struct Recorder {
        next: AtomicI32,
        sent: Mutex<Vec<Outgoing>>,
    }
    impl Transport for Recorder {
        async fn deliver(&self, message: &Outgoing) -> Result<Delivered, DeliveryError> {
            self.sent.lock().unwrap().push(message.clone());
            Ok(Delivered {
                message_id: Some(500 + self.next.fetch_add(1, Ordering::Relaxed)),
                photo_file_id: None,
            })
        }
    }
    let mut h = Harness::new().await;
    let id = training(&h, "Wirausaha", 20).await;
    seed::registered(&h.pool, 1, "id", &seed::Profile::default()).await;
    h.press(1, &Action::Training(TrainingAction::Join(id)))
        .await;
    h.press(ADMIN, &Action::Training(TrainingAction::People(id, 0)))
        .await;
    let recorder = Arc::new(Recorder::default());
    let sender = Sender::new(
        h.engine.writer(),
        h.engine.reader(),
        h.engine.files(),
        recorder.clone(),
        h.locales.clone(),
        Pacing::new(1000),
        Arc::new(tokio::sync::Notify::new()),
    );
    sender.drain(None).await.unwrap();
    assert_eq!(h.count("SELECT count(*) FROM participant_lists").await, 1);
    let list_id: i64 = h
        .count("SELECT message_id FROM participant_lists WHERE chat_id = 900")
        .await;
    // Siti erases her data: the list that named her is replaced in the organiser's chat.
    h.say(1, "/hapus").await;
    h.press(1, &Action::Profile(ProfileAction::DeleteConfirmed))
        .await;
    sender.drain(None).await.unwrap();
    let sent = recorder.sent.lock().unwrap().clone();
    let replaced = sent.iter().any(|m| {
        matches!(m, Outgoing::Edit { chat_id: 900, message_id, text, .. }
            if i64::from(*message_id) == list_id && !text.contains("Siti"))
    });
    assert!(replaced, "{sent:?}");
    assert_eq!(h.count("SELECT count(*) FROM participant_lists").await, 0);
}

#[tokio::test]
async fn a_list_loaded_by_another_process_reaches_the_running_bot() {
    let mut h = loaded().await;
    assert_eq!(
        ids(&h.say(1, "/agensi Satu Saja").await)[0],
        "agency-not-found"
    );
    // `desmigratif import-agencies` on the server: another process, the same database.
    let other = desmigratif::store::open(&format!("sqlite://{}", h.db_path.display()))
        .await
        .unwrap();
    let command_line = desmigratif::engine::Engine::new(
        &other,
        h.engine.settings().clone(),
        std::sync::Arc::new(h.clock.clone()),
    );
    let newer = format!("{HEADER}\nPT Satu Saja,KEP.1/2026,Jl. Satu,active,2026-11-28\n");
    command_line
        .import_agencies(newer.as_bytes())
        .await
        .unwrap()
        .unwrap();
    assert_eq!(
        ids(&h.say(1, "/agensi Satu Saja").await)[..2],
        ["agency-found", "agency-entry-active"]
    );
    // An admin's file right after a search is loaded, not offered to the officers.
    h.say(ADMIN, "/agensi Satu Saja").await;
    assert_eq!(
        ids(&h.event(ADMIN, csv_file("p3mi.csv", &list())).await),
        ["agency-import-done"]
    );
    // "PT", "Tbk" alone are too short to look for.
    assert_eq!(ids(&h.say(1, "/agensi PT Tbk").await), ["agency-too-short"]);
}
