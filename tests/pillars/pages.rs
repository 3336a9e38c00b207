//! The information pages of the four pillars.

use desmigratif::{
    domain::Language,
    engine::{
        Action, Keyboard, ReplyKind,
        pillars::{Page, PillarsAction},
    },
};

use crate::harness::*;
use crate::{choose, pillar, rendered};

#[tokio::test]
async fn every_page_renders_in_both_languages_within_telegrams_limit_with_a_way_back() {
    let mut h = Harness::new().await;
    for (user, lang) in [(1, Language::Id), (2, Language::En)] {
        choose(&mut h, user, lang).await;
        for page in Page::ALL {
            let replies = h.press(user, &pillar(PillarsAction::Page(*page))).await;
            assert_eq!(callback_answers(&replies), 1);
            let screen = replies
                .iter()
                .find(|r| matches!(r.kind, ReplyKind::Edit { .. }))
                .expect("the page");
            assert_eq!(screen.lang, lang);
            assert_eq!(screen.text_ids()[0], page.text_id());
            let text = h.text(screen);
            assert!(
                text.chars().count() < 4096,
                "{page:?} {lang:?}: {} chars",
                text.chars().count()
            );
            assert!(
                !text.contains("page-"),
                "{page:?} {lang:?} misses a message: {text}"
            );
            for label in button_ids(&replies) {
                assert!(
                    h.locales.has(lang, &label),
                    "{page:?} {lang:?}: button {label}"
                );
            }
            let actions = actions(&replies);
            assert!(
                actions.contains(&Action::Menu),
                "{page:?} leads to the menu"
            );
            if let Some(parent) = page.parent() {
                assert!(
                    actions.contains(&pillar(PillarsAction::Page(parent))),
                    "{page:?} leads back"
                );
            }
            for child in page.children() {
                assert!(
                    actions.contains(&pillar(PillarsAction::Page(child))),
                    "{page:?} leads to {child:?}"
                );
            }
        }
    }
}

#[tokio::test]
async fn the_pillar_commands_open_their_pages_by_either_name() {
    let mut h = Harness::new().await;
    for (commands, page) in [
        (["/migration", "/migrasi"], Page::Migration),
        (["/business", "/usaha"], Page::Business),
        (["/parenting", "/parenting"], Page::Parenting),
        (["/cooperative", "/koperasi"], Page::Cooperative),
    ] {
        for command in commands {
            let replies = h.say(1, command).await;
            assert_eq!(ids(&replies), [page.text_id()], "{command}");
        }
    }
}

#[tokio::test]
async fn a_prospective_worker_finds_the_safe_migration_steps_in_three_taps() {
    let mut h = Harness::new().await;
    let welcome = h.say(1, "/start").await;
    assert!(actions(&welcome).contains(&Action::SetLanguage(Language::Id)));
    let menu = h.press(1, &Action::SetLanguage(Language::Id)).await;
    assert!(actions(&menu).contains(&pillar(PillarsAction::Page(Page::Migration))));
    let migration = h
        .press(1, &pillar(PillarsAction::Page(Page::Migration)))
        .await;
    assert!(actions(&migration).contains(&pillar(PillarsAction::Page(Page::MigrationSteps))));
    let steps = h
        .press(1, &pillar(PillarsAction::Page(Page::MigrationSteps)))
        .await;
    assert!(has_id(&steps, "page-mig-steps-text"));
    assert!(h.text(&steps[1]).contains("18"));
}

#[tokio::test]
async fn the_main_menu_leads_to_the_pillars_the_faq_and_the_officers() {
    let mut h = Harness::new().await;
    let menu = actions(&h.say(1, "/menu").await);
    for page in Page::PILLARS {
        assert!(
            menu.contains(&pillar(PillarsAction::Page(page))),
            "{page:?}"
        );
    }
    assert!(menu.contains(&pillar(PillarsAction::FaqTopics)));
    assert!(menu.contains(&pillar(PillarsAction::Ask)));
    assert!(
        !menu.contains(&pillar(PillarsAction::Inbox)),
        "the inbox is for officers"
    );
    assert!(actions(&h.say(ADMIN, "/menu").await).contains(&pillar(PillarsAction::Inbox)));
}

#[tokio::test]
async fn only_officers_see_and_may_use_the_contacts_edit_button() {
    let mut h = Harness::new().await;
    let contacts = pillar(PillarsAction::Page(Page::CooperativeContacts));
    let edit = pillar(PillarsAction::EditContacts);
    assert!(!actions(&h.press(1, &contacts).await).contains(&edit));
    assert!(actions(&h.press(ADMIN, &contacts).await).contains(&edit));

    let forged = h.press(1, &edit).await;
    assert!(has_id(&forged, "officer-only"));
    assert_eq!(
        h.count("SELECT count(*) FROM conversations").await,
        0,
        "no step started"
    );
}

#[tokio::test]
async fn officers_keep_the_cooperative_contacts_and_everyone_sees_them() {
    let mut h = Harness::new().await;
    let contacts = pillar(PillarsAction::Page(Page::CooperativeContacts));
    assert!(has_id(&h.press(1, &contacts).await, "coop-contacts-none"));

    assert!(has_id(
        &h.press(ADMIN, &pillar(PillarsAction::EditContacts)).await,
        "coop-contacts-prompt"
    ));
    let too_long = h.say(ADMIN, &"x".repeat(1001)).await;
    assert_eq!(
        ids(&too_long),
        ["coop-contacts-too-long", "coop-contacts-prompt"]
    );
    let saved = h
        .say(
            ADMIN,
            "Ibu Sari (pengurus) 0812-1111-2222. Balai desa, Senin–Jumat 08.00–12.00.",
        )
        .await;
    assert_eq!(ids(&saved)[0], "coop-contacts-saved");

    let page = h.press(1, &contacts).await;
    assert!(has_id(&page, "coop-contacts-current"));
    assert!(rendered(&h, &page).contains("Senin–Jumat 08.00–12.00"));

    h.press(ADMIN, &pillar(PillarsAction::EditContacts)).await;
    h.say(ADMIN, "-").await;
    assert!(has_id(&h.press(1, &contacts).await, "coop-contacts-none"));
}

#[tokio::test]
async fn a_page_from_a_command_is_a_new_message_with_buttons() {
    let mut h = Harness::new().await;
    let replies = h.say(1, "/migrasi").await;
    assert!(matches!(
        replies[0].kind,
        ReplyKind::Message {
            keyboard: Keyboard::Inline(_),
            ..
        }
    ));
}
