//! The foundation's conversations: welcome, language, menu, help, cancel, odd input, groups,
//! blocking, and exactly-once handling of updates.

#[path = "support/harness.rs"]
mod harness;

use desmigratif::{
    domain::Language,
    engine::{Action, Chat, Event, Input, Keyboard, MediaKind, ReplyKind},
};
use harness::*;

#[tokio::test]
async fn first_start_greets_in_the_telegram_language_and_offers_the_choice() {
    let mut h = Harness::new().await;
    let en = h.say_in(1, "en-US", "/start").await;
    assert_eq!(ids(&en), ["welcome-first", "welcome-choose"]);
    assert!(
        actions(&en).contains(&Action::Help),
        "the menu comes with the choice"
    );
    assert_eq!(languages(&en), [Language::En].into());
    assert!(actions(&en).contains(&Action::SetLanguage(Language::Id)));
    assert!(h.text(&en[0]).starts_with("Welcome"));

    let id = h.say_in(2, "id", "/start").await;
    assert_eq!(languages(&id), [Language::Id].into());
    assert!(h.text(&id[0]).starts_with("Selamat datang"));

    for (user, code) in [(3, "jv"), (4, "ms"), (5, "su")] {
        assert_eq!(
            languages(&h.say_in(user, code, "/start").await),
            [Language::Id].into()
        );
    }
}

#[tokio::test]
async fn other_telegram_languages_get_the_configured_default() {
    let mut h = Harness::with_settings(|s| s.default_language = Language::En).await;
    assert_eq!(
        languages(&h.say_in(1, "de", "/start").await),
        [Language::En].into()
    );
    assert_eq!(
        languages(&h.say_in(2, "id", "/start").await),
        [Language::Id].into()
    );
}

#[tokio::test]
async fn choosing_a_language_sticks_and_updates_the_command_menu() {
    let mut h = Harness::new().await;
    h.say_in(1, "id", "/start").await;
    let replies = h.press(1, &Action::SetLanguage(Language::En)).await;
    assert_eq!(callback_answers(&replies), 1);
    assert!(has_id(&replies, "language-set"));
    assert!(replies.iter().any(|r| matches!(
        r.kind,
        ReplyKind::CommandMenu {
            officer: false,
            staff: false
        }
    )));
    assert_eq!(languages(&replies), [Language::En].into());
    // The chosen language wins over the Telegram app's from now on.
    let later = h.say_in(1, "id", "/menu").await;
    assert_eq!(languages(&later), [Language::En].into());
    // And the next /start no longer asks.
    assert_eq!(
        ids(&h.say_in(1, "id", "/start").await),
        ["welcome-back", "menu-title"]
    );
}

#[tokio::test]
async fn bahasa_and_language_both_open_the_switch() {
    let mut h = Harness::new().await;
    for command in ["/bahasa", "/language", "/LANGUAGE@desmigratif_test_bot"] {
        let replies = h.say(1, command).await;
        assert_eq!(ids(&replies), ["language-choose"], "{command}");
        assert!(actions(&replies).contains(&Action::SetLanguage(Language::En)));
    }
}

#[tokio::test]
async fn menu_help_and_cancel_answer_with_their_aliases() {
    let mut h = Harness::new().await;
    assert_eq!(ids(&h.say(1, "/menu").await), ["menu-title"]);
    assert_eq!(ids(&h.say(1, "/bantuan").await), ["help-text"]);
    assert_eq!(ids(&h.say(1, "/help").await), ["help-text"]);
    assert_eq!(
        ids(&h.say(1, "/batal").await),
        ["cancel-nothing", "menu-title"]
    );
    // Staff hear what their role can do, then their commands.
    assert_eq!(
        ids(&h.say(ADMIN, "/help").await),
        ["staff-can-admin", "help-officer", "help-text-short"]
    );
}

#[tokio::test]
async fn a_button_press_edits_the_screen_and_is_answered_once() {
    let mut h = Harness::new().await;
    let replies = h.press(1, &Action::Help).await;
    assert_eq!(callback_answers(&replies), 1);
    assert!(
        matches!(replies[0].kind, ReplyKind::CallbackAnswer { .. }),
        "answer goes first"
    );
    assert!(matches!(
        replies[1].kind,
        ReplyKind::Edit { message_id: 77, .. }
    ));
}

/// Every kind of message gets an answer: a greeting a greeting; what an officer can read,
/// hear or look at the offer to send it to one; the rest a hint; all with the way on.
#[tokio::test]
async fn every_odd_kind_of_message_gets_an_answer_and_a_way_on() {
    use desmigratif::engine::pillars::PillarsAction;
    let mut h = Harness::new().await;
    let media = |kind| Event::Media {
        kind,
        file_id: "f".into(),
        caption: None,
    };
    let text = |text: &str, forwarded| Event::Text {
        text: text.into(),
        forwarded,
        reply_to: None,
    };
    let hints = [
        (text("halo", false), "greeting"),
        (text("Selamat pagi pak", false), "greeting"),
        (media(MediaKind::Sticker), "hint-sticker"),
        (media(MediaKind::Animation), "hint-sticker"),
        (
            Event::Contact {
                phone: "+62812".into(),
                user_id: Some(1),
            },
            "hint-contact",
        ),
        (Event::Other, "hint-other"),
    ];
    for (event, hint) in hints {
        let replies = h.event(1, event).await;
        assert_eq!(ids(&replies), [hint, "menu-title"]);
        assert!(
            actions(&replies).contains(&Action::Help),
            "the menu comes with the hint"
        );
        assert!(!h.text(&replies[0]).is_empty());
    }
    let document = Event::Document {
        file_id: "d".into(),
        file_name: Some("a.pdf".into()),
        mime_type: None,
        size: 10,
        content: None,
    };
    let passed_on = [
        (text("saya bingung sekali", false), "held-text"),
        (text("/start", true), "held-forwarded"),
        (media(MediaKind::Photo), "held-media"),
        (media(MediaKind::Video), "held-media"),
        (media(MediaKind::Voice), "held-voice"),
        (media(MediaKind::VideoNote), "held-media"),
        (media(MediaKind::Audio), "held-voice"),
        (Event::Location, "held-location"),
        (document, "held-document"),
    ];
    for (event, offer) in passed_on {
        let replies = h.event(1, event).await;
        assert_eq!(ids(&replies), [offer], "{offer}");
        let offered = actions(&replies);
        assert!(
            offered.contains(&Action::Pillars(PillarsAction::AskTyped)),
            "{offer}"
        );
        assert!(offered.contains(&Action::Menu), "{offer}");
        assert!(!h.text(&replies[0]).is_empty());
    }
    assert_eq!(
        ids(&h.say(1, "/frobnicate").await),
        ["hint-command-unknown", "menu-title"]
    );
}

#[tokio::test]
async fn forged_and_old_buttons_get_a_hint_not_an_error() {
    let mut h = Harness::new().await;
    for data in [
        "",
        "x",
        "1:lang:fr",
        "9:menu",
        "1:menu:1:2:3",
        "💣💣💣",
        &"1".repeat(64),
    ] {
        let replies = h.press_data(1, data).await;
        assert_eq!(callback_answers(&replies), 1, "{data:?}");
        assert!(has_id(&replies, "button-expired"), "{data:?}");
    }
}

#[tokio::test]
async fn a_redelivered_update_has_no_second_effect() {
    let h = Harness::new().await;
    let input = Input::text(1, "/start").with_update_id(500);
    let first = h.engine.handle(input.clone()).await.unwrap();
    let again = h.engine.handle(input).await.unwrap();
    assert!(!first.duplicate && !first.replies.is_empty());
    assert!(again.duplicate && again.replies.is_empty());
    assert_eq!(
        h.count("SELECT count(*) FROM outbox").await,
        first.replies.len() as i64
    );
}

#[tokio::test]
async fn in_a_group_only_commands_get_an_answer_pointing_to_a_private_chat() {
    let mut h = Harness::new().await;
    let group = |text: &str| Input {
        update_id: None,
        chat: Chat {
            id: -100,
            private: false,
        },
        sender: Some(desmigratif::engine::Sender {
            id: 1,
            language_code: Some("en".into()),
        }),
        event: Event::Text {
            text: text.into(),
            forwarded: false,
            reply_to: None,
        },
        message_id: None,
        forwarded_from: None,
    };
    let replies = h.handle(group("/start")).await.replies;
    assert_eq!(ids(&replies), ["group-private-only"]);
    assert_eq!(replies[0].chat_id, -100);
    assert!(matches!(replies[0].keyboard(), Keyboard::Inline(rows) if !rows.is_empty()));
    assert!(
        h.handle(group("good morning everyone"))
            .await
            .replies
            .is_empty()
    );
    assert!(
        h.handle(group("/start@some_other_bot"))
            .await
            .replies
            .is_empty()
    );
    // Nobody's data is stored for a group message.
    assert_eq!(h.count("SELECT count(*) FROM users").await, 0);
}

#[tokio::test]
async fn blocking_and_unblocking_are_recorded() {
    let mut h = Harness::new().await;
    h.say(1, "/start").await;
    assert!(
        h.event(1, Event::Membership { blocked: true })
            .await
            .is_empty()
    );
    assert_eq!(
        h.count("SELECT count(*) FROM users WHERE status = 'blocked'")
            .await,
        1
    );
    h.event(1, Event::Membership { blocked: false }).await;
    assert_eq!(
        h.count("SELECT count(*) FROM users WHERE status = 'active'")
            .await,
        1
    );
    // A block notice from someone never seen creates nobody.
    h.event(2, Event::Membership { blocked: true }).await;
    assert_eq!(h.count("SELECT count(*) FROM users").await, 1);
}

#[tokio::test]
async fn every_reply_is_in_the_outbox_with_the_update() {
    let mut h = Harness::new().await;
    let replies = h.say(1, "/start").await;
    assert_eq!(
        h.count("SELECT count(*) FROM outbox WHERE status = 'pending' AND chat_id = 1")
            .await,
        replies.len() as i64
    );
    assert_eq!(h.count("SELECT count(*) FROM processed_updates").await, 1);
}
