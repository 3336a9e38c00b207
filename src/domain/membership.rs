super::profile::choice!(
    /// Where an application to join the cooperative stands, as officers update it: sent and
    /// not yet acted on, an officer has been in touch, a member, or declined.
    MembershipStatus, "coop-status" {
        Applied => "applied",
        Contacted => "contacted",
        Member => "member",
        Declined => "declined",
    }
);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_round_trip_and_nothing_else_parses() {
        for &status in MembershipStatus::ALL {
            assert_eq!(MembershipStatus::parse(status.code()), Some(status));
        }
        for code in ["", "Member", "member ", "approved"] {
            assert_eq!(MembershipStatus::parse(code), None, "{code:?}");
        }
    }
}
