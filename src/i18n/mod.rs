//! Fluent bundles for Indonesian and English, embedded in the binary from `locales/`, and the
//! rendering of engine replies into the words and buttons a transport sends.

pub mod check;
mod files;
mod format;

use std::collections::BTreeSet;

use chrono::{DateTime, Datelike, Timelike, Utc};
use chrono_tz::Tz;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue, concurrent::FluentBundle};

use crate::domain::Language;
use crate::engine::{Arg, Command, Keyboard, Msg, Reply, ReplyKind, Target};
use crate::sender::{Outgoing, RenderedButton, RenderedKeyboard};

pub use files::LOCALE_FILES;

#[derive(Debug, thiserror::Error)]
pub enum LocaleError {
    #[error("locales/{lang}/{file}: {detail}")]
    Invalid {
        lang: &'static str,
        file: &'static str,
        detail: String,
    },
}

/// Both languages' messages, and the time zone dates are shown in.
pub struct Locales {
    id: FluentBundle<FluentResource>,
    en: FluentBundle<FluentResource>,
    timezone: Tz,
}

impl std::fmt::Debug for Locales {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Locales")
            .field("timezone", &self.timezone)
            .finish_non_exhaustive()
    }
}

impl Locales {
    /// Loads the embedded `.ftl` files; fails on a syntax error or a message defined twice.
    pub fn load(timezone: Tz) -> Result<Locales, LocaleError> {
        Ok(Locales {
            id: bundle(Language::Id, format::number_id)?,
            en: bundle(Language::En, format::number_en)?,
            timezone,
        })
    }

    pub fn timezone(&self) -> Tz {
        self.timezone
    }

    fn bundle(&self, lang: Language) -> &FluentBundle<FluentResource> {
        match lang {
            Language::Id => &self.id,
            Language::En => &self.en,
        }
    }

    /// Every message id defined for a language.
    pub fn ids(lang: Language) -> BTreeSet<String> {
        files::sources(lang)
            .flat_map(|(_, source)| files::message_ids(source))
            .collect()
    }

    pub fn has(&self, lang: Language, id: &str) -> bool {
        self.bundle(lang).has_message(id)
    }

    /// One message in a language. A missing id renders as the id itself (and is logged), so a
    /// gap in a translation shows up without taking the reply down with it.
    pub fn message(&self, lang: Language, msg: &Msg) -> String {
        let bundle = self.bundle(lang);
        let Some(pattern) = bundle.get_message(&msg.id).and_then(|m| m.value()) else {
            tracing::error!(id = %msg.id, lang = lang.code(), "missing Fluent message");
            return msg.id.clone();
        };
        let mut args = FluentArgs::new();
        for (name, value) in &msg.args {
            let value = match value {
                Arg::Text(text) => FluentValue::from(text.clone()),
                Arg::Number(n) => FluentValue::from(*n),
                Arg::Time(unix) => FluentValue::from(self.time(lang, *unix)),
                Arg::Msg(inner) => FluentValue::from(self.message(lang, inner)),
                Arg::List(items) => FluentValue::from(
                    items
                        .iter()
                        .map(|m| self.message(lang, m))
                        .collect::<Vec<_>>()
                        .join(", "),
                ),
            };
            args.set(name.clone(), value);
        }
        let mut errors = Vec::new();
        let text = bundle
            .format_pattern(pattern, Some(&args), &mut errors)
            .into_owned();
        if !errors.is_empty() {
            tracing::error!(id = %msg.id, lang = lang.code(), ?errors, "Fluent message did not format cleanly");
        }
        text
    }

    /// Paragraphs, separated by a blank line.
    pub fn paragraphs(&self, lang: Language, text: &[Msg]) -> String {
        text.iter()
            .map(|m| self.message(lang, m))
            .collect::<Vec<_>>()
            .join("\n\n")
    }

    /// A moment as people write it in each language, in the configured time zone:
    /// "Sabtu, 5 Desember 2026 pukul 09.00 WIB" / "Saturday, 5 December 2026 at 09:00 WIB".
    pub fn time(&self, lang: Language, unix: i64) -> String {
        let Some(utc) = DateTime::<Utc>::from_timestamp(unix, 0) else {
            return unix.to_string();
        };
        let local = utc.with_timezone(&self.timezone);
        let weekday = self.message(
            lang,
            &Msg::new(format!(
                "date-weekday-{}",
                local.weekday().number_from_monday()
            )),
        );
        let month = self.message(lang, &Msg::new(format!("date-month-{}", local.month())));
        let clock = match lang {
            Language::Id => format!("{:02}.{:02}", local.hour(), local.minute()),
            Language::En => format!("{:02}:{:02}", local.hour(), local.minute()),
        };
        self.message(
            lang,
            &Msg::new("date-time")
                .arg("weekday", weekday)
                .arg("day", i64::from(local.day()))
                .arg("month", month)
                .arg("year", local.year().to_string())
                .arg("clock", clock)
                .arg("zone", local.format("%Z").to_string()),
        )
    }

    /// The command menu for a language: (command, description) pairs.
    pub fn command_menu(&self, lang: Language, officer: bool) -> Vec<(String, String)> {
        Command::ALL
            .into_iter()
            .filter(|c| officer || !c.admin_only())
            .map(|c| {
                (
                    c.name_in(lang).to_owned(),
                    self.message(lang, &Msg::new(c.description_id())),
                )
            })
            .collect()
    }

    fn keyboard(&self, lang: Language, keyboard: &Keyboard) -> RenderedKeyboard {
        match keyboard {
            Keyboard::None => RenderedKeyboard::None,
            Keyboard::Remove => RenderedKeyboard::Remove,
            Keyboard::ShareContact { share } => RenderedKeyboard::ShareContact {
                label: self.message(lang, share),
            },
            Keyboard::Inline(rows) => RenderedKeyboard::Inline(
                rows.iter()
                    .map(|row| {
                        row.iter()
                            .map(|button| {
                                let label = self.message(lang, &button.label);
                                match &button.target {
                                    Target::Action(action) => RenderedButton::Callback {
                                        label,
                                        data: action.encode(),
                                    },
                                    Target::Url(url) => RenderedButton::Url {
                                        label,
                                        url: url.clone(),
                                    },
                                }
                            })
                            .collect()
                    })
                    .collect(),
            ),
        }
    }

    /// Turns an engine reply into what a transport sends.
    pub fn render(&self, reply: &Reply) -> Outgoing {
        let lang = reply.lang;
        let chat_id = reply.chat_id;
        match &reply.kind {
            ReplyKind::Message { text, keyboard } | ReplyKind::Tagged { text, keyboard, .. } => {
                Outgoing::Message {
                    chat_id,
                    text: self.paragraphs(lang, text),
                    keyboard: self.keyboard(lang, keyboard),
                }
            }
            ReplyKind::Edit {
                message_id,
                text,
                keyboard,
            } => Outgoing::Edit {
                chat_id,
                message_id: *message_id,
                text: self.paragraphs(lang, text),
                keyboard: self.keyboard(lang, keyboard),
            },
            ReplyKind::CallbackAnswer {
                query_id,
                text,
                alert,
            } => Outgoing::CallbackAnswer {
                query_id: query_id.clone(),
                text: text.as_ref().map(|m| self.message(lang, m)),
                alert: *alert,
            },
            ReplyKind::Document {
                file_name,
                content,
                caption,
            } => Outgoing::Document {
                chat_id,
                file_name: file_name.clone(),
                content: content.clone().into_bytes(),
                caption: self.paragraphs(lang, caption),
            },
            ReplyKind::Chart { caption, panels } => {
                let panels: Vec<crate::chart::Panel> = panels
                    .iter()
                    .map(|p| crate::chart::Panel {
                        title: self.message(lang, &p.title),
                        bars: p
                            .bars
                            .iter()
                            .map(|(label, n)| (self.message(lang, label), *n))
                            .collect(),
                    })
                    .collect();
                let caption = self.paragraphs(lang, caption);
                match crate::chart::draw(&panels) {
                    Ok(png) => Outgoing::PhotoUpload {
                        chat_id,
                        png,
                        caption,
                    },
                    Err(error) => {
                        tracing::error!(%error, "chart could not be drawn; sending its caption");
                        Outgoing::Message {
                            chat_id,
                            text: caption,
                            keyboard: RenderedKeyboard::None,
                        }
                    }
                }
            }
            // The sender makes the file; this is what shows if it cannot.
            ReplyKind::Export { .. } => Outgoing::Message {
                chat_id,
                text: self.message(lang, &Msg::new("export-failed")),
                keyboard: RenderedKeyboard::None,
            },
            // The sender puts the officer's own words in; this is what shows if it cannot.
            ReplyKind::Broadcast { .. } => Outgoing::Message {
                chat_id,
                text: self.message(lang, &Msg::new("broadcast-unavailable")),
                keyboard: RenderedKeyboard::None,
            },
            ReplyKind::CommandMenu { officer } => Outgoing::CommandMenu {
                chat_id,
                language: lang,
                commands: self.command_menu(lang, *officer),
            },
            ReplyKind::Copy {
                from_chat_id,
                message_id,
                ..
            } => Outgoing::Copy {
                chat_id,
                from_chat_id: *from_chat_id,
                message_id: *message_id,
            },
        }
    }
}

fn bundle(
    lang: Language,
    number_format: fn(&FluentValue, &intl_memoizer::concurrent::IntlLangMemoizer) -> Option<String>,
) -> Result<FluentBundle<FluentResource>, LocaleError> {
    let code = lang.code();
    let langid: unic_langid::LanguageIdentifier =
        code.parse().expect("id and en are valid language tags");
    let mut bundle = FluentBundle::new_concurrent(vec![langid]);
    // Telegram shows text as is: no invisible bidi isolation marks around arguments.
    bundle.set_use_isolating(false);
    bundle.set_formatter(Some(number_format));
    for (file, source) in files::sources(lang) {
        let resource = FluentResource::try_new(source.to_owned()).map_err(|(_, errors)| {
            LocaleError::Invalid {
                lang: code,
                file,
                detail: format!("{errors:?}"),
            }
        })?;
        bundle
            .add_resource(resource)
            .map_err(|errors| LocaleError::Invalid {
                lang: code,
                file,
                detail: format!("{errors:?}"),
            })?;
    }
    Ok(bundle)
}
