//! `desmigratif chat`: the same conversations in a terminal, offline, on the same database.
//! Buttons are shown as numbers; type the number to press one.

mod files;
mod transport;

use std::{io::Write, sync::Arc};

use tokio::io::{AsyncBufReadExt, BufReader};

use crate::engine::{Chat, Engine, Event, Input, MediaKind, Sender as From};
use crate::i18n::Locales;
use crate::sender::{Pacing, Sender};

pub use transport::{Screen, SimTransport};

pub struct SimOptions {
    pub user_id: i64,
    /// What the simulated Telegram app reports as its language (`--lang`).
    pub language_code: Option<String>,
    /// The number a "share my number" button shares.
    pub phone: String,
}

const HELP: &str = "Type a message, or the number of a button. Also: :sticker :photo :voice :location \
:contact, :file PATH to send a file (a trainings or village-codes CSV), :forward NAME | TEXT to \
forward a message from NAME, 'text to send a number as text, :quit to leave.";

/// Reads lines from standard input until it ends or the user types `:quit`.
pub async fn run(engine: Engine, locales: Arc<Locales>, options: SimOptions) -> anyhow::Result<()> {
    let transport = Arc::new(SimTransport::new(std::io::stdout()));
    let sender = Sender::new(
        engine.writer(),
        engine.reader(),
        engine.files(),
        transport.clone(),
        locales,
        Pacing::new(1000),
        engine.outbox_ready(),
    );
    println!("Desmigratif simulator, user {}. {HELP}", options.user_id);
    // Show whatever was waiting for this user (e.g. after the bot ran); greet a new one.
    sender.drain(Some(options.user_id)).await?;
    let known = engine
        .reader()
        .read(async |tx| crate::store::users::find(tx, options.user_id).await)
        .await?
        .is_some();
    if !known {
        engine.handle(input(&options, text_event("/start"))).await?;
        sender.drain(Some(options.user_id)).await?;
    }
    let mut lines = BufReader::new(tokio::io::stdin()).lines();
    loop {
        print!("> ");
        std::io::stdout().flush().ok();
        let Some(line) = lines.next_line().await? else {
            break;
        };
        let line = line.trim();
        if line.is_empty() {
            continue;
        }
        if line == ":quit" || line == ":q" {
            break;
        }
        if line == ":help" {
            println!("{HELP}");
            continue;
        }
        let (event, forwarded_from) = match forward_of(line) {
            Some((from, text)) => (
                Event::Text {
                    text,
                    forwarded: true,
                    reply_to: None,
                },
                Some(from),
            ),
            None => match event_for(line, &transport.screen(), &options) {
                Some(event) => (event, None),
                None => {
                    println!("(unknown simulator command; :help lists them)");
                    continue;
                }
            },
        };
        let mut input = input(&options, event);
        input.forwarded_from = forwarded_from;
        let handled = engine.handle(input).await?;
        for due in handled.deferred {
            engine.run_deferred(due).await?;
        }
        engine.tick().await?;
        sender.drain(Some(options.user_id)).await?;
    }
    println!();
    Ok(())
}

fn input(options: &SimOptions, event: Event) -> Input {
    Input {
        update_id: None,
        chat: Chat {
            id: options.user_id,
            private: true,
        },
        sender: Some(From {
            id: options.user_id,
            language_code: options.language_code.clone(),
        }),
        event,
        message_id: None,
        forwarded_from: None,
    }
}

/// What a typed line means: a button's number presses it; `:name` makes an odd message kind.
/// `:forward NAME | TEXT`: a message forwarded from NAME.
fn forward_of(line: &str) -> Option<(String, String)> {
    let (from, text) = line.strip_prefix(":forward ")?.split_once('|')?;
    Some((from.trim().to_owned(), text.trim().to_owned()))
}

fn event_for(line: &str, screen: &Screen, options: &SimOptions) -> Option<Event> {
    if let Some(text) = line.strip_prefix('\'') {
        return Some(text_event(text));
    }
    if let Ok(n) = line.parse::<usize>()
        && let Some(event) = screen.press(n, &options.phone, options.user_id)
    {
        return Some(event);
    }
    let media = |kind| Event::Media {
        kind,
        file_id: "sim".into(),
        caption: None,
    };
    if let Some(path) = line.strip_prefix(":file ") {
        return Some(file_event(path.trim()));
    }
    match line {
        ":sticker" => Some(media(MediaKind::Sticker)),
        ":photo" => Some(media(MediaKind::Photo)),
        ":voice" => Some(media(MediaKind::Voice)),
        ":location" => Some(Event::Location),
        ":contact" => Some(Event::Contact {
            phone: options.phone.clone(),
            user_id: Some(options.user_id),
        }),
        _ if line.starts_with(':') => None,
        _ => Some(text_event(line)),
    }
}

/// A file sent as Telegram sends a document: its name, size and (as the bot fetches a staff
/// member's CSV) its content; a file that cannot be read arrives without content.
fn file_event(path: &str) -> Event {
    let path = std::path::Path::new(path);
    let content = std::fs::read(path).ok();
    let name = path.file_name().map(|n| n.to_string_lossy().into_owned());
    let csv = name
        .as_deref()
        .is_some_and(|n| n.to_ascii_lowercase().ends_with(".csv"));
    Event::Document {
        file_id: "sim".into(),
        mime_type: csv.then(|| "text/csv".to_owned()),
        size: content.as_ref().map_or(0, |c| c.len() as u64),
        file_name: name,
        content,
    }
}

fn text_event(text: &str) -> Event {
    Event::Text {
        text: text.to_owned(),
        forwarded: false,
        reply_to: None,
    }
}
