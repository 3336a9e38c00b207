//! What the bot waits for next from a user. Stored as JSON in `conversations`, inside the same
//! transaction as everything else the update changed, so a conversation survives a restart.

use serde::{Deserialize, Serialize};

use super::registration::Registration;
use super::trainings::TrainingState;

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "state", rename_all = "snake_case")]
pub enum State {
    /// Not in the middle of anything.
    #[default]
    Idle,
    /// Idle, having come by a village's poster link: registration offers that village.
    Arrived {
        village: crate::areas::Hit,
    },
    Registration(Box<Registration>),
    /// An officer writing an announcement.
    Broadcast(Box<super::broadcast::Composer>),
    /// A step of the pillars feature: a question, a follow-up, a cooperative application…
    Pillars(super::pillars::PillarsState),
    /// An officer writing or changing a training.
    Training(Box<TrainingState>),
    /// A staff screen waiting for a village, a regency or a card's field.
    Staff(super::staff::StaffState),
    /// «Is this agency licensed?»: the name to look for, or the results showing.
    Agency(super::agencies::AgencyState),
}

impl State {
    /// A keyboard in place of the user's own is showing (the phone question's).
    pub fn shows_reply_keyboard(&self) -> bool {
        matches!(self, State::Registration(r) if r.step == super::registration::Step::Ask(super::registration::Field::Phone))
    }

    pub fn is_idle(&self) -> bool {
        matches!(self, State::Idle)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::registration::{Draft, Field, Mode, Registration, Step};

    #[test]
    fn every_state_survives_a_round_trip_through_the_database() {
        let states = [
            State::Idle,
            State::Arrived {
                village: crate::areas::Hit {
                    code: crate::domain::area::VillageCode::parse("3212162004").unwrap(),
                    village: "Kenanga".into(),
                    district: "Sindang".into(),
                    regency: "Indramayu".into(),
                },
            },
            State::Registration(Box::new(Registration {
                step: Step::Ask(Field::Phone),
                mode: Mode::New,
                draft: Draft {
                    name: Some("Siti".into()),
                    ..Draft::default()
                },
                choosing: Some(vec![]),
            })),
        ];
        for state in states {
            let json = serde_json::to_string(&state).unwrap();
            assert_eq!(
                serde_json::from_str::<State>(&json).unwrap(),
                state,
                "{json}"
            );
        }
    }
}
