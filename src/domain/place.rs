/// The name of a place as people write it: a village (*desa*), district (*kabupaten*) or
/// country. Letters, digits (e.g. "Sukamaju 2"), spaces and `.,'-/()`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PlaceName(String);

#[derive(Clone, Copy, Debug, PartialEq, Eq, thiserror::Error)]
pub enum PlaceError {
    #[error("too short")]
    TooShort,
    #[error("too long")]
    TooLong,
    #[error("contains characters a place name cannot have")]
    BadCharacters,
}

impl PlaceName {
    pub const MAX_CHARS: usize = 60;

    pub fn parse(input: &str) -> Result<PlaceName, PlaceError> {
        let name = input.split_whitespace().collect::<Vec<_>>().join(" ");
        if name.chars().count() > PlaceName::MAX_CHARS {
            return Err(PlaceError::TooLong);
        }
        if name
            .chars()
            .any(|c| !(c.is_alphanumeric() || c == ' ' || ".,'’-/()".contains(c)))
        {
            return Err(PlaceError::BadCharacters);
        }
        if name.chars().filter(|c| c.is_alphabetic()).count() < 2 {
            return Err(PlaceError::TooShort);
        }
        Ok(PlaceName(name))
    }

    /// A name from the official list of areas (checked when the list was loaded; it may hold
    /// marks people do not type, such as `"`).
    pub fn from_list(name: &str) -> PlaceName {
        PlaceName(name.split_whitespace().collect::<Vec<_>>().join(" "))
    }

    /// A village from a poster's deep-link code: `kenanga_indramayu` → "Kenanga Indramayu".
    pub fn from_code(code: &str) -> Option<PlaceName> {
        let words: Vec<String> = code
            .split(['_', '-'])
            .filter(|w| !w.is_empty())
            .map(|w| {
                let mut chars = w.chars();
                chars
                    .next()
                    .map(|first| first.to_uppercase().chain(chars).collect())
                    .unwrap_or_default()
            })
            .collect();
        PlaceName::parse(&words.join(" ")).ok()
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn place_names() {
        assert_eq!(PlaceName::parse(" Kenanga ").unwrap().as_str(), "Kenanga");
        assert!(PlaceName::parse("Sukamaju 2").is_ok());
        assert!(PlaceName::parse("Kab. Wonosobo").is_ok());
        assert_eq!(PlaceName::parse("1"), Err(PlaceError::TooShort));
        assert_eq!(PlaceName::parse("🏠🏠"), Err(PlaceError::BadCharacters));
        assert_eq!(
            PlaceName::parse(&"x".repeat(5000)),
            Err(PlaceError::TooLong)
        );
    }

    #[test]
    fn village_codes_from_posters() {
        assert_eq!(
            PlaceName::from_code("kenanga_indramayu").unwrap().as_str(),
            "Kenanga Indramayu"
        );
        assert_eq!(PlaceName::from_code("kuripan").unwrap().as_str(), "Kuripan");
        assert!(PlaceName::from_code("_").is_none());
    }
}
