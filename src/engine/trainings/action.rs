//! The trainings' buttons, written as `1:tr:<op>:<fields>`.

use serde::{Deserialize, Serialize};

use super::state::Field;
use crate::domain::Category;
use crate::engine::action::{FeatureAction, parse_id};

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum TrainingAction {
    /// A page of upcoming trainings, from 1.
    List {
        page: u32,
    },
    /// One training's details.
    Open(i64),
    /// Sign up: a seat, or the waitlist when it is full.
    Join(i64),
    /// My sign-ups.
    Mine,
    /// Asks whether to give up a seat or leave the waitlist.
    Leave(i64),
    LeaveConfirmed(i64),
    /// Officers: start writing a new training.
    New,
    /// Officers: the category of the training being written.
    DraftCategory(Category),
    /// Officers: no English title or description: the Indonesian one is shown to everyone.
    DraftSkipEnglish(Field),
    /// Officers: change one part of the training being written (from its preview).
    DraftChange(Field),
    /// Officers: back to the preview, the part left as it was.
    DraftPreview,
    /// Officers: save the training being written (for their one area).
    SaveDraft,
    /// Staff of several areas: save it for this one (as stored: see `Area::to_db`).
    SaveDraftFor(i64),
    /// Officers: an empty trainings spreadsheet to fill in.
    Template,
    /// Officers: choose what to change.
    Edit(i64),
    EditField(i64, Field),
    EditCategory(i64, Category),
    /// Officers: stop / resume taking sign-ups.
    Close(i64),
    Reopen(i64),
    /// Officers: asks whether to cancel the training.
    Cancel(i64),
    CancelConfirmed(i64),
    /// Officers: the participant list as a file.
    Participants(i64),
    /// Officers: the participants in the chat, a page at a time (from 1); page 0 opens the list
    /// as a new message (at page 1).
    People(i64, u32),
}

impl FeatureAction for TrainingAction {
    const TAG: &'static str = "tr";

    fn fields(&self) -> Vec<String> {
        use TrainingAction as A;
        let op = |op: &str, id: &i64| vec![op.to_owned(), id.to_string()];
        match self {
            A::List { page } => vec!["l".into(), page.to_string()],
            A::Open(id) => op("o", id),
            A::Join(id) => op("j", id),
            A::Mine => vec!["m".into()],
            A::Leave(id) => op("x", id),
            A::LeaveConfirmed(id) => op("xy", id),
            A::New => vec!["n".into()],
            A::DraftCategory(category) => vec!["nc".into(), category.code().into()],
            A::DraftSkipEnglish(field) => vec!["nse".into(), field.code().into()],
            A::DraftChange(field) => vec!["nf".into(), field.code().into()],
            A::DraftPreview => vec!["nv".into()],
            A::SaveDraft => vec!["ns".into()],
            A::SaveDraftFor(area) => vec!["nsa".into(), area.to_string()],
            A::Template => vec!["t".into()],
            A::Edit(id) => op("e", id),
            A::EditField(id, field) => vec!["ef".into(), id.to_string(), field.code().into()],
            A::EditCategory(id, category) => {
                vec!["ec".into(), id.to_string(), category.code().into()]
            }
            A::Close(id) => op("c", id),
            A::Reopen(id) => op("r", id),
            A::Cancel(id) => op("k", id),
            A::CancelConfirmed(id) => op("ky", id),
            A::Participants(id) => op("p", id),
            A::People(id, page) => vec!["pp".into(), id.to_string(), page.to_string()],
        }
    }

    fn parse(fields: &[&str]) -> Option<TrainingAction> {
        use TrainingAction as A;
        Some(match fields {
            ["l", page] => A::List {
                page: u32::try_from(parse_id(page)?).ok()?,
            },
            ["o", id] => A::Open(parse_id(id)?),
            ["j", id] => A::Join(parse_id(id)?),
            ["m"] => A::Mine,
            ["x", id] => A::Leave(parse_id(id)?),
            ["xy", id] => A::LeaveConfirmed(parse_id(id)?),
            ["n"] => A::New,
            ["nc", category] => A::DraftCategory(Category::parse(category)?),
            ["nse", field] => A::DraftSkipEnglish(
                Field::parse(field)
                    .filter(|f| matches!(f, Field::TitleEn | Field::DescriptionEn))?,
            ),
            ["nf", field] => A::DraftChange(Field::parse(field)?),
            ["nv"] => A::DraftPreview,
            ["ns"] => A::SaveDraft,
            ["nsa", area] => A::SaveDraftFor(parse_id(area)?),
            ["t"] => A::Template,
            ["e", id] => A::Edit(parse_id(id)?),
            ["ef", id, field] => A::EditField(parse_id(id)?, Field::parse(field)?),
            ["ec", id, category] => A::EditCategory(parse_id(id)?, Category::parse(category)?),
            ["c", id] => A::Close(parse_id(id)?),
            ["r", id] => A::Reopen(parse_id(id)?),
            ["k", id] => A::Cancel(parse_id(id)?),
            ["ky", id] => A::CancelConfirmed(parse_id(id)?),
            ["p", id] => A::Participants(parse_id(id)?),
            ["pp", id, "0"] => A::People(parse_id(id)?, 0),
            ["pp", id, page] => A::People(
                parse_id(id)?,
                u32::try_from(parse_id(page)?)
                    .ok()
                    .filter(|p| *p <= 1_000)?,
            ),
            _ => return None,
        })
    }
}
