//! Both languages have the same files and the same message ids, every id the code uses exists,
//! and every message formats without errors.

use std::{collections::BTreeSet, fs};

use desmigratif::{
    domain::Language,
    engine::{Command, command::Menu},
    i18n::{LOCALE_FILES, Locales},
};

fn files_on_disk(lang: &str) -> BTreeSet<String> {
    fs::read_dir(format!("{}/locales/{lang}", env!("CARGO_MANIFEST_DIR")))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|name| name.ends_with(".ftl"))
        .collect()
}

#[test]
fn both_languages_have_the_same_files_and_all_are_embedded() {
    let embedded: BTreeSet<String> = LOCALE_FILES.iter().map(|f| f.to_string()).collect();
    assert_eq!(files_on_disk("id"), embedded);
    assert_eq!(files_on_disk("en"), embedded);
}

#[test]
fn both_languages_define_the_same_ids() {
    let id = Locales::ids(Language::Id);
    let en = Locales::ids(Language::En);
    let only_id: Vec<_> = id.difference(&en).collect();
    let only_en: Vec<_> = en.difference(&id).collect();
    assert!(
        only_id.is_empty() && only_en.is_empty(),
        "only in id: {only_id:?}; only in en: {only_en:?}"
    );
}

#[test]
fn locales_load_and_every_message_formats() {
    let locales = Locales::load(chrono_tz::Asia::Jakarta).unwrap();
    for lang in Language::ALL {
        for id in Locales::ids(lang) {
            assert!(locales.has(lang, &id));
        }
    }
}

#[test]
fn command_menus_fit_telegrams_limits() {
    let locales = Locales::load(chrono_tz::Asia::Jakarta).unwrap();
    for lang in Language::ALL {
        for who in [Menu::Everyone, Menu::Staff, Menu::Admin] {
            let menu = locales.command_menu(lang, who);
            assert!(menu.len() <= 100);
            for (name, description) in menu {
                assert!((1..=32).contains(&name.len()));
                assert!(
                    (1..=256).contains(&description.chars().count()),
                    "{name}: {description}"
                );
            }
        }
    }
    assert!(Command::ALL.len() >= 5);
    // Staff get the inbox, new trainings and announcements (each within their area).
    let staff: Vec<String> = locales
        .command_menu(Language::Id, Menu::Staff)
        .into_iter()
        .map(|(name, _)| name)
        .collect();
    assert!(staff.contains(&"pertanyaan".to_owned()));
    assert!(staff.contains(&"pelatihan_baru".to_owned()));
    assert!(staff.contains(&"umumkan".to_owned()));
    let everyone: Vec<String> = locales
        .command_menu(Language::Id, Menu::Everyone)
        .into_iter()
        .map(|(name, _)| name)
        .collect();
    assert!(!everyone.contains(&"pertanyaan".to_owned()));
}

#[test]
fn dates_read_naturally_in_each_language() {
    let locales = Locales::load(chrono_tz::Asia::Jakarta).unwrap();
    // 2026-12-05 02:00 UTC is Saturday 09:00 in Jakarta.
    let unix = 1_796_436_000;
    assert_eq!(
        locales.time(Language::Id, unix),
        "Sabtu, 5 Desember 2026 pukul 09.00 WIB"
    );
    assert_eq!(
        locales.time(Language::En, unix),
        "Saturday, 5 December 2026 at 09:00 WIB"
    );
    let makassar = Locales::load(chrono_tz::Asia::Makassar).unwrap();
    assert_eq!(
        makassar.time(Language::En, unix),
        "Saturday, 5 December 2026 at 10:00 WITA"
    );
}

/// Every literal `Msg::new("…")` in the code names a message both languages define.
#[test]
fn every_message_id_in_the_code_exists() {
    let locales = Locales::load(chrono_tz::Asia::Jakarta).unwrap();
    let mut missing = Vec::new();
    let mut stack = vec![std::path::PathBuf::from(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/src"
    ))];
    while let Some(path) = stack.pop() {
        if path.is_dir() {
            stack.extend(fs::read_dir(&path).unwrap().map(|e| e.unwrap().path()));
            continue;
        }
        let source = fs::read_to_string(&path).unwrap();
        for (i, _) in source.match_indices("Msg::new(\"") {
            let rest = &source[i + "Msg::new(\"".len()..];
            let id = &rest[..rest.find('"').unwrap()];
            for lang in Language::ALL {
                if !locales.has(lang, id) {
                    missing.push(format!("{}: {id} ({})", path.display(), lang.code()));
                }
            }
        }
    }
    assert!(missing.is_empty(), "missing messages: {missing:#?}");
}

#[test]
fn words_read_naturally_where_people_tripped() {
    use desmigratif::engine::Msg;
    let locales = Locales::load(chrono_tz::Asia::Jakarta).unwrap();
    let one_seat = Msg::new("training-seats-full")
        .arg("capacity", 1)
        .arg("waiting", 0);
    let said = locales.message(Language::Id, &one_seat);
    assert!(said.contains("Kursinya sudah terisi"), "{said}");
    assert!(!said.contains("Semua 1"), "{said}");
    // A language named inside an Indonesian sentence is «bahasa Inggris», not «English».
    let offer = Msg::new("broadcast-offer-other").arg("language", Msg::new("language-in-text-en"));
    let said = locales.message(Language::Id, &offer);
    assert!(
        said.starts_with("Tambahkan versi bahasa Inggris?"),
        "{said}"
    );
    // The button to share a number has one name wherever it is asked for.
    assert_eq!(
        locales.message(Language::Id, &Msg::new("registration-share-phone")),
        locales.message(Language::Id, &Msg::new("coop-button-share-phone"))
    );
    assert_eq!(
        locales.message(Language::En, &Msg::new("registration-share-phone")),
        locales.message(Language::En, &Msg::new("coop-button-share-phone"))
    );
}
