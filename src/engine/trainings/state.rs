//! What an officer writing or changing a training is asked next.

use chrono::{DateTime, Utc};
use chrono_tz::Tz;
use serde::{Deserialize, Serialize};

use crate::domain::training::parse_start;
use crate::domain::{
    Capacity, Category, Description, FieldError, Location, Title, TrainingDetails,
};

/// The steps of a training, in the order a new one is asked for.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Field {
    TitleId,
    TitleEn,
    Category,
    StartsAt,
    Location,
    Capacity,
    DescriptionId,
    DescriptionEn,
}

impl Field {
    pub const ALL: [Field; 8] = [
        Field::TitleId,
        Field::TitleEn,
        Field::Category,
        Field::StartsAt,
        Field::Location,
        Field::Capacity,
        Field::DescriptionId,
        Field::DescriptionEn,
    ];

    /// The short code in button data.
    pub fn code(self) -> &'static str {
        match self {
            Field::TitleId => "ti",
            Field::TitleEn => "te",
            Field::Category => "ca",
            Field::StartsAt => "st",
            Field::Location => "lo",
            Field::Capacity => "cp",
            Field::DescriptionId => "di",
            Field::DescriptionEn => "de",
        }
    }

    pub fn parse(code: &str) -> Option<Field> {
        Field::ALL.into_iter().find(|f| f.code() == code)
    }
}

/// A training being written, each part already checked.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Draft {
    pub title_id: Option<Title>,
    pub title_en: Option<Title>,
    pub category: Option<Category>,
    pub starts_at: Option<i64>,
    pub location: Option<Location>,
    pub capacity: Option<Capacity>,
    pub description_id: Option<Description>,
    pub description_en: Option<Description>,
}

impl Draft {
    /// Checks what the officer typed for `field` and keeps it.
    pub fn set(
        &mut self,
        field: Field,
        input: &str,
        tz: Tz,
        now: DateTime<Utc>,
    ) -> Result<(), FieldError> {
        // An English the same as the Indonesian means there is none (everyone reads the
        // Indonesian): it follows a change of the Indonesian.
        let follows = match field {
            Field::TitleId => self.title_en.is_some() && self.title_en == self.title_id,
            Field::DescriptionId => {
                self.description_en.is_some() && self.description_en == self.description_id
            }
            _ => false,
        };
        match field {
            Field::TitleId => self.title_id = Some(Title::parse(input)?),
            Field::TitleEn => self.title_en = Some(Title::parse(input)?),
            Field::Category => {
                self.category =
                    Some(Category::parse(input.trim()).ok_or(FieldError::UnknownCategory)?);
            }
            Field::StartsAt => self.starts_at = Some(parse_start(input, tz, now)?.timestamp()),
            Field::Location => self.location = Some(Location::parse(input)?),
            Field::Capacity => self.capacity = Some(Capacity::parse(input)?),
            Field::DescriptionId => self.description_id = Some(Description::parse(input)?),
            Field::DescriptionEn => self.description_en = Some(Description::parse(input)?),
        }
        if follows {
            match field {
                Field::TitleId => self.same_as_indonesian(Field::TitleEn),
                _ => self.same_as_indonesian(Field::DescriptionEn),
            };
        }
        Ok(())
    }

    /// No English for `field` (the title or the description): the Indonesian one, shown to
    /// everyone. `false` when there is no Indonesian one yet, or `field` is not English.
    pub fn same_as_indonesian(&mut self, field: Field) -> bool {
        match field {
            Field::TitleEn => {
                self.title_en = self.title_id.clone();
                self.title_en.is_some()
            }
            Field::DescriptionEn => {
                self.description_en = self.description_id.clone();
                self.description_en.is_some()
            }
            _ => false,
        }
    }

    /// The first part not written yet: what to ask for next.
    pub fn missing(&self) -> Option<Field> {
        Field::ALL.into_iter().find(|field| match field {
            Field::TitleId => self.title_id.is_none(),
            Field::TitleEn => self.title_en.is_none(),
            Field::Category => self.category.is_none(),
            Field::StartsAt => self.starts_at.is_none(),
            Field::Location => self.location.is_none(),
            Field::Capacity => self.capacity.is_none(),
            Field::DescriptionId => self.description_id.is_none(),
            Field::DescriptionEn => self.description_en.is_none(),
        })
    }

    /// The training, once every part is there.
    pub fn complete(&self) -> Option<TrainingDetails> {
        Some(TrainingDetails {
            title_id: self.title_id.clone()?,
            title_en: self.title_en.clone()?,
            category: self.category?,
            starts_at: self.starts_at?,
            location: self.location.clone()?,
            capacity: self.capacity?,
            description_id: self.description_id.clone()?,
            description_en: self.description_en.clone()?,
        })
    }
}

impl From<TrainingDetails> for Draft {
    fn from(details: TrainingDetails) -> Draft {
        Draft {
            title_id: Some(details.title_id),
            title_en: Some(details.title_en),
            category: Some(details.category),
            starts_at: Some(details.starts_at),
            location: Some(details.location),
            capacity: Some(details.capacity),
            description_id: Some(details.description_id),
            description_en: Some(details.description_en),
        }
    }
}

/// What the bot waits for from an officer working on a training.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "training", rename_all = "snake_case")]
pub enum TrainingState {
    /// Writing a new training; `awaiting` is the part asked for.
    Drafting { draft: Draft, awaiting: Field },
    /// The new training is complete and shown for a last look before it is saved.
    Previewing { details: TrainingDetails },
    /// Changing one part of a saved training.
    Editing { training_id: i64, awaiting: Field },
}

#[cfg(test)]
mod tests {
    use chrono::TimeZone;

    use super::*;
    use crate::engine::State;

    #[test]
    fn field_codes_round_trip() {
        for field in Field::ALL {
            assert_eq!(Field::parse(field.code()), Some(field));
        }
    }

    #[test]
    fn a_draft_is_complete_once_every_part_is_set_and_survives_a_restart() {
        let now = Utc.with_ymd_and_hms(2026, 12, 1, 3, 0, 0).unwrap();
        let tz = chrono_tz::Asia::Jakarta;
        let mut draft = Draft::default();
        let inputs = [
            "Wirausaha",
            "Entrepreneurship",
            "business",
            "2026-12-05 09:00",
            "Balai Desa",
            "20",
            "Belajar usaha.",
            "Learn business.",
        ];
        for (field, input) in Field::ALL.into_iter().zip(inputs) {
            assert!(draft.complete().is_none());
            assert_eq!(draft.missing(), Some(field), "asked in order");
            draft.set(field, input, tz, now).unwrap();
        }
        assert_eq!(draft.missing(), None);
        let details = draft.complete().unwrap();
        assert_eq!(Draft::from(details.clone()), draft);
        assert_eq!(
            draft.set(Field::Capacity, "0", tz, now),
            Err(FieldError::CapacityRange)
        );

        let state = State::Training(Box::new(TrainingState::Previewing { details }));
        let json = serde_json::to_string(&state).unwrap();
        assert_eq!(serde_json::from_str::<State>(&json).unwrap(), state);
    }
}
