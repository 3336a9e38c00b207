//! Checks of the `.ftl` files, for `desmigratif check`: the ones built into the binary, and a
//! locales folder on disk (a translator's edited copy) against them. Each problem is one line
//! that starts with the file it is about.

use std::{
    collections::{BTreeMap, BTreeSet},
    path::Path,
};

use fluent_syntax::ast::Entry;

use super::files::{self, LOCALE_FILES};
use crate::domain::Language;

/// What a set of locale files holds, for the summary line.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct Summary {
    pub files: usize,
    /// Distinct message ids across both languages.
    pub messages: usize,
}

/// Checks the embedded files: each parses, defines each id once, and both languages have the
/// same ids in the same files.
pub fn check_embedded() -> (Summary, Vec<String>) {
    check(Path::new("locales"), |lang, file| {
        files::sources(lang)
            .find(|(name, _)| *name == file)
            .map(|(_, source)| Ok(source.to_owned()))
    })
}

/// Checks `dir/id/*.ftl` and `dir/en/*.ftl` against the embedded files: the same files, each
/// parses, and every message id the bot has is in both languages, in the same file.
pub fn check_dir(dir: &Path) -> (Summary, Vec<String>) {
    let mut problems = Vec::new();
    for lang in Language::ALL {
        let folder = dir.join(lang.code());
        let Ok(entries) = std::fs::read_dir(&folder) else {
            problems.push(format!("{}: missing folder", folder.display()));
            continue;
        };
        let mut extra: Vec<String> = entries
            .filter_map(|entry| entry.ok())
            .map(|entry| entry.file_name().to_string_lossy().into_owned())
            .filter(|name| name.ends_with(".ftl") && !LOCALE_FILES.contains(&name.as_str()))
            .collect();
        extra.sort();
        for name in extra {
            problems.push(format!(
                "{}: not one of the bot's files ({}); the bot would not read it",
                folder.join(name).display(),
                LOCALE_FILES.join(", ")
            ));
        }
    }
    let (summary, more) = check(dir, |lang, file| {
        let path = dir.join(lang.code()).join(file);
        match std::fs::read_to_string(&path) {
            Ok(source) => Some(Ok(source)),
            Err(error) if error.kind() == std::io::ErrorKind::NotFound => None,
            Err(error) => Some(Err(error.to_string())),
        }
    });
    problems.extend(more);
    (summary, problems)
}

/// The ids the bot's own files define, per file name (both languages together).
fn reference() -> BTreeMap<&'static str, BTreeSet<String>> {
    let mut ids: BTreeMap<&'static str, BTreeSet<String>> = BTreeMap::new();
    for lang in Language::ALL {
        for (file, source) in files::sources(lang) {
            ids.entry(file)
                .or_default()
                .extend(files::message_ids(source));
        }
    }
    ids
}

/// `source(lang, file)`: the file's text, `None` when it does not exist, or why it cannot be
/// read.
fn check(
    dir: &Path,
    source: impl Fn(Language, &str) -> Option<Result<String, String>>,
) -> (Summary, Vec<String>) {
    let reference = reference();
    let mut problems = Vec::new();
    for lang in Language::ALL {
        // Where each id was defined first in this language, to catch one defined twice.
        let mut defined: BTreeMap<String, String> = BTreeMap::new();
        for file in LOCALE_FILES {
            let shown = dir.join(lang.code()).join(file).display().to_string();
            let text = match source(lang, file) {
                None => {
                    problems.push(format!("{shown}: missing file"));
                    continue;
                }
                Some(Err(error)) => {
                    problems.push(format!("{shown}: cannot be read: {error}"));
                    continue;
                }
                Some(Ok(text)) => text,
            };
            let resource = match fluent_syntax::parser::parse(text.as_str()) {
                Ok(resource) => resource,
                Err((resource, errors)) => {
                    for error in errors {
                        let before = text.get(..error.pos.start).unwrap_or(&text);
                        let line = before.matches('\n').count() + 1;
                        problems.push(format!("{shown}: line {line}: {error}"));
                    }
                    resource
                }
            };
            let mut ids = BTreeSet::new();
            for entry in resource.body {
                if let Entry::Message(message) = entry {
                    let id = message.id.name.to_owned();
                    match defined.get(&id) {
                        Some(first) => problems.push(format!(
                            "{shown}: message \"{id}\" is already defined in {first}"
                        )),
                        None => {
                            defined.insert(id.clone(), shown.clone());
                        }
                    }
                    ids.insert(id);
                }
            }
            for id in reference.get(file).into_iter().flatten() {
                if !ids.contains(id) {
                    problems.push(format!("{shown}: missing message \"{id}\""));
                }
            }
        }
    }
    let summary = Summary {
        files: LOCALE_FILES.len(),
        messages: reference.values().map(BTreeSet::len).sum(),
    };
    (summary, problems)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_embedded_files_are_sound() {
        let (summary, problems) = check_embedded();
        assert!(problems.is_empty(), "{problems:?}");
        assert_eq!(summary.files, LOCALE_FILES.len());
        assert!(summary.messages > 0);
    }

    /// A copy of the embedded files in a temporary folder.
    fn copy() -> tempfile::TempDir {
        let dir = tempfile::tempdir().unwrap();
        for lang in Language::ALL {
            let folder = dir.path().join(lang.code());
            std::fs::create_dir(&folder).unwrap();
            for (file, source) in files::sources(lang) {
                std::fs::write(folder.join(file), source).unwrap();
            }
        }
        dir
    }

    #[test]
    fn a_faithful_copy_has_no_problems() {
        let dir = copy();
        let (_, problems) = check_dir(dir.path());
        assert!(problems.is_empty(), "{problems:?}");
    }

    #[test]
    fn a_syntax_error_is_reported_with_its_line() {
        let dir = copy();
        let path = dir.path().join("id").join("main.ftl");
        let text = std::fs::read_to_string(&path).unwrap();
        std::fs::write(&path, format!("{text}\nbroken-message = {{ $unclosed\n")).unwrap();
        let (_, problems) = check_dir(dir.path());
        let expected = format!("{}: line ", path.display());
        assert!(
            problems.iter().any(|p| p.starts_with(&expected)),
            "{problems:?}"
        );
    }

    #[test]
    fn missing_and_extra_files_and_twice_defined_messages_are_reported() {
        let dir = copy();
        std::fs::remove_file(dir.path().join("en").join("dates.ftl")).unwrap();
        std::fs::write(dir.path().join("en").join("extra.ftl"), "x = y\n").unwrap();
        let main = dir.path().join("id").join("main.ftl");
        let first_id = files::message_ids(&std::fs::read_to_string(&main).unwrap())[0].clone();
        let profile = dir.path().join("id").join("profile.ftl");
        let text = std::fs::read_to_string(&profile).unwrap();
        std::fs::write(&profile, format!("{text}\n{first_id} = again\n")).unwrap();
        let (_, problems) = check_dir(dir.path());
        let has = |needle: &str| problems.iter().any(|p| p.contains(needle));
        assert!(has("dates.ftl: missing file"), "{problems:?}");
        assert!(has("extra.ftl: not one of the bot's files"), "{problems:?}");
        assert!(
            has(&format!("message \"{first_id}\" is already defined in")),
            "{problems:?}"
        );
    }

    #[test]
    fn a_missing_folder_is_reported() {
        let dir = tempfile::tempdir().unwrap();
        let (_, problems) = check_dir(dir.path());
        assert!(
            problems.iter().any(|p| p.ends_with("id: missing folder")),
            "{problems:?}"
        );
    }
}
