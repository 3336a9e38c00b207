//! The FAQ, and FAQ answers offered for free text.

use desmigratif::{
    domain::Language,
    engine::{
        Action,
        pillars::{FaqEntry, FaqTopic, PillarsAction},
    },
};

use crate::harness::*;
use crate::{choose, pillar};

#[tokio::test]
async fn the_faq_goes_from_topics_to_questions_to_answers_in_both_languages() {
    let mut h = Harness::new().await;
    for (user, lang) in [(1, Language::Id), (2, Language::En)] {
        choose(&mut h, user, lang).await;
        let topics = h.say(user, "/faq").await;
        assert_eq!(ids(&topics), ["faq-title"]);
        for topic in FaqTopic::ALL {
            assert!(actions(&topics).contains(&pillar(PillarsAction::FaqTopic(*topic))));
            let questions = h
                .press(user, &pillar(PillarsAction::FaqTopic(*topic)))
                .await;
            assert!(
                actions(&questions).contains(&pillar(PillarsAction::FaqTopics)),
                "back to the topics"
            );
            for label in button_ids(&questions) {
                assert!(h.locales.has(lang, &label), "{label} ({lang:?})");
            }
        }
        for entry in FaqEntry::ALL {
            let replies = h
                .press(user, &pillar(PillarsAction::FaqEntry(*entry)))
                .await;
            assert_eq!(ids(&replies), [entry.message_id(), entry.answer_id()]);
            let text = h.text(&replies[1]);
            assert!(text.chars().count() < 4096);
            assert!(!text.contains("faq-"), "{entry:?} {lang:?}: {text}");
            let actions = actions(&replies);
            assert!(
                actions.contains(&pillar(PillarsAction::FaqTopic(entry.topic()))),
                "back to its topic"
            );
            assert!(actions.contains(&Action::Menu));
            assert!(
                actions.contains(&pillar(PillarsAction::Ask)),
                "a person can be asked"
            );
        }
    }
}

#[tokio::test]
async fn free_text_that_matches_gets_faq_answers_and_a_button_to_ask_a_person() {
    let mut h = Harness::new().await;
    let replies = h.say(1, "Dokumen apa saja yang harus disiapkan?").await;
    assert_eq!(ids(&replies), ["held-faq", "held-or-officer"]);
    let offered = actions(&replies);
    assert_eq!(
        offered[0],
        pillar(PillarsAction::FaqEntry(FaqEntry::Documents))
    );
    assert!(offered.contains(&pillar(PillarsAction::AskTyped)));
    assert!(offered.contains(&Action::Menu));
    // Reading an answer keeps the message: it can still go from there.
    let read = h
        .press(1, &pillar(PillarsAction::FaqEntry(FaqEntry::Documents)))
        .await;
    assert!(has_id(&read, "held-faq-still"));
    assert!(actions(&read).contains(&pillar(PillarsAction::AskTyped)));

    // The answers did not help: the typed text goes to the officers as it is, once the
    // asker said where they are from (or skipped it).
    let village = h.press(1, &pillar(PillarsAction::AskTyped)).await;
    assert!(has_id(&village, "asker-village-ask"));
    let asked = h.press(1, &pillar(PillarsAction::SkipVillage)).await;
    assert!(has_id(&asked, "question-received"));
    assert_eq!(
        h.count("SELECT count(*) FROM question_entries WHERE text = 'Dokumen apa saja yang harus disiapkan?'").await,
        1
    );
    assert_eq!(
        h.count("SELECT count(*) FROM outbox WHERE chat_id IN (900, 901)")
            .await,
        2,
        "both officers told"
    );
}

#[tokio::test]
async fn english_text_with_a_typo_finds_its_answer() {
    let mut h = Harness::new().await;
    let replies = h.say_in(2, "en", "how can i join the cooperativ?").await;
    assert_eq!(
        actions(&replies)[0],
        pillar(PillarsAction::FaqEntry(FaqEntry::Join))
    );
}

#[tokio::test]
async fn a_greeting_gets_a_greeting_and_text_that_matches_nothing_a_way_to_an_officer() {
    let mut h = Harness::new().await;
    assert_eq!(
        ids(&h.say(1, "halo selamat malam").await),
        ["greeting", "menu-title"]
    );
    let replies = h.say(1, "saya bingung sekali").await;
    assert_eq!(ids(&replies), ["held-text"]);
    assert!(actions(&replies).contains(&pillar(PillarsAction::AskTyped)));
}

#[tokio::test]
async fn asking_a_person_after_the_offer_is_gone_asks_for_the_question() {
    let mut h = Harness::new().await;
    h.say(1, "simpanan wajib berapa?").await;
    h.say(1, "halo").await; // no match: the earlier text is no longer kept
    let replies = h.press(1, &pillar(PillarsAction::AskTyped)).await;
    assert!(has_id(&replies, "asker-village-ask"));
    let replies = h.press(1, &pillar(PillarsAction::SkipVillage)).await;
    assert!(has_id(&replies, "question-ask-prompt"));
    assert_eq!(h.count("SELECT count(*) FROM questions").await, 0);
}

#[tokio::test]
async fn offering_faq_answers_keeps_a_posters_village_for_registration() {
    let mut h = Harness::new().await;
    h.say(1, "/start desa-3212162004").await;
    let before: String = sqlx::query_scalar("SELECT state FROM conversations WHERE user_id = 1")
        .fetch_one(&h.pool)
        .await
        .unwrap();
    assert!(has_id(&h.say(1, "dokumen apa saja?").await, "held-faq"));
    let after: String = sqlx::query_scalar("SELECT state FROM conversations WHERE user_id = 1")
        .fetch_one(&h.pool)
        .await
        .unwrap();
    assert_eq!(after, before);
    // "Ask an officer" then asks for the question, from the poster's village (nothing asked).
    let asked = h.press(1, &pillar(PillarsAction::AskTyped)).await;
    assert!(has_id(&asked, "question-ask-prompt"));
    h.say(1, "Dokumen apa saja untuk ke Taiwan?").await;
    assert_eq!(
        h.count("SELECT village_code FROM questions").await,
        3212162004
    );
}
