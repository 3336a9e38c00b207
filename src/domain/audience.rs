//! Who an announcement goes to.

use serde::{Deserialize, Serialize};

use super::{
    Destination, Interest, Language, Role,
    area::{DistrictCode, RegencyCode, VillageCode},
    staff::Scope,
};

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Audience {
    /// Everyone who has started the bot and not blocked it.
    Everyone,
    Role(Role),
    /// Registered people of one village typed by name (any letter case): announcements
    /// written before villages were a list.
    Village(String),
    /// People whose bot language is this one.
    Language(Language),
    /// People with a seat on a training.
    Training(i64),
    /// People who match every part of the filter, within the sender's area.
    Filter(Filter),
}

/// A place people registered in.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Place {
    Village(VillageCode),
    District(DistrictCode),
    Regency(RegencyCode),
}

/// An audience made of parts: each part lists the values any of which will do (none listed:
/// anyone), and a person must match every part. Everything is within `within`, the sender's
/// area when they wrote it, so a coordinator's announcement reaches their regencies only.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Filter {
    #[serde(default)]
    pub within: Scope,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub places: Vec<Place>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub roles: Vec<Role>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub interests: Vec<Interest>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub countries: Vec<Destination>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub languages: Vec<Language>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub training: Option<i64>,
}

impl Filter {
    /// Everyone within `within`.
    pub fn within(within: Scope) -> Filter {
        Filter {
            within,
            ..Filter::default()
        }
    }

    /// Only registered people can match (anything but languages, for the whole country).
    pub fn needs_profile(&self) -> bool {
        self.within != Scope::Country
            || !self.places.is_empty()
            || !self.roles.is_empty()
            || !self.interests.is_empty()
            || !self.countries.is_empty()
    }

    /// Nothing chosen beyond the sender's area.
    pub fn is_empty(&self) -> bool {
        self.places.is_empty()
            && self.roles.is_empty()
            && self.interests.is_empty()
            && self.countries.is_empty()
            && self.languages.is_empty()
            && self.training.is_none()
    }
}

/// Adds `value` to `list`, or takes it out if it is there.
pub fn toggle<T: PartialEq>(list: &mut Vec<T>, value: T) {
    match list.iter().position(|v| *v == value) {
        Some(at) => {
            list.remove(at);
        }
        None => list.push(value),
    }
}
