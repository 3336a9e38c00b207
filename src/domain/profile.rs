//! The choices a profile is made of. Each has a stable code (stored, and used in buttons) and
//! a Fluent id for its name.

use super::{PersonName, Phone, PlaceName, YearsAbroad};

macro_rules! choice {
    ($(#[$doc:meta])* $name:ident, $prefix:literal { $($variant:ident => $code:literal),+ $(,)? }) => {
        $(#[$doc])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize, serde::Deserialize)]
        #[serde(rename_all = "snake_case")]
        pub enum $name { $($variant),+ }

        impl $name {
            pub const ALL: &'static [$name] = &[$($name::$variant),+];

            pub fn code(self) -> &'static str {
                match self { $($name::$variant => $code),+ }
            }

            pub fn parse(code: &str) -> Option<$name> {
                match code { $($code => Some($name::$variant),)+ _ => None }
            }

            /// The Fluent id of its name.
            pub fn message_id(self) -> String {
                format!("{}-{}", $prefix, self.code())
            }
        }
    };
}
pub(crate) use choice;

choice!(
    /// Who the person is to the programme.
    Role, "role" {
        Returnee => "returnee",
        Family => "family",
        Prospective => "prospective",
    }
);

choice!(
    /// What the person would like to hear about.
    Interest, "interest" {
        Entrepreneurship => "business",
        Finance => "finance",
        Cooperative => "coop",
        Digital => "digital",
        Jobs => "jobs",
        Parenting => "parenting",
    }
);

choice!(
    /// A family member's relation to the migrant worker.
    Relation, "relation" {
        Spouse => "spouse",
        Parent => "parent",
        Child => "child",
        Sibling => "sibling",
        Other => "other",
    }
);

choice!(
    /// The sector a returnee worked in abroad.
    Sector, "sector" {
        Domestic => "domestic",
        Care => "care",
        Manufacturing => "factory",
        Agriculture => "farm",
        Construction => "construction",
        Fishery => "fishery",
        Hospitality => "hospitality",
        Other => "other",
    }
);

choice!(
    /// The common destinations of Indonesian migrant workers, offered as buttons.
    Destination, "country" {
        Malaysia => "my",
        Taiwan => "tw",
        HongKong => "hk",
        SaudiArabia => "sa",
        Singapore => "sg",
        SouthKorea => "kr",
        Japan => "jp",
    }
);

/// A country: one of the common destinations, or another one typed by the user.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Country {
    Listed(Destination),
    Other(String),
    /// A prospective worker who has not decided yet.
    Undecided,
}

impl Country {
    /// As stored: a destination code, `undecided`, or the typed name.
    pub fn to_db(&self) -> String {
        match self {
            Country::Listed(d) => d.code().to_owned(),
            Country::Undecided => "undecided".to_owned(),
            Country::Other(name) => format!("other:{name}"),
        }
    }

    pub fn from_db(value: &str) -> Country {
        if value == "undecided" {
            return Country::Undecided;
        }
        if let Some(name) = value.strip_prefix("other:") {
            return Country::Other(name.to_owned());
        }
        Destination::parse(value).map_or_else(|| Country::Other(value.to_owned()), Country::Listed)
    }

    pub fn typed(name: PlaceName) -> Country {
        Country::Other(name.as_str().to_owned())
    }
}

/// A complete registration.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Profile {
    pub user_id: i64,
    pub role: Role,
    pub name: PersonName,
    pub phone: Phone,
    pub village: PlaceName,
    /// The regency (*kabupaten* or *kota*).
    pub district: PlaceName,
    /// The village's code; `None` for someone who typed their village before villages were a
    /// list and has not chosen it from the list yet.
    pub village_code: Option<crate::domain::area::VillageCode>,
    pub country: Option<Country>,
    pub years_abroad: Option<YearsAbroad>,
    pub sector: Option<Sector>,
    pub relation: Option<Relation>,
    pub worker_abroad: Option<bool>,
    pub interests: Vec<Interest>,
    pub registered_at: i64,
}

/// Interests as stored: comma-separated codes, unknown ones skipped.
pub fn interests_from_db(value: &str) -> Vec<Interest> {
    value.split(',').filter_map(Interest::parse).collect()
}

pub fn interests_to_db(interests: &[Interest]) -> String {
    interests
        .iter()
        .map(|i| i.code())
        .collect::<Vec<_>>()
        .join(",")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_round_trip() {
        for role in Role::ALL {
            assert_eq!(Role::parse(role.code()), Some(*role));
        }
        for country in [
            Country::Listed(Destination::HongKong),
            Country::Other("Brunei".into()),
            Country::Undecided,
        ] {
            assert_eq!(Country::from_db(&country.to_db()), country);
        }
        let interests = vec![Interest::Finance, Interest::Parenting];
        assert_eq!(interests_from_db(&interests_to_db(&interests)), interests);
        assert_eq!(interests_from_db(""), vec![]);
    }
}
