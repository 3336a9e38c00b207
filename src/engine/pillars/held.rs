//! A message no step expects: free text, a voice note, a photo, a video, a file, a location,
//! a forwarded message. Nothing is lost: the person gets the FAQ answers that match it, if
//! any, and always a one-tap «📨 Kirim ke petugas» that sends that very message (a file or a
//! forward as it is, with where a forward came from) as a new question, or adds it to their
//! open question. A greeting gets a greeting and the menu.

use serde::{Deserialize, Serialize};

use super::{PillarsAction, PillarsState, faq, questions};
use crate::engine::{Button, Event, Keyboard, Msg, Result, State, fallback, menu, turn::Turn};
use crate::store::questions::{self as store, Said, Status};

/// A message kept so that one tap sends it to the officers.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Held {
    /// The text, or a file's caption (may be empty).
    pub text: String,
    /// What kind of file it carries (`photo`, `voice`, `location`…), if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub media: Option<String>,
    /// The message in the person's chat, to copy to the officers (files, locations).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub message_id: Option<i32>,
    /// Forwarded: where from, as Telegram names it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub forwarded_from: Option<String>,
}

impl Held {
    /// The message of `event`, if it is one to pass on (not a sticker, a contact card…).
    pub(crate) fn of(turn: &Turn<'_>, event: &Event) -> Option<Held> {
        let media = |code: &str, caption: Option<&String>| Held {
            text: caption.map(|c| c.trim().to_owned()).unwrap_or_default(),
            media: Some(code.to_owned()),
            message_id: turn.message_id,
            forwarded_from: turn.forwarded_from.clone(),
        };
        Some(match event {
            Event::Text {
                text, forwarded, ..
            } => Held {
                text: text.trim().to_owned(),
                media: None,
                message_id: turn.message_id,
                // A forward whose origin Telegram did not name is still a forward.
                forwarded_from: turn
                    .forwarded_from
                    .clone()
                    .or_else(|| forwarded.then(String::new)),
            },
            Event::Media { kind, caption, .. } => {
                media(questions::media_code(*kind)?, caption.as_ref())
            }
            Event::Document { .. } => media("document", None),
            Event::Location => media("location", None),
            _ => return None,
        })
    }

    /// As the question desk stores it.
    pub(crate) fn said(&self) -> Said<'_> {
        Said {
            text: &self.text,
            media: self.media.as_deref(),
            message_id: self.message_id,
            forwarded_from: self.forwarded_from.as_deref(),
        }
    }

    fn kind(&self) -> &'static str {
        match (self.forwarded_from.is_some(), self.media.as_deref()) {
            (true, _) => "forwarded",
            (false, Some("voice" | "audio")) => "voice",
            (false, Some("photo" | "video" | "video_note")) => "media",
            (false, Some("document")) => "document",
            (false, Some("location")) => "location",
            _ => "text",
        }
    }
}

/// Answers a message outside any step: FAQ answers if some match, and the way to an officer.
pub(crate) async fn offer(turn: &mut Turn<'_>, event: &Event) -> Result<()> {
    let (Some(user_id), Some(held)) = (turn.user_id(), Held::of(turn, event)) else {
        return fallback::hint(turn, event).await;
    };
    if held.media.is_none() && held.forwarded_from.is_none() && is_greeting(&held.text) {
        let keyboard = menu::main_menu(turn);
        turn.send(vec![Msg::new("greeting"), Msg::new("menu-title")], keyboard);
        return Ok(());
    }
    if held.text.chars().count() > questions::MAX_CHARS {
        let keyboard = menu::main_menu(turn);
        turn.send(
            vec![Msg::new("question-too-long").arg("max", questions::MAX_CHARS as i64)],
            keyboard,
        );
        return Ok(());
    }
    let found = faq::suggestions(&held.text);
    let open = store::of_user(turn.tx, user_id, 1)
        .await?
        .into_iter()
        .find(|q| q.status == Status::Open);
    let mut text = Vec::new();
    let mut rows: Vec<Vec<Button>> = Vec::new();
    // Words of someone in trouble: the emergency path first, with this very message.
    if super::distress::sounds_urgent(&held.text) {
        text.push(Msg::new("emergency-offer"));
        rows.push(vec![Button::action(
            Msg::new("emergency-button-offer"),
            PillarsAction::EmergencyHeld.into(),
        )]);
    }
    if found.is_empty() {
        text.push(Msg::new(format!("held-{}", held.kind())));
    } else {
        text.push(Msg::new("held-faq"));
        rows.extend(found.into_iter().map(|e| vec![faq::entry_button(e)]));
        text.push(Msg::new("held-or-officer"));
    }
    rows.push(vec![Button::action(
        Msg::new("held-button-send"),
        PillarsAction::AskTyped.into(),
    )]);
    // A job offer, or a message naming a company: check the companies in it (from the
    // message kept, so only where it is kept).
    if turn.state.is_idle() && crate::engine::agencies::worth_checking(&held.text) {
        rows.push(vec![Button::action(
            Msg::new("agency-button-check-message"),
            crate::engine::agencies::AgencyAction::CheckHeld.into(),
        )]);
    }
    if let Some(open) = &open {
        rows.push(vec![Button::action(
            Msg::new("held-button-add").arg("number", super::number(open.id)),
            PillarsAction::AddHeld(open.id).into(),
        )]);
    }
    rows.push(vec![menu::menu_button()]);
    // Kept for the buttons; not in place of another idle state (a poster's village waiting
    // for registration), where «send» asks for the question again.
    if turn.state.is_idle() {
        turn.state = State::Pillars(PillarsState::FaqOffered { held });
    }
    turn.send(text, Keyboard::Inline(rows));
    Ok(())
}

/// «➕ Add to question no. N»: the kept message goes with the person's open question.
pub(crate) async fn add(turn: &mut Turn<'_>, id: i64) -> Result<()> {
    let State::Pillars(PillarsState::FaqOffered { held }) = turn.state.clone() else {
        return questions::follow_up(turn, id).await;
    };
    questions::add_held(turn, id, &held).await
}

/// Words that greet, in Indonesian, English, Javanese, Sundanese and Balinese.
const HELLO: &[&str] = &[
    "halo",
    "hallo",
    "helo",
    "hai",
    "hi",
    "hello",
    "hey",
    "pagi",
    "siang",
    "sore",
    "malam",
    "morning",
    "afternoon",
    "evening",
    "assalamualaikum",
    "assalamu'alaikum",
    "asalamualaikum",
    "assalamu",
    "salam",
    "permisi",
    "punten",
    "sampurasun",
    "enjing",
    "sonten",
    "dalu",
    "shalom",
    "swastiastu",
];

/// Words that go with a greeting without saying anything more.
const COURTESY: &[&str] = &[
    "hay", "selamat", "met", "good", "alaikum", "sugeng", "kak", "pak", "bu", "min", "admin",
    "mas", "mbak", "bang", "wr", "wb", "om",
];

/// A message that is only a greeting («halo», «selamat pagi pak», «assalamualaikum»), at
/// most four words: anything more says something, and goes on to the FAQ and the officers.
pub(crate) fn is_greeting(typed: &str) -> bool {
    let folded = typed.to_lowercase();
    let words: Vec<&str> = folded
        .split(|c: char| !c.is_alphanumeric() && c != '\'')
        .filter(|w| !w.is_empty())
        .collect();
    !words.is_empty()
        && words.len() <= 4
        && words.iter().any(|w| HELLO.contains(w))
        && words
            .iter()
            .all(|w| HELLO.contains(w) || COURTESY.contains(w))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn greetings_are_told_from_messages_that_say_something() {
        for greeting in [
            "halo",
            "Halo!",
            "hai kak",
            "Selamat pagi pak",
            "assalamualaikum",
            "Assalamu'alaikum wr wb",
            "good morning",
            "Sugeng enjing",
            "punten",
            "Pagi 🙏",
        ] {
            assert!(is_greeting(greeting), "{greeting}");
        }
        for message in [
            "halo, suami saya belum digajisudah 3 bulan",
            "selamat pagi, saya mau tanya soal paspor",
            "pak",
            "malam ini ada pelatihan?",
            "gaji belum dibayar",
            "hello I lost my passport",
            "",
        ] {
            assert!(!is_greeting(message), "{message}");
        }
    }

    #[test]
    fn a_kept_message_of_an_older_release_is_read() {
        let old: PillarsState =
            serde_json::from_str(r#"{"pillars":"faq_offered","text":"paspor hilang"}"#).unwrap();
        assert_eq!(
            old,
            PillarsState::FaqOffered {
                held: Held {
                    text: "paspor hilang".into(),
                    ..Held::default()
                }
            }
        );
        let held = Held {
            text: "lowongan ini asli?".into(),
            media: Some("photo".into()),
            message_id: Some(7),
            forwarded_from: Some("PT Maju Jaya".into()),
        };
        let state = PillarsState::FaqOffered { held };
        let json = serde_json::to_string(&state).unwrap();
        assert_eq!(serde_json::from_str::<PillarsState>(&json).unwrap(), state);
    }
}
