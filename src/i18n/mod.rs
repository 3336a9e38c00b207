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
use crate::engine::{Arg, Command, Msg};

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

/// A file's words in one language (the headers and values of an export).
pub struct FileWords {
    pub locales: std::sync::Arc<Locales>,
    pub lang: Language,
}

impl crate::store::export::Words for FileWords {
    fn word(&self, id: &str) -> String {
        self.locales.message(self.lang, &Msg::new(id))
    }

    fn language(&self) -> Language {
        self.lang
    }
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
                Arg::Lines(items) => FluentValue::from(
                    items
                        .iter()
                        .map(|m| self.message(lang, m))
                        .collect::<Vec<_>>()
                        .join("\n"),
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
    pub fn command_menu(
        &self,
        lang: Language,
        menu: crate::engine::command::Menu,
    ) -> Vec<(String, String)> {
        Command::ALL
            .into_iter()
            .filter(|c| c.in_menu(menu))
            .map(|c| {
                (
                    c.name_in(lang).to_owned(),
                    self.message(lang, &Msg::new(c.description_id())),
                )
            })
            .collect()
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
