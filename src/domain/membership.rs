/// Where an application to join the cooperative stands, as officers update it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum MembershipStatus {
    /// Sent; no officer has acted on it yet.
    Applied,
    /// An officer has been in touch.
    Contacted,
    Member,
    Declined,
}

impl MembershipStatus {
    pub const ALL: [MembershipStatus; 4] = [
        MembershipStatus::Applied,
        MembershipStatus::Contacted,
        MembershipStatus::Member,
        MembershipStatus::Declined,
    ];

    /// The stable code, as stored and in buttons.
    pub fn code(self) -> &'static str {
        match self {
            MembershipStatus::Applied => "applied",
            MembershipStatus::Contacted => "contacted",
            MembershipStatus::Member => "member",
            MembershipStatus::Declined => "declined",
        }
    }

    pub fn parse(code: &str) -> Option<MembershipStatus> {
        MembershipStatus::ALL.into_iter().find(|s| s.code() == code)
    }

    /// The Fluent id of its name.
    pub fn message_id(self) -> String {
        format!("coop-status-{}", self.code())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_round_trip_and_nothing_else_parses() {
        for status in MembershipStatus::ALL {
            assert_eq!(MembershipStatus::parse(status.code()), Some(status));
        }
        for code in ["", "Member", "member ", "approved"] {
            assert_eq!(MembershipStatus::parse(code), None, "{code:?}");
        }
    }
}
