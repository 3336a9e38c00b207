//! The four pillars' pages, the FAQ, the question desk and cooperative membership, driven
//! through the real engine (and, where Telegram message ids matter, the real sender).

#[path = "../support/harness.rs"]
mod harness;

mod cooperative;
mod desk;
mod emergency;
mod erasure;
mod faq;
mod held;
mod officers_group;
mod pages;
mod questions;

use std::sync::{
    Arc, Mutex,
    atomic::{AtomicI32, Ordering},
};

use desmigratif::{
    domain::{Language, PersonName, Phone, PlaceName, Profile, Role},
    engine::{Action, Chat, Event, Input, Reply, Sender as From, pillars::PillarsAction},
    sender::{Delivered, DeliveryError, Outgoing, Pacing, Sender, Transport},
    store,
};
use harness::*;

/// The officers' group in tests that have one.
pub const OFFICERS_GROUP: i64 = -100_555;

/// A harness whose officers' group the bot has checked and found to hold officers only (as
/// `telegram::group_guard` writes it down).
pub async fn with_trusted_group() -> Harness {
    let h = Harness::with_settings(|s| s.admin_chat_id = Some(OFFICERS_GROUP)).await;
    trust_group(&h).await;
    h
}

pub async fn trust_group(h: &Harness) {
    let begun = start_time();
    h.engine
        .writer()
        .write(async |tx| store::officers_group::record(tx, OFFICERS_GROUP, true, 3, begun).await)
        .await
        .unwrap();
}

pub fn pillar(action: PillarsAction) -> Action {
    Action::Pillars(action)
}

/// `/tanya` by someone whose village the bot does not know: the village is asked first, and
/// skipped here (the question goes to the admins); returns the question's prompt.
pub async fn start_asking(h: &mut Harness, user: i64) -> Vec<Reply> {
    let asked = h.say(user, "/tanya").await;
    if !has_id(&asked, "asker-village-ask") {
        return asked;
    }
    let prompt = h.press(user, &pillar(PillarsAction::SkipVillage)).await;
    assert_eq!(ids(&prompt), ["question-ask-prompt"]);
    prompt
}

/// Asks `text` through /tanya (skipping the village); returns the question's number.
pub async fn ask(h: &mut Harness, user: i64, text: &str) -> i64 {
    start_asking(h, user).await;
    let replies = h.say(user, text).await;
    assert!(has_id(&replies, "question-received"), "{:?}", ids(&replies));
    h.count(&format!(
        "SELECT max(id) FROM questions WHERE user_id = {user}"
    ))
    .await
}

fn group_input(chat: i64, user: i64, event: Event, message_id: Option<i32>) -> Input {
    Input {
        update_id: None,
        chat: Chat {
            id: chat,
            private: false,
        },
        sender: Some(From {
            id: user,
            language_code: Some("id".into()),
        }),
        event,
        message_id,
        forwarded_from: None,
    }
}

/// A message in a group chat.
pub fn in_group(chat: i64, user: i64, text: &str, reply_to: Option<i32>) -> Input {
    let event = Event::Text {
        text: text.into(),
        forwarded: false,
        reply_to,
    };
    group_input(chat, user, event, Some(1))
}

/// A button press in a group chat.
pub fn press_in_group(chat: i64, user: i64, action: &Action) -> Input {
    let event = Event::Button {
        query_id: "g".into(),
        message_id: Some(3),
        data: action.encode(),
    };
    group_input(chat, user, event, None)
}

/// A private text message that replies to the bot's message `message_id`.
pub fn reply(user: i64, message_id: i32, text: &str) -> Input {
    let mut input = Input::text(user, text).with_language_code("id");
    input.event = Event::Text {
        text: text.into(),
        forwarded: false,
        reply_to: Some(message_id),
    };
    input
}

/// A Telegram stand-in that accepts everything and numbers the messages it sends.
#[derive(Default)]
pub struct Recorder {
    next_id: AtomicI32,
    pub sent: Mutex<Vec<Outgoing>>,
}

impl Transport for Recorder {
    async fn deliver(&self, message: &Outgoing) -> Result<Delivered, DeliveryError> {
        self.sent.lock().unwrap().push(message.clone());
        Ok(Delivered {
            message_id: Some(1000 + self.next_id.fetch_add(1, Ordering::Relaxed)),
            photo_file_id: None,
        })
    }
}

/// Delivers everything waiting in the outbox through the real sender; returns each reply with
/// the Telegram message id it became.
pub async fn deliver(h: &Harness) -> Vec<(Reply, i32)> {
    deliver_through(h, Arc::new(Recorder::default())).await
}

/// Like `deliver`, through a recorder the test keeps (one per test: its ids start at 1000).
pub async fn deliver_through(h: &Harness, recorder: Arc<Recorder>) -> Vec<(Reply, i32)> {
    let sender = Sender::new(
        h.engine.writer(),
        h.engine.reader(),
        h.engine.files(),
        recorder,
        h.locales.clone(),
        Pacing::new(1000),
        Arc::new(tokio::sync::Notify::new()),
    );
    sender
        .drain(None)
        .await
        .unwrap()
        .into_iter()
        .filter_map(|(reply, delivered)| delivered.message_id.map(|id| (reply, id)))
        .collect()
}

/// The Telegram id of the delivered message to `chat` whose text starts with Fluent id `first`.
pub fn delivered_to(delivered: &[(Reply, i32)], chat: i64, first: &str) -> i32 {
    delivered
        .iter()
        .rev()
        .find(|(r, _)| r.chat_id == chat && r.text_ids().first() == Some(&first))
        .map(|(_, id)| *id)
        .unwrap_or_else(|| panic!("no {first} delivered to {chat}"))
}

/// Registers `user` with a profile (as the registration feature would).
pub async fn register(h: &mut Harness, user: i64, name: &str, village: &str) {
    h.say(user, "/start").await;
    let profile = Profile {
        user_id: user,
        role: Role::Family,
        name: PersonName::parse(name).unwrap(),
        phone: Phone::parse("0812-3456-7890").unwrap(),
        village: PlaceName::parse(village).unwrap(),
        district: PlaceName::parse("Indramayu").unwrap(),
        village_code: desmigratif::domain::area::VillageCode::parse("32.12.16.2004"),
        country: None,
        years_abroad: None,
        sector: None,
        relation: None,
        worker_abroad: None,
        interests: vec![],
        registered_at: start_time().timestamp(),
    };
    h.engine
        .writer()
        .write(async |tx| store::profiles::save(tx, &profile, start_time()).await)
        .await
        .unwrap();
}

/// Every rendered text of the replies, joined (to check what a reader would see).
pub fn rendered(h: &Harness, replies: &[Reply]) -> String {
    replies
        .iter()
        .map(|r| h.text(r))
        .collect::<Vec<_>>()
        .join("\n---\n")
}

/// The user picks a language for good, as on first contact.
pub async fn choose(h: &mut Harness, user: i64, lang: Language) {
    h.say(user, "/start").await;
    h.press(user, &Action::SetLanguage(lang)).await;
}
