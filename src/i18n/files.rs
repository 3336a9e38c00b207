//! The `.ftl` files, embedded at build time so the binary runs from any directory.
//! Both languages have the same files; a test checks the lists against `locales/`.

use fluent_bundle::FluentResource;
use fluent_syntax::ast::Entry;

use crate::domain::Language;

macro_rules! locale_files {
    ($($file:literal),+ $(,)?) => {
        /// The file names every language has.
        pub const LOCALE_FILES: &[&str] = &[$($file),+];
        const ID: &[(&str, &str)] = &[$(($file, include_str!(concat!("../../locales/id/", $file)))),+];
        const EN: &[(&str, &str)] = &[$(($file, include_str!(concat!("../../locales/en/", $file)))),+];
    };
}

locale_files!(
    "main.ftl",
    "dates.ftl",
    "registration.ftl",
    "profile.ftl",
    "broadcast.ftl",
    "officer.ftl",
    "pillars.ftl",
    "faq.ftl",
    "questions.ftl",
    "cooperative.ftl",
    "trainings.ftl",
    "export.ftl",
    "places.ftl",
    "staff.ftl",
    "console.ftl",
    "files.ftl",
    "agencies.ftl",
    "tools.ftl",
);

/// (file name, contents) of a language's files.
pub fn sources(lang: Language) -> impl Iterator<Item = (&'static str, &'static str)> {
    match lang {
        Language::Id => ID.iter().copied(),
        Language::En => EN.iter().copied(),
    }
}

/// The message ids a source defines (terms, which start with `-`, are private to a file).
pub fn message_ids(source: &str) -> Vec<String> {
    let resource = match FluentResource::try_new(source.to_owned()) {
        Ok(resource) => resource,
        Err((resource, _)) => resource,
    };
    resource
        .entries()
        .filter_map(|entry| match entry {
            Entry::Message(message) => Some(message.id.name.to_owned()),
            _ => None,
        })
        .collect()
}
