//! Who an announcement goes to.

use serde::{Deserialize, Serialize};

use super::{Language, Role};

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Audience {
    /// Everyone who has started the bot and not blocked it.
    Everyone,
    Role(Role),
    /// Registered people of one village (any letter case).
    Village(String),
    /// People whose bot language is this one.
    Language(Language),
    /// People with a seat on a training.
    Training(i64),
}
