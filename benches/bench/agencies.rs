//! «Is this agency licensed?» over a list of 10,000 companies (more than the official list of
//! licensed P3MI holds): loading the list from its CSV, building the search, then people's
//! checks as they type them (whole names, parts, licence numbers, typos, names on no list),
//! each as the search alone and as a whole bot turn (`/agensi …` to its reply in the outbox).

use std::{sync::Arc, time::Instant};

use desmigratif::{
    engine::{Engine, Input, ManualClock},
    store,
};

use crate::figures::{Figure, Target, percentile};

const COMPANIES: usize = 10_000;
const CHECKS: usize = 4_000;

const FIRST: [&str; 20] = [
    "Maju",
    "Bina",
    "Sinar",
    "Karya",
    "Putra",
    "Mitra",
    "Cahaya",
    "Duta",
    "Graha",
    "Insan",
    "Jaya",
    "Lestari",
    "Mandiri",
    "Nusa",
    "Prima",
    "Restu",
    "Sejahtera",
    "Tunas",
    "Usaha",
    "Wahana",
];
const SECOND: [&str; 25] = [
    "Abadi",
    "Bangsa",
    "Citra",
    "Dharma",
    "Harapan",
    "Indah",
    "Kencana",
    "Lancar",
    "Makmur",
    "Nusantara",
    "Perkasa",
    "Raya",
    "Sentosa",
    "Tama",
    "Utama",
    "Wijaya",
    "Agung",
    "Bersama",
    "Cemerlang",
    "Gemilang",
    "Mulia",
    "Pratama",
    "Sakti",
    "Timur",
    "Selatan",
];
const THIRD: [&str; 20] = [
    "Mandiri",
    "Internasional",
    "Indonesia",
    "Sukses",
    "Global",
    "Sejati",
    "Perdana",
    "Jaya",
    "Nusantara",
    "Sentral",
    "Bahari",
    "Persada",
    "Anugerah",
    "Bakti",
    "Sarana",
    "Lestari",
    "Semesta",
    "Terpadu",
    "Utama",
    "Manunggal",
];

fn name(i: usize) -> String {
    let a = FIRST[i % FIRST.len()];
    let b = SECOND[(i / FIRST.len()) % SECOND.len()];
    let c = THIRD[(i / (FIRST.len() * SECOND.len())) % THIRD.len()];
    format!("PT {a} {b} {c}")
}

fn list() -> String {
    let mut csv = String::from("name,licence_number,address,status,listed_on\n");
    for i in 0..COMPANIES {
        let status = match i % 20 {
            0 => "revoked",
            1 => "suspended",
            _ => "active",
        };
        csv.push_str(&format!(
            "{},KEP.{}/PPTKIS/{},\"Jl. Raya No. {}, Jakarta\",{status},2026-11-30\n",
            name(i),
            1000 + i,
            2015 + i % 10,
            i % 300 + 1
        ));
    }
    csv
}

/// What people type, in the mix the check sees: a whole name, part of one, a licence number,
/// a typo, a name on no list.
fn typed(i: usize) -> String {
    let n = name((i * 7_919) % COMPANIES);
    match i % 5 {
        0 => n,
        1 => n
            .split(' ')
            .skip(1)
            .take(2)
            .collect::<Vec<_>>()
            .join(" ")
            .to_lowercase(),
        2 => format!("KEP {} PPTKIS", 1000 + (i * 7_919) % COMPANIES),
        3 => n.replacen('a', "", 1),
        _ => format!("PT Zamrud Khatulistiwa {i}"),
    }
}

pub async fn run() -> Vec<Figure> {
    let dir = crate::engine::scratch_dir("agencies");
    let url = format!("sqlite://{}", dir.path().join("bot.db").display());
    let db = store::open(&url).await.expect("open database");
    let clock = ManualClock::new(chrono::Utc::now());
    let engine = Engine::new(&db, crate::engine::settings(), Arc::new(clock));

    let csv = list();
    let t = Instant::now();
    let (count, _) = engine
        .import_agencies(csv.as_bytes())
        .await
        .expect("load")
        .expect("a sound list");
    let load = t.elapsed();
    assert_eq!(count, COMPANIES);
    let t = Instant::now();
    let registry = engine.agency_registry().await.expect("the search");
    let build = t.elapsed();

    let queries: Vec<String> = (0..CHECKS).map(typed).collect();
    let mut search = Vec::with_capacity(CHECKS);
    let mut found = 0;
    for query in &queries {
        let t = Instant::now();
        let hits = registry.search(query, desmigratif::engine::agencies::SHOWN);
        search.push(t.elapsed());
        found += usize::from(hits.total > 0);
    }
    // Four in five typed names are of the list (the fifth is on no list).
    assert!(found >= CHECKS * 4 / 5, "found {found} of {CHECKS}");

    let mut turns = Vec::with_capacity(CHECKS);
    for (i, query) in queries.iter().enumerate() {
        let input = Input::text(10_000 + i as i64, &format!("/agensi {query}"))
            .with_language_code("id")
            .with_update_id(i as i64 + 1);
        let t = Instant::now();
        let handled = engine.handle(input).await.expect("a check");
        turns.push(t.elapsed());
        assert!(!handled.replies.is_empty());
    }
    vec![
        Figure::millis("load 10,000 companies from CSV", load),
        Figure::millis("build the search", build),
        Figure::millis("search p50", percentile(&search, 50.0)),
        Figure::millis("search p99", percentile(&search, 99.0)).target(Target::Below(5.0)),
        Figure::millis("/agensi reply p99 (whole turn)", percentile(&turns, 99.0))
            .target(Target::Below(100.0)),
    ]
}
