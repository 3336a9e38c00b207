/// A phone number in international form (E.164), e.g. `+6281234567890`.
///
/// Indonesian numbers are accepted as people write them (`0812-3456-7890`, `62812…`,
/// `+62 812 …`, `0062…`, or just `812…`); foreign numbers need their country code
/// (`+60 12-345 6789`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Phone(String);

#[derive(Clone, Copy, Debug, PartialEq, Eq, thiserror::Error)]
pub enum PhoneError {
    #[error("not a phone number")]
    NotANumber,
    #[error("too short")]
    TooShort,
    #[error("too long")]
    TooLong,
}

impl Phone {
    pub fn parse(input: &str) -> Result<Phone, PhoneError> {
        let trimmed = input.trim();
        if trimmed.len() > 40 {
            return Err(PhoneError::TooLong);
        }
        if !trimmed
            .chars()
            .all(|c| c.is_ascii_digit() || " -.()/+".contains(c))
        {
            return Err(PhoneError::NotANumber);
        }
        let plus = trimmed.starts_with('+');
        if trimmed.chars().skip(1).any(|c| c == '+') {
            return Err(PhoneError::NotANumber);
        }
        let digits: String = trimmed.chars().filter(char::is_ascii_digit).collect();
        if digits.is_empty() {
            return Err(PhoneError::NotANumber);
        }
        let international = if plus {
            digits
        } else if let Some(rest) = digits.strip_prefix("00") {
            rest.to_owned()
        } else if let Some(rest) = digits.strip_prefix('0') {
            format!("62{rest}")
        } else if digits.starts_with("62") || !digits.starts_with('8') {
            digits
        } else {
            // "812…": an Indonesian mobile number without its leading 0.
            format!("62{digits}")
        };
        if international.starts_with('0') {
            return Err(PhoneError::NotANumber);
        }
        let min = if international.starts_with("62") {
            10
        } else {
            8
        };
        if international.len() < min {
            return Err(PhoneError::TooShort);
        }
        if international.len() > 15 {
            return Err(PhoneError::TooLong);
        }
        Ok(Phone(format!("+{international}")))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// As people dial it: an Indonesian number from its 0 in groups of four
    /// (`0812 3456 7890`), a foreign one in international form (`+60123456789`).
    pub fn dialled(&self) -> String {
        dialled(&self.0)
    }
}

/// `e164` as people dial it (see `Phone::dialled`).
pub fn dialled(e164: &str) -> String {
    match e164.strip_prefix("+62") {
        Some(rest) if !rest.is_empty() && rest.bytes().all(|b| b.is_ascii_digit()) => {
            let national = format!("0{rest}");
            let (first, rest) = national.split_at(4.min(national.len()));
            let mut out = first.to_owned();
            for chunk in rest.as_bytes().chunks(4) {
                out.push(' ');
                out.push_str(std::str::from_utf8(chunk).unwrap_or_default());
            }
            out
        }
        _ => e164.to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ok(input: &str) -> String {
        Phone::parse(input).unwrap().as_str().to_owned()
    }

    #[test]
    fn indonesian_forms_become_plus_62() {
        for input in [
            "0812-3456-7890",
            "081234567890",
            "62812 3456 7890",
            "+62 812-3456-7890",
            "0062 812 3456 7890",
            "812 3456 7890",
            "(0812) 3456.7890",
        ] {
            assert_eq!(ok(input), "+6281234567890", "{input}");
        }
    }

    #[test]
    fn foreign_numbers_keep_their_country_code() {
        assert_eq!(ok("+60 12-345 6789"), "+60123456789");
        assert_eq!(ok("+886 912 345 678"), "+886912345678");
        assert_eq!(ok("+852 9123 4567"), "+85291234567");
    }

    #[test]
    fn bad_numbers_are_refused_with_a_reason() {
        assert_eq!(Phone::parse("0812"), Err(PhoneError::TooShort));
        assert_eq!(Phone::parse("+62 812"), Err(PhoneError::TooShort));
        assert_eq!(Phone::parse("+1234567890123456"), Err(PhoneError::TooLong));
        assert_eq!(Phone::parse("nomor saya"), Err(PhoneError::NotANumber));
        assert_eq!(Phone::parse("0812-abc"), Err(PhoneError::NotANumber));
        assert_eq!(Phone::parse("++62812345678"), Err(PhoneError::NotANumber));
        assert_eq!(Phone::parse(""), Err(PhoneError::NotANumber));
        assert_eq!(Phone::parse(&"1".repeat(5000)), Err(PhoneError::TooLong));
    }
}
