//! The programme's staff and what each may see: an admin the whole country, a coordinator
//! their regencies, a village officer their villages. Scope is data, checked in one place.

use std::collections::BTreeSet;

use super::area::{RegencyCode, VillageCode};

super::profile::choice!(
    /// A staff member's role.
    StaffRole, "staff-role" {
        Admin => "admin",
        Coordinator => "coordinator",
        Officer => "officer",
    }
);

super::profile::choice!(
    /// Who answers for a piece of work now: the officers of its village, the coordinators of
    /// its regency, or the admins.
    Level, "staff-level" {
        Village => "village",
        Regency => "regency",
        Country => "country",
    }
);

impl Level {
    /// The level above, if any.
    pub fn up(self) -> Option<Level> {
        match self {
            Level::Village => Some(Level::Regency),
            Level::Regency => Some(Level::Country),
            Level::Country => None,
        }
    }

    /// The area at this level for work from `village` (none known: the admins').
    pub fn area(self, village: Option<VillageCode>) -> Area {
        match (self, village) {
            (Level::Village, Some(v)) => Area::Village(v),
            (Level::Regency, Some(v)) => Area::Regency(v.regency()),
            _ => Area::Country,
        }
    }
}

/// The area a role serves, as stored: 0 for the whole country, a regency's code for a
/// coordinator, a village's for an officer.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Area {
    Country,
    Regency(RegencyCode),
    Village(VillageCode),
}

impl Area {
    pub fn to_db(self) -> i64 {
        match self {
            Area::Country => 0,
            Area::Regency(code) => code.get(),
            Area::Village(code) => code.get(),
        }
    }

    /// The area a stored number names for `role`; `None` when it cannot be one of its.
    pub fn from_db(role: StaffRole, number: i64) -> Option<Area> {
        match role {
            StaffRole::Admin => (number == 0).then_some(Area::Country),
            StaffRole::Coordinator => RegencyCode::from_number(number).map(Area::Regency),
            StaffRole::Officer => VillageCode::from_number(number).map(Area::Village),
        }
    }

    /// Any area, as stored by `to_db` (0, a regency's code or a village's): each has its own
    /// number of digits.
    pub fn from_stored(number: i64) -> Option<Area> {
        if number == 0 {
            return Some(Area::Country);
        }
        RegencyCode::from_number(number)
            .map(Area::Regency)
            .or_else(|| VillageCode::from_number(number).map(Area::Village))
    }

    /// The role whose area this is.
    pub fn role(self) -> StaffRole {
        match self {
            Area::Country => StaffRole::Admin,
            Area::Regency(_) => StaffRole::Coordinator,
            Area::Village(_) => StaffRole::Officer,
        }
    }
}

/// What a staff member may see and act on.
#[derive(Clone, Debug, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Scope {
    #[default]
    Country,
    Regencies(BTreeSet<RegencyCode>),
    Villages(BTreeSet<VillageCode>),
}

impl Scope {
    pub fn of(areas: &[Area]) -> Scope {
        if areas.contains(&Area::Country) {
            return Scope::Country;
        }
        let regencies: BTreeSet<RegencyCode> = areas
            .iter()
            .filter_map(|a| match a {
                Area::Regency(code) => Some(*code),
                _ => None,
            })
            .collect();
        if !regencies.is_empty() {
            return Scope::Regencies(regencies);
        }
        Scope::Villages(
            areas
                .iter()
                .filter_map(|a| match a {
                    Area::Village(code) => Some(*code),
                    _ => None,
                })
                .collect(),
        )
    }

    pub fn covers_village(&self, village: VillageCode) -> bool {
        match self {
            Scope::Country => true,
            Scope::Regencies(regencies) => regencies.contains(&village.regency()),
            Scope::Villages(villages) => villages.contains(&village),
        }
    }

    /// The whole regency is within it (an officer's villages never are).
    pub fn covers_regency(&self, regency: RegencyCode) -> bool {
        match self {
            Scope::Country => true,
            Scope::Regencies(regencies) => regencies.contains(&regency),
            Scope::Villages(_) => false,
        }
    }

    pub fn covers(&self, area: Area) -> bool {
        match area {
            Area::Country => *self == Scope::Country,
            Area::Regency(code) => self.covers_regency(code),
            Area::Village(code) => self.covers_village(code),
        }
    }
}

/// Who may invite (and remove) whom: admins anyone, coordinators village officers of their
/// regencies, officers nobody.
pub fn may_appoint(role: StaffRole, scope: &Scope, area: Area) -> bool {
    match role {
        StaffRole::Admin => true,
        StaffRole::Coordinator => area.role() == StaffRole::Officer && scope.covers(area),
        StaffRole::Officer => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn village(code: &str) -> VillageCode {
        VillageCode::parse(code).unwrap()
    }

    #[test]
    fn each_role_sees_its_own_area() {
        let indramayu = RegencyCode::parse("32.12").unwrap();
        let kenanga = village("32.12.16.2004");
        let wonosobo_village = village("33.07.10.2004");
        let coordinator = Scope::of(&[Area::Regency(indramayu)]);
        assert!(coordinator.covers_village(kenanga));
        assert!(!coordinator.covers_village(wonosobo_village));
        let officer = Scope::of(&[Area::Village(kenanga)]);
        assert!(officer.covers_village(kenanga));
        assert!(!officer.covers_village(village("32.12.16.2005")));
        assert!(!officer.covers_regency(indramayu));
        assert!(Scope::of(&[Area::Country]).covers_village(wonosobo_village));
        assert!(!coordinator.covers(Area::Country));
    }

    #[test]
    fn coordinators_appoint_only_officers_of_their_regencies() {
        let indramayu = RegencyCode::parse("32.12").unwrap();
        let scope = Scope::of(&[Area::Regency(indramayu)]);
        let here = Area::Village(village("32.12.16.2004"));
        let there = Area::Village(village("33.07.10.2004"));
        assert!(may_appoint(StaffRole::Coordinator, &scope, here));
        assert!(!may_appoint(StaffRole::Coordinator, &scope, there));
        assert!(!may_appoint(
            StaffRole::Coordinator,
            &scope,
            Area::Regency(indramayu)
        ));
        assert!(!may_appoint(StaffRole::Officer, &Scope::of(&[here]), here));
        assert!(may_appoint(
            StaffRole::Admin,
            &Scope::Country,
            Area::Country
        ));
    }

    #[test]
    fn stored_areas_read_back_only_for_their_role() {
        for area in [
            Area::Country,
            Area::Regency(RegencyCode::parse("32.12").unwrap()),
            Area::Village(village("32.12.16.2004")),
        ] {
            assert_eq!(Area::from_db(area.role(), area.to_db()), Some(area));
        }
        assert_eq!(Area::from_db(StaffRole::Officer, 3212), None);
        assert_eq!(Area::from_db(StaffRole::Admin, 3212), None);
    }
}
