//! Officers' figures (/stats with a chart) and files (/export as CSV), and refusals for others.

#[path = "support/harness.rs"]
mod harness;
#[path = "support/seed.rs"]
mod seed;

use std::sync::Arc;

use desmigratif::{
    engine::{Action, ReplyKind, officer::ExportAction},
    sender::{Delivered, DeliveryError, Outgoing, Pacing, Sender, Transport},
    store::export::Table,
};
use harness::*;

/// Keeps what would have gone to Telegram.
#[derive(Default)]
struct Capture(std::sync::Mutex<Vec<Outgoing>>);

impl Transport for Capture {
    async fn deliver(&self, message: &Outgoing) -> Result<Delivered, DeliveryError> {
        self.0.lock().unwrap().push(message.clone());
        Ok(Delivered {
            message_id: Some(1),
            photo_file_id: None,
        })
    }
}

/// Delivers what waits for the officer and returns it as it would reach Telegram.
async fn delivered_to_officer(h: &Harness) -> Vec<Outgoing> {
    delivered_to(h, ADMIN).await
}

async fn delivered_to(h: &Harness, chat: i64) -> Vec<Outgoing> {
    let capture = Arc::new(Capture::default());
    let sender = Sender::new(
        h.engine.writer(),
        h.engine.reader(),
        h.engine.files(),
        capture.clone(),
        h.locales.clone(),
        Pacing::new(100),
        h.engine.outbox_ready(),
    );
    sender.drain(Some(chat)).await.unwrap();
    capture.0.lock().unwrap().clone()
}

/// The figures' message among the replies (after the note that they are being counted).
fn figures(h: &Harness, replies: &[desmigratif::engine::Reply]) -> String {
    let figures = replies
        .iter()
        .find(|r| r.text_ids().contains(&"stats-summary"))
        .expect("the figures");
    h.text(figures)
}

async fn register(h: &Harness, id: i64, role: &str, village: &str, at: i64) {
    let profile = seed::Profile {
        role,
        name: "Siti, \"Ani\"",
        village,
        // Kenanga chosen from the list; anything else typed before villages were a list.
        village_code: (village == "Kenanga").then_some(seed::KENANGA),
        interests: "business,coop",
        registered_at: at,
        ..Default::default()
    };
    seed::registered(&h.pool, id, "id", &profile).await;
}

#[tokio::test]
async fn figures_come_with_a_chart_and_only_for_officers() {
    let mut h = Harness::new().await;
    let now = start_time().timestamp();
    register(&h, 1, "returnee", "Kenanga", now - 86_400).await;
    register(&h, 2, "family", "Kenanga", now - 20 * 86_400).await;
    register(&h, 3, "prospective", "Kuripan", now - 60 * 86_400).await;
    seed::training(&h.pool, 1, "Pelatihan Wirausaha", now + 86_400, 20).await;
    seed::sign_up(&h.pool, 1, 1, "booked").await;
    assert_eq!(ids(&h.say(1, "/statistik").await), ["officer-only"]);

    let replies = h.say(ADMIN, "/statistik").await;
    let summary = figures(&h, &replies);
    assert!(summary.contains("Terdaftar: 3"), "{summary}");
    assert!(
        summary.contains("1 dalam 7 hari, 2 dalam 30 hari"),
        "{summary}"
    );
    assert!(
        summary.contains("Pelatihan Wirausaha 1/20"),
        "training fill: {summary}"
    );
    assert!(
        summary.contains("menunggu jawaban: 0"),
        "open questions: {summary}"
    );
    let text = figures(&h, &replies);
    assert!(
        text.contains("Kenanga, Indramayu (2)"),
        "villages by code: {text}"
    );
    assert!(
        text.contains("Kuripan, Indramayu (1)"),
        "typed before the list: {text}"
    );
    let chart = replies.iter().find_map(|r| match &r.kind {
        ReplyKind::Chart { panels, .. } => Some(panels.clone()),
        _ => None,
    });
    let panels = chart.expect("a chart");
    assert_eq!(panels[0].bars.len(), 12);
    assert_eq!(
        panels[0].bars.iter().map(|(_, n)| n).sum::<i64>(),
        3,
        "all three within 12 weeks"
    );
    assert_eq!(
        panels[1].bars.iter().map(|(_, n)| *n).collect::<Vec<_>>(),
        [1, 1, 1]
    );

    let sent = delivered_to_officer(&h).await;
    let png = sent.iter().find_map(|o| match o {
        Outgoing::PhotoUpload { png, .. } => Some(png.clone()),
        _ => None,
    });
    assert!(
        png.expect("the chart is sent as a picture")
            .starts_with(b"\x89PNG")
    );
}

/// Figures asked for just before a stop (the report is made after the update's commit) are
/// remembered in the database, made at the next start, and sent once.
#[tokio::test]
async fn figures_asked_before_a_stop_are_made_at_the_next_start_once() {
    let h = Harness::new().await;
    register(
        &h,
        1,
        "returnee",
        "Kenanga",
        start_time().timestamp() - 86_400,
    )
    .await;
    let input = desmigratif::engine::Input::text(ADMIN, "/statistik")
        .with_language_code("id")
        .with_update_id(10_000);
    let handled = h.engine.handle(input).await.unwrap();
    assert_eq!(ids(&handled.replies), ["stats-computing"]);
    assert_eq!(handled.deferred.len(), 1);
    // The bot stops here. At the next start the report is still due:
    let due = h.engine.reports_due().await.unwrap();
    assert_eq!(due, handled.deferred);
    let replies = h.engine.run_deferred(due[0].clone()).await.unwrap();
    assert!(figures(&h, &replies).contains("Terdaftar: 1"));
    assert!(h.engine.reports_due().await.unwrap().is_empty());
    // Made twice (two starts racing, a retry after a lost answer): sent once.
    assert!(
        h.engine
            .run_deferred(due[0].clone())
            .await
            .unwrap()
            .is_empty()
    );
    assert_eq!(
        h.count("SELECT count(*) FROM outbox WHERE payload LIKE '%stats-summary%'")
            .await,
        1
    );
}

#[tokio::test]
async fn registrations_export_as_csv_with_a_byte_order_mark_and_an_audit_entry() {
    let mut h = Harness::new().await;
    register(&h, 1, "returnee", "Kenanga", start_time().timestamp()).await;
    let forged = h
        .press(1, &Action::Export(ExportAction::File(Table::Registrations)))
        .await;
    assert!(has_id(&forged, "officer-only"));
    assert!(
        !forged
            .iter()
            .any(|r| matches!(r.kind, ReplyKind::Export { .. }))
    );

    let menu = h.say(ADMIN, "/ekspor").await;
    assert!(actions(&menu).contains(&Action::Export(ExportAction::File(Table::Registrations))));
    h.press(
        ADMIN,
        &Action::Export(ExportAction::File(Table::Registrations)),
    )
    .await;
    assert_eq!(h.count("SELECT count(*) FROM audit_log WHERE action = 'export.registrations' AND officer_id = 900").await, 1);
    assert_eq!(
        h.count("SELECT count(*) FROM outbox WHERE payload LIKE '%Siti%'")
            .await,
        0,
        "no personal data waits in the outbox"
    );

    let sent = delivered_to_officer(&h).await;
    let (name, content) = sent
        .iter()
        .find_map(|o| match o {
            Outgoing::Document {
                file_name, content, ..
            } => Some((file_name.clone(), content.bytes().unwrap())),
            _ => None,
        })
        .expect("a file");
    assert_eq!(name, "desmigratif-registrations-2026-12-01.csv");
    assert!(content.starts_with(b"\xEF\xBB\xBF"));
    let text = String::from_utf8(content[3..].to_vec()).unwrap();
    let mut reader = csv::Reader::from_reader(text.as_bytes());
    // In the officer's language (Indonesian here).
    assert_eq!(reader.headers().unwrap().get(2), Some("Nama lengkap"));
    let row = reader.records().next().unwrap().unwrap();
    assert_eq!(
        row.get(2),
        Some("Siti, \"Ani\""),
        "commas and quotes survive"
    );
    assert_eq!(row.get(11), Some("Kewirausahaan; Bergabung ke koperasi"));
    assert_eq!(
        row.get(14),
        Some("2026-12-01 10:00"),
        "times in the configured time zone"
    );
}

const COORDINATOR: i64 = 7;
const WONOSOBO_OFFICER: i64 = 8;
/// Kuripan, Watumalang, Wonosobo.
const WONOSOBO_VILLAGE: i64 = 3_307_102_004;

/// People in two regencies, one typed before villages were a list, a coordinator of
/// Indramayu and an officer of a Wonosobo village.
async fn two_regencies(h: &mut Harness) {
    use desmigratif::domain::{
        area::{RegencyCode, VillageCode},
        staff::Area,
    };
    let now = start_time().timestamp();
    let kenanga = seed::Profile {
        registered_at: now - 86_400,
        ..Default::default()
    };
    seed::registered(&h.pool, 1, "id", &kenanga).await;
    register(h, 2, "family", "Kenanga", now - 2 * 86_400).await;
    let wonosobo = seed::Profile {
        village: "Kuripan",
        village_code: Some(WONOSOBO_VILLAGE),
        registered_at: now - 3 * 86_400,
        ..Default::default()
    };
    seed::registered(&h.pool, 3, "id", &wonosobo).await;
    register(h, 4, "prospective", "Sukamaju", now - 4 * 86_400).await;
    h.appoint(
        COORDINATOR,
        Area::Regency(RegencyCode::parse("32.12").unwrap()),
    )
    .await;
    h.appoint(
        WONOSOBO_OFFICER,
        Area::Village(VillageCode::from_number(WONOSOBO_VILLAGE).unwrap()),
    )
    .await;
    // Person 1 asks; a day and a half later nobody has answered.
    assert_eq!(ids(&h.say(1, "/tanya").await), ["question-ask-prompt"]);
    let asked = h.say(1, "Kapan pelatihan berikutnya?").await;
    assert!(has_id(&asked, "question-received"), "{:?}", ids(&asked));
    h.clock.advance(chrono::Duration::hours(36));
}

#[tokio::test]
async fn each_sees_the_figures_of_their_own_area_with_a_table_by_village_or_regency() {
    let mut h = Harness::new().await;
    two_regencies(&mut h).await;

    let coordinator = h.say(COORDINATOR, "/statistik").await;
    let text = figures(&h, &coordinator);
    assert!(text.contains("Wilayah Anda: Indramayu"), "{text}");
    assert!(text.contains("Terdaftar: 2"), "{text}");
    assert!(text.contains("Per desa"), "{text}");
    assert!(
        text.contains(
            "Kenanga — Sindang, Indramayu: 2 terdaftar · 0 kursi · 1 terbuka, 1 lewat 24 jam"
        ),
        "{text}"
    );
    assert!(
        !text.contains("Kuripan") && !text.contains("Sukamaju"),
        "{text}"
    );
    let panels = coordinator
        .iter()
        .find_map(|r| match &r.kind {
            ReplyKind::Chart { panels, .. } => Some(panels.clone()),
            _ => None,
        })
        .expect("a chart");
    assert_eq!(panels.len(), 3, "weeks, roles and villages");
    assert_eq!(panels[2].bars.len(), 1);
    assert_eq!(panels[2].bars[0].1, 2);

    let officer = h.say(WONOSOBO_OFFICER, "/statistik").await;
    let text = figures(&h, &officer);
    assert!(text.contains("Terdaftar: 1"), "{text}");
    assert!(text.contains("menunggu jawaban: 0"), "{text}");
    assert!(!text.contains("Kenanga"), "{text}");

    let admin = h.say(ADMIN, "/statistik").await;
    let text = figures(&h, &admin);
    assert!(text.contains("Seluruh Indonesia"), "{text}");
    assert!(text.contains("Terdaftar: 4"), "{text}");
    assert!(text.contains("Per kabupaten/kota"), "{text}");
    assert!(text.contains("Indramayu: 2 terdaftar ·"), "{text}");
    assert!(text.contains("Wonosobo: 1 terdaftar ·"), "{text}");

    // The same in English.
    h.say(COORDINATOR, "/language").await;
    h.press(
        COORDINATOR,
        &Action::SetLanguage(desmigratif::domain::Language::En),
    )
    .await;
    let english = h.say(COORDINATOR, "/stats").await;
    let text = figures(&h, &english);
    assert!(text.contains("Your area: Indramayu"), "{text}");
    assert!(text.contains("By village"), "{text}");
}

#[tokio::test]
async fn each_exports_only_the_people_of_their_own_area() {
    let mut h = Harness::new().await;
    two_regencies(&mut h).await;
    for (who, rows) in [(COORDINATOR, 2), (WONOSOBO_OFFICER, 1), (ADMIN, 4)] {
        h.press(
            who,
            &Action::Export(ExportAction::File(Table::Registrations)),
        )
        .await;
        let sent = delivered_to(&h, who).await;
        let content = sent
            .iter()
            .find_map(|o| match o {
                Outgoing::Document { content, .. } => Some(content.bytes().unwrap()),
                _ => None,
            })
            .expect("a file");
        let text = String::from_utf8(content[3..].to_vec()).unwrap();
        let mut reader = csv::Reader::from_reader(text.as_bytes());
        let villages: Vec<String> = reader
            .records()
            .map(|r| r.unwrap().get(4).unwrap().to_owned())
            .collect();
        assert_eq!(villages.len(), rows, "{who}: {villages:?}");
        if who == COORDINATOR {
            assert!(villages.iter().all(|v| v == "Kenanga"), "{villages:?}");
        }
        if who == WONOSOBO_OFFICER {
            assert_eq!(villages, ["Kuripan"]);
        }
    }
    assert_eq!(
        h.count("SELECT count(*) FROM audit_log WHERE action = 'export.registrations' AND detail LIKE '%regencies 32.12%'")
            .await,
        1
    );
}
