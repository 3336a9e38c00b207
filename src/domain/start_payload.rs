/// What a `/start` deep link (`t.me/<bot>?start=<payload>`) asks for, e.g. from a QR code on a
/// poster in the village hall.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum StartPayload {
    /// Plain `/start`.
    None,
    /// `desa-<code>`: the user came from a village's poster; pre-fills their village.
    Village(String),
    /// `training-<id>`: opens that training.
    Training(i64),
    /// `petugas-<token>`: an invitation to the programme's staff.
    Invitation(String),
    /// Anything else: greeted normally, the payload is ignored.
    Unknown,
}

impl StartPayload {
    /// Telegram allows `A-Z a-z 0-9 _ -` and at most 64 characters in a payload; anything
    /// else cannot come from a link of ours.
    pub fn parse(payload: &str) -> StartPayload {
        let payload = payload.trim();
        if payload.is_empty() {
            return StartPayload::None;
        }
        let well_formed = payload.len() <= 64
            && payload
                .bytes()
                .all(|b| b.is_ascii_alphanumeric() || b == b'_' || b == b'-');
        if !well_formed {
            return StartPayload::Unknown;
        }
        if let Some(code) = payload.strip_prefix("desa-")
            && !code.is_empty()
        {
            return StartPayload::Village(code.to_ascii_lowercase());
        }
        if let Some(token) = payload.strip_prefix("petugas-")
            && token.len() == 32
            && token
                .bytes()
                .all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b))
        {
            return StartPayload::Invitation(token.to_owned());
        }
        if let Some(id) = payload.strip_prefix("training-")
            && let Ok(id) = id.parse::<i64>()
            && id > 0
        {
            return StartPayload::Training(id);
        }
        StartPayload::Unknown
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn recognises_village_and_training_links() {
        assert_eq!(
            StartPayload::parse("desa-Kenanga_Indramayu"),
            StartPayload::Village("kenanga_indramayu".into())
        );
        assert_eq!(
            StartPayload::parse("training-42"),
            StartPayload::Training(42)
        );
        assert_eq!(StartPayload::parse(""), StartPayload::None);
        let token = "0123456789abcdef0123456789abcdef";
        assert_eq!(
            StartPayload::parse(&format!("petugas-{token}")),
            StartPayload::Invitation(token.into())
        );
    }

    #[test]
    fn rejects_malformed_payloads() {
        for bad in [
            "desa-",
            "training-x",
            "training--1",
            "training-0",
            "hello world",
            "desa-a/b",
            "petugas-",
            "petugas-0123456789ABCDEF0123456789ABCDEF",
            "petugas-0123456789abcdef",
        ] {
            assert_eq!(StartPayload::parse(bad), StartPayload::Unknown, "{bad}");
        }
        assert_eq!(StartPayload::parse(&"a".repeat(65)), StartPayload::Unknown);
    }
}
