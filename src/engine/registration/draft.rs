//! A registration being filled in, field by field.

use serde::{Deserialize, Serialize};

use crate::areas::Hit;
use crate::domain::{
    Country, Interest, PersonName, Phone, PlaceName, Profile, Relation, Role, Sector, YearsAbroad,
    area::VillageCode,
};

/// The questions of the registration, each one a field of the profile.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Field {
    Role,
    Name,
    Phone,
    Village,
    District,
    Country,
    YearsAbroad,
    Sector,
    Relation,
    WorkerWhere,
    Interests,
}

impl Field {
    pub const ALL: [Field; 11] = [
        Field::Role,
        Field::Name,
        Field::Phone,
        Field::Village,
        Field::District,
        Field::Country,
        Field::YearsAbroad,
        Field::Sector,
        Field::Relation,
        Field::WorkerWhere,
        Field::Interests,
    ];

    pub fn code(self) -> &'static str {
        match self {
            Field::Role => "role",
            Field::Name => "name",
            Field::Phone => "phone",
            Field::Village => "village",
            Field::District => "district",
            Field::Country => "country",
            Field::YearsAbroad => "years",
            Field::Sector => "sector",
            Field::Relation => "relation",
            Field::WorkerWhere => "where",
            Field::Interests => "interests",
        }
    }

    pub fn parse(code: &str) -> Option<Field> {
        Field::ALL.into_iter().find(|f| f.code() == code)
    }

    /// The questions a role is asked, in order. The regency (`District`) is no longer asked:
    /// it comes with the village chosen from the list.
    pub fn sequence(role: Option<Role>) -> Vec<Field> {
        let mut fields = vec![Field::Role, Field::Name, Field::Phone, Field::Village];
        match role {
            Some(Role::Returnee) => {
                fields.extend([Field::Country, Field::YearsAbroad, Field::Sector])
            }
            Some(Role::Family) => {
                fields.extend([Field::Relation, Field::WorkerWhere, Field::Country])
            }
            Some(Role::Prospective) => fields.push(Field::Country),
            None => {}
        }
        fields.push(Field::Interests);
        fields
    }
}

/// The answers so far. Text answers are kept as validated strings.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Draft {
    pub role: Option<Role>,
    pub name: Option<String>,
    pub phone: Option<String>,
    /// The village's name and its regency's, as listed.
    pub village: Option<String>,
    pub district: Option<String>,
    /// The village chosen from the list.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub village_code: Option<VillageCode>,
    pub country: Option<Country>,
    pub years_abroad: Option<u8>,
    pub sector: Option<Sector>,
    pub relation: Option<Relation>,
    pub worker_abroad: Option<bool>,
    pub interests: Option<Vec<Interest>>,
    /// What a poster link named before villages were a list (kept by older releases; read
    /// and not used).
    #[serde(default, skip_serializing)]
    pub village_hint: Option<String>,
    /// The village of the poster link the user came by, offered as the answer.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub village_offer: Option<Hit>,
}

impl Draft {
    pub fn has(&self, field: Field) -> bool {
        match field {
            Field::Role => self.role.is_some(),
            Field::Name => self.name.is_some(),
            Field::Phone => self.phone.is_some(),
            Field::Village => self.village_code.is_some(),
            Field::District => self.district.is_some(),
            Field::Country => self.country.is_some(),
            Field::YearsAbroad => self.years_abroad.is_some(),
            Field::Sector => self.sector.is_some(),
            Field::Relation => self.relation.is_some(),
            Field::WorkerWhere => self.worker_abroad.is_some(),
            Field::Interests => self.interests.is_some(),
        }
    }

    /// The first question not answered yet; `None` when the draft is complete.
    pub fn first_missing(&self) -> Option<Field> {
        Field::sequence(self.role)
            .into_iter()
            .find(|f| !self.has(*f))
    }

    /// A new role asks its own questions: the answers that belonged to the old one go.
    pub fn set_role(&mut self, role: Role) {
        if self.role != Some(role) {
            self.country = None;
            self.years_abroad = None;
            self.sector = None;
            self.relation = None;
            self.worker_abroad = None;
        }
        self.role = Some(role);
    }

    /// The village chosen from the list, with its regency.
    pub fn set_village(&mut self, village: &Hit) {
        self.village = Some(village.village.clone());
        self.district = Some(village.regency.clone());
        self.village_code = Some(village.code);
    }

    pub fn from_profile(profile: &Profile) -> Draft {
        Draft {
            role: Some(profile.role),
            name: Some(profile.name.as_str().to_owned()),
            phone: Some(profile.phone.as_str().to_owned()),
            village: Some(profile.village.as_str().to_owned()),
            district: Some(profile.district.as_str().to_owned()),
            village_code: profile.village_code,
            country: profile.country.clone(),
            years_abroad: profile.years_abroad.map(YearsAbroad::get),
            sector: profile.sector,
            relation: profile.relation,
            worker_abroad: profile.worker_abroad,
            interests: Some(profile.interests.clone()),
            village_hint: None,
            village_offer: None,
        }
    }

    /// The finished profile, if every question of the role is answered.
    pub fn to_profile(&self, user_id: i64, registered_at: i64) -> Option<Profile> {
        if self.first_missing().is_some() {
            return None;
        }
        let role = self.role?;
        let keep = |field: Field| Field::sequence(Some(role)).contains(&field);
        Some(Profile {
            user_id,
            role,
            name: PersonName::parse(self.name.as_deref()?).ok()?,
            phone: Phone::parse(self.phone.as_deref()?).ok()?,
            village: PlaceName::from_list(self.village.as_deref()?),
            district: PlaceName::from_list(self.district.as_deref()?),
            village_code: self.village_code,
            country: self.country.clone().filter(|_| keep(Field::Country)),
            years_abroad: self
                .years_abroad
                .and_then(YearsAbroad::new)
                .filter(|_| keep(Field::YearsAbroad)),
            sector: self.sector.filter(|_| keep(Field::Sector)),
            relation: self.relation.filter(|_| keep(Field::Relation)),
            worker_abroad: self.worker_abroad.filter(|_| keep(Field::WorkerWhere)),
            interests: self.interests.clone().unwrap_or_default(),
            registered_at,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::Destination;

    #[test]
    fn each_role_has_its_own_questions() {
        let returnee = Field::sequence(Some(Role::Returnee));
        assert!(returnee.contains(&Field::YearsAbroad) && !returnee.contains(&Field::Relation));
        let family = Field::sequence(Some(Role::Family));
        assert!(family.contains(&Field::Relation) && family.contains(&Field::WorkerWhere));
        assert_eq!(Field::sequence(Some(Role::Prospective)).len(), 6);
        assert!(!returnee.contains(&Field::District));
    }

    #[test]
    fn changing_role_drops_the_old_roles_answers() {
        let mut draft = Draft::default();
        draft.set_role(Role::Returnee);
        draft.years_abroad = Some(3);
        draft.country = Some(Country::Listed(Destination::Taiwan));
        draft.set_role(Role::Family);
        assert_eq!(draft.years_abroad, None);
        assert_eq!(draft.country, None);
    }

    #[test]
    fn a_complete_draft_becomes_a_profile() {
        let mut draft = Draft::default();
        draft.set_role(Role::Prospective);
        draft.name = Some("Siti".into());
        draft.phone = Some("+6281234567890".into());
        assert!(draft.to_profile(1, 0).is_none());
        draft.set_village(&Hit {
            code: VillageCode::parse("32.12.16.2004").unwrap(),
            village: "Kenanga".into(),
            district: "Sindang".into(),
            regency: "Indramayu".into(),
        });
        draft.country = Some(Country::Undecided);
        draft.interests = Some(vec![Interest::Jobs]);
        let profile = draft.to_profile(1, 0).unwrap();
        assert_eq!(profile.country, Some(Country::Undecided));
        assert_eq!(profile.district.as_str(), "Indramayu");
        assert_eq!(profile.village_code.unwrap().to_string(), "32.12.16.2004");
        assert_eq!(Draft::from_profile(&profile).first_missing(), None);
        for field in Field::ALL {
            assert_eq!(Field::parse(field.code()), Some(field));
        }
    }
}
