/// A person's full name as they write it: letters of any script, with spaces, dots,
/// apostrophes, hyphens and commas (e.g. "Siti Nur'aini", "I Made Wirawan, S.Pd.").
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PersonName(String);

#[derive(Clone, Copy, Debug, PartialEq, Eq, thiserror::Error)]
pub enum NameError {
    #[error("too short")]
    TooShort,
    #[error("too long")]
    TooLong,
    #[error("contains digits")]
    Digits,
    #[error("contains characters that are not letters")]
    NotLetters,
}

impl PersonName {
    pub const MAX_CHARS: usize = 80;

    pub fn parse(input: &str) -> Result<PersonName, NameError> {
        let name = input.split_whitespace().collect::<Vec<_>>().join(" ");
        let letters = name.chars().filter(|c| c.is_alphabetic()).count();
        if name.chars().count() > PersonName::MAX_CHARS {
            return Err(NameError::TooLong);
        }
        if name.chars().any(|c| c.is_ascii_digit() || c.is_numeric()) {
            return Err(NameError::Digits);
        }
        if name.chars().any(|c| {
            !(c.is_alphabetic() || c.is_whitespace() || ".'’-,".contains(c) || is_combining(c))
        }) {
            return Err(NameError::NotLetters);
        }
        if letters < 2 {
            return Err(NameError::TooShort);
        }
        Ok(PersonName(name))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// Combining marks (as in decomposed accents) belong to the letter before them.
fn is_combining(c: char) -> bool {
    matches!(c as u32, 0x0300..=0x036F | 0x1AB0..=0x1AFF | 0x1DC0..=0x1DFF | 0x20D0..=0x20FF | 0xFE20..=0xFE2F)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn real_names_are_accepted_and_tidied() {
        assert_eq!(
            PersonName::parse("  Siti   Nur'aini ").unwrap().as_str(),
            "Siti Nur'aini"
        );
        for name in [
            "I Made Wirawan, S.Pd.",
            "Dewi",
            "Nguyễn Thị Mai",
            "Ahmad-Fauzi",
            "Al",
            "O’Brien",
        ] {
            assert!(PersonName::parse(name).is_ok(), "{name}");
        }
    }

    #[test]
    fn digits_emoji_and_lengths_are_refused() {
        assert_eq!(PersonName::parse("12345"), Err(NameError::Digits));
        assert_eq!(PersonName::parse("Budi 2"), Err(NameError::Digits));
        assert_eq!(PersonName::parse("😀😀"), Err(NameError::NotLetters));
        assert_eq!(PersonName::parse("Budi 😀"), Err(NameError::NotLetters));
        assert_eq!(PersonName::parse("B"), Err(NameError::TooShort));
        assert_eq!(PersonName::parse("   "), Err(NameError::TooShort));
        assert_eq!(
            PersonName::parse(&"a".repeat(5000)),
            Err(NameError::TooLong)
        );
    }
}
