//! What the bot waits for next from a user. Stored as JSON in `conversations`, inside the same
//! transaction as everything else the update changed, so a conversation survives a restart.

use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "step", rename_all = "snake_case")]
pub enum State {
    /// Not in the middle of anything.
    #[default]
    Idle,
    /// A step of the pillars feature: a question, a follow-up, a cooperative application…
    Pillars(super::pillars::PillarsState),
}

impl State {
    pub fn is_idle(&self) -> bool {
        matches!(self, State::Idle)
    }
}
