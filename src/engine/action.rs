//! What a button does, and its encoding as Telegram callback data.
//!
//! Callback data comes back from the user's phone and is untrusted: anybody can send any
//! 1..64 bytes. It is parsed like any other input; whatever does not parse is an old or
//! forged button and gets a hint. The first field is a format version so that buttons sent by
//! an older release are recognised as old rather than misread.

use serde::{Deserialize, Serialize};

use super::{
    agencies::AgencyAction, broadcast::BroadcastAction, officer::ExportAction,
    pillars::PillarsAction, profile::ProfileAction, registration::RegAction, staff::StaffAction,
    trainings::TrainingAction,
};
use crate::domain::Language;

const VERSION: &str = "1";
/// Telegram's limit on callback data, in bytes.
pub const MAX_CALLBACK_BYTES: usize = 64;

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Action {
    /// Show the main menu.
    Menu,
    Help,
    /// Offer the language choice.
    LanguageMenu,
    SetLanguage(Language),
    /// Leave the current step.
    Cancel,
    Registration(RegAction),
    Profile(ProfileAction),
    Broadcast(BroadcastAction),
    Export(ExportAction),
    /// The pillars' pages, the FAQ, questions and the cooperative.
    Pillars(PillarsAction),
    Training(TrainingAction),
    /// The programme's staff (/petugas), invitations, contact cards, «Petugas desa saya».
    Staff(StaffAction),
    /// «Is this agency licensed?» and officers' marks on companies.
    Agency(AgencyAction),
    /// Staff: one of their tools, from the main menu (as its command does).
    Tool(Tool),
}

/// The staff's tools in the main menu: each does what its command does.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Tool {
    Broadcast,
    NewTraining,
    Stats,
    Export,
    Officers,
    Console,
}

impl Tool {
    pub const ALL: [Tool; 6] = [
        Tool::Broadcast,
        Tool::NewTraining,
        Tool::Stats,
        Tool::Export,
        Tool::Officers,
        Tool::Console,
    ];

    pub fn code(self) -> &'static str {
        match self {
            Tool::Broadcast => "bc",
            Tool::NewTraining => "newtr",
            Tool::Stats => "stats",
            Tool::Export => "export",
            Tool::Officers => "staff",
            Tool::Console => "console",
        }
    }

    pub fn parse(code: &str) -> Option<Tool> {
        Tool::ALL.into_iter().find(|t| t.code() == code)
    }

    /// The Fluent id of its button.
    pub fn message_id(self) -> String {
        format!("menu-tool-{}", self.code())
    }

    /// The command it does.
    pub fn command(self) -> super::Command {
        use super::Command as C;
        match self {
            Tool::Broadcast => C::Broadcast,
            Tool::NewTraining => C::NewTraining,
            Tool::Stats => C::Stats,
            Tool::Export => C::Export,
            Tool::Officers => C::Officers,
            Tool::Console => C::Console,
        }
    }
}

#[derive(Debug, thiserror::Error, PartialEq, Eq)]
#[error("unrecognised button data")]
pub struct UnknownAction;

/// A feature's own buttons: each feature module defines an enum of what its buttons do and
/// how they are written as fields after the feature's tag (`1:<tag>:<field>:<field>`).
/// Fields must not contain `:`; the whole must stay within 64 bytes.
pub trait FeatureAction: Sized {
    /// The feature's tag, unique among features.
    const TAG: &'static str;
    fn fields(&self) -> Vec<String>;
    /// `None` for fields no button of this feature could carry.
    fn parse(fields: &[&str]) -> Option<Self>;
}

fn feature<A: FeatureAction>(action: &A) -> Vec<String> {
    let mut fields = vec![A::TAG.to_owned()];
    fields.extend(action.fields());
    fields
}

/// Parses an id that can only be a positive decimal number (no sign, no leading zero).
pub fn parse_id(field: &str) -> Option<i64> {
    if field.starts_with('0') || field.starts_with('+') {
        return None;
    }
    field.parse::<i64>().ok().filter(|id| *id > 0)
}

impl Action {
    pub fn encode(&self) -> String {
        let fields: Vec<String> = match self {
            Action::Menu => vec!["menu".into()],
            Action::Help => vec!["help".into()],
            Action::LanguageMenu => vec!["lang".into()],
            Action::SetLanguage(l) => vec!["lang".into(), l.code().into()],
            Action::Cancel => vec!["cancel".into()],
            Action::Registration(a) => feature(a),
            Action::Profile(a) => feature(a),
            Action::Broadcast(a) => feature(a),
            Action::Export(a) => feature(a),
            Action::Pillars(a) => feature(a),
            Action::Training(a) => feature(a),
            Action::Staff(a) => feature(a),
            Action::Agency(a) => feature(a),
            Action::Tool(tool) => vec!["tool".into(), tool.code().into()],
        };
        let mut data = String::from(VERSION);
        for field in fields {
            data.push(':');
            data.push_str(&field);
        }
        data
    }

    pub fn parse(data: &str) -> Result<Action, UnknownAction> {
        if data.is_empty() || data.len() > MAX_CALLBACK_BYTES {
            return Err(UnknownAction);
        }
        let mut fields = data.split(':');
        if fields.next() != Some(VERSION) {
            return Err(UnknownAction);
        }
        let fields: Vec<&str> = fields.collect();
        let action = match fields.as_slice() {
            ["menu"] => Action::Menu,
            ["help"] => Action::Help,
            ["lang"] => Action::LanguageMenu,
            ["lang", code] => Action::SetLanguage(Language::parse(code).ok_or(UnknownAction)?),
            ["cancel"] => Action::Cancel,
            ["tool", code] => Action::Tool(Tool::parse(code).ok_or(UnknownAction)?),
            [RegAction::TAG, rest @ ..] => {
                Action::Registration(RegAction::parse(rest).ok_or(UnknownAction)?)
            }
            [ExportAction::TAG, rest @ ..] => {
                Action::Export(ExportAction::parse(rest).ok_or(UnknownAction)?)
            }
            [BroadcastAction::TAG, rest @ ..] => {
                Action::Broadcast(BroadcastAction::parse(rest).ok_or(UnknownAction)?)
            }
            [ProfileAction::TAG, rest @ ..] => {
                Action::Profile(ProfileAction::parse(rest).ok_or(UnknownAction)?)
            }
            [PillarsAction::TAG, rest @ ..] => {
                Action::Pillars(PillarsAction::parse(rest).ok_or(UnknownAction)?)
            }
            [TrainingAction::TAG, rest @ ..] => {
                Action::Training(TrainingAction::parse(rest).ok_or(UnknownAction)?)
            }
            [StaffAction::TAG, rest @ ..] => {
                Action::Staff(StaffAction::parse(rest).ok_or(UnknownAction)?)
            }
            [AgencyAction::TAG, rest @ ..] => {
                Action::Agency(AgencyAction::parse(rest).ok_or(UnknownAction)?)
            }
            _ => return Err(UnknownAction),
        };
        // Only the canonical spelling is accepted (no "EN", no spaces).
        if action.encode() != data {
            return Err(UnknownAction);
        }
        Ok(action)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn all_actions() -> Vec<Action> {
        let base = vec![
            Action::Menu,
            Action::Help,
            Action::LanguageMenu,
            Action::SetLanguage(Language::Id),
            Action::SetLanguage(Language::En),
            Action::Cancel,
        ];
        use crate::domain::{Destination, Interest, Relation, Role, Sector};
        use crate::engine::broadcast::AudienceChoice;
        use crate::engine::places::Pick;
        use crate::engine::registration::Field;
        let mut registration = vec![
            RegAction::Agree,
            RegAction::Decline,
            RegAction::CountryOther,
            RegAction::CountryUndecided,
            RegAction::WorkerAbroad(true),
            RegAction::WorkerAbroad(false),
            RegAction::InterestsDone,
            RegAction::UseHint,
            RegAction::Back,
            RegAction::Save,
        ];
        registration.extend(Role::ALL.iter().map(|r| RegAction::Role(*r)));
        registration.extend(Destination::ALL.iter().map(|d| RegAction::Country(*d)));
        registration.extend(Sector::ALL.iter().map(|s| RegAction::Sector(*s)));
        registration.extend(Relation::ALL.iter().map(|r| RegAction::Relation(*r)));
        registration.extend(Interest::ALL.iter().map(|i| RegAction::Interest(*i)));
        registration.extend(Field::ALL.iter().map(|f| RegAction::Edit(*f)));
        let mut actions = base;
        actions.extend(registration.into_iter().map(Action::Registration));
        actions.extend(
            [
                ProfileAction::Show,
                ProfileAction::MyData,
                ProfileAction::Delete,
                ProfileAction::DeleteConfirmed,
            ]
            .into_iter()
            .chain(Field::ALL.iter().map(|f| ProfileAction::Edit(*f)))
            .map(Action::Profile),
        );
        let big = i64::MAX;
        actions.extend(
            [
                BroadcastAction::AddOther,
                BroadcastAction::SkipOther,
                BroadcastAction::Audience(AudienceChoice::Everyone),
                BroadcastAction::Audience(AudienceChoice::Village),
                BroadcastAction::Audience(AudienceChoice::Role(Role::Family)),
                BroadcastAction::Audience(AudienceChoice::Language(Language::En)),
                BroadcastAction::Now,
                BroadcastAction::Later,
                BroadcastAction::Send,
                BroadcastAction::EditText,
                BroadcastAction::Pause(big),
                BroadcastAction::Resume(1),
                BroadcastAction::Stop(big),
                BroadcastAction::Training(big),
                BroadcastAction::Back,
                BroadcastAction::Audience(AudienceChoice::Training),
            ]
            .into_iter()
            .map(Action::Broadcast),
        );
        actions.extend(
            crate::store::export::Table::ALL
                .into_iter()
                .map(|t| Action::Export(ExportAction::File(t))),
        );
        actions.extend(
            crate::engine::pillars::every_action()
                .into_iter()
                .map(Action::Pillars),
        );
        actions.extend(training_actions().into_iter().map(Action::Training));
        actions.extend(staff_actions().into_iter().map(Action::Staff));
        let picks = [
            Pick::Village(crate::domain::area::VillageCode::parse("9506032001").unwrap()),
            Pick::NotListed,
            Pick::ByRegency,
            Pick::Regency(crate::domain::area::RegencyCode::parse("9506").unwrap()),
            Pick::District(
                crate::domain::area::DistrictCode::parse("950603").unwrap(),
                99,
            ),
        ];
        actions.extend(
            picks
                .iter()
                .map(|p| Action::Registration(RegAction::Place(*p))),
        );
        actions.extend(picks.iter().map(|p| Action::Staff(StaffAction::Place(*p))));
        actions
    }

    fn staff_actions() -> Vec<StaffAction> {
        use crate::domain::staff::StaffRole;
        use crate::store::staff::CardField;
        let big = i64::MAX;
        let mut actions = vec![
            StaffAction::Home,
            StaffAction::List,
            StaffAction::Member(big),
            StaffAction::Remove(big),
            StaffAction::RemoveConfirmed(big),
            StaffAction::Invite,
            StaffAction::Invitations,
            StaffAction::CancelInvitation(big),
            StaffAction::Accept("f".repeat(32)),
            StaffAction::Decline,
            StaffAction::Programme,
            StaffAction::MarkVillage,
            StaffAction::Unmark(crate::domain::area::VillageCode::parse("9506032001").unwrap()),
            StaffAction::Card,
            StaffAction::MyOfficer,
        ];
        actions.extend(StaffRole::ALL.iter().map(|r| StaffAction::InviteAs(*r)));
        actions.extend(CardField::ALL.iter().map(|f| StaffAction::EditCard(*f)));
        actions
    }

    fn training_actions() -> Vec<TrainingAction> {
        use crate::domain::Category;
        use crate::engine::trainings::Field;
        use TrainingAction as T;
        let big = i64::MAX;
        let mut actions = vec![
            T::List { page: 1 },
            T::List { page: u32::MAX },
            T::Mine,
            T::New,
            T::SaveDraft,
            T::SaveDraftFor(3_212_162_004),
            T::Template,
        ];
        for id in [1, big] {
            actions.extend([
                T::Open(id),
                T::Join(id),
                T::Leave(id),
                T::LeaveConfirmed(id),
                T::Edit(id),
                T::Close(id),
                T::Reopen(id),
                T::Cancel(id),
                T::CancelConfirmed(id),
                T::Participants(id),
            ]);
            actions.extend(Field::ALL.map(|field| T::EditField(id, field)));
            actions.extend(
                Category::ALL
                    .iter()
                    .map(|category| T::EditCategory(id, *category)),
            );
        }
        actions.extend(
            Category::ALL
                .iter()
                .map(|category| T::DraftCategory(*category)),
        );
        actions
    }

    #[test]
    fn every_action_round_trips_within_telegrams_limit() {
        for action in all_actions() {
            let data = action.encode();
            assert!(data.len() <= MAX_CALLBACK_BYTES, "{data}");
            assert_eq!(Action::parse(&data), Ok(action));
        }
    }

    #[test]
    fn forged_or_old_data_is_refused() {
        for data in [
            "",
            "menu",
            "0:menu",
            "1:lang:fr",
            "1:lang:EN",
            "1:menu:extra",
            "2:menu",
            "1:",
            "1:💥",
            "1:tr",
            "1:tr:o",
            "1:tr:o:0",
            "1:tr:o:007",
            "1:tr:o:-1",
            "1:tr:o:+1",
            "1:tr:o:1:2",
            "1:tr:o:99999999999999999999",
            "1:tr:l:0",
            "1:tr:l:4294967296",
            "1:tr:nc:cooking",
            "1:tr:ef:1:zz",
            "1:tr:ec:1:BUSINESS",
            "1:tr:zz:1",
        ] {
            assert_eq!(Action::parse(data), Err(UnknownAction), "{data:?}");
        }
        assert_eq!(
            Action::parse(&format!("1:{}", "x".repeat(70))),
            Err(UnknownAction)
        );
    }
}
