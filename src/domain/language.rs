use serde::{Deserialize, Serialize};

/// The two languages the bot speaks.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Language {
    /// Bahasa Indonesia.
    Id,
    /// English.
    En,
}

impl Language {
    pub const ALL: [Language; 2] = [Language::Id, Language::En];

    /// The ISO 639-1 code, as stored and as Telegram uses it.
    pub fn code(self) -> &'static str {
        match self {
            Language::Id => "id",
            Language::En => "en",
        }
    }

    /// Parses `id` or `en` (any case, surrounding spaces ignored).
    pub fn parse(value: &str) -> Option<Language> {
        match value.trim().to_ascii_lowercase().as_str() {
            "id" => Some(Language::Id),
            "en" => Some(Language::En),
            _ => None,
        }
    }

    /// The language for a new user, from the `language_code` their Telegram app reports.
    ///
    /// English for any `en` variant; Indonesian for Indonesian and for the languages of the
    /// region whose speakers read Indonesian (Malay, Javanese, Sundanese); otherwise the
    /// configured default.
    pub fn from_telegram(code: Option<&str>, default: Language) -> Language {
        let Some(code) = code else { return default };
        let primary = code
            .split(['-', '_'])
            .next()
            .unwrap_or_default()
            .to_ascii_lowercase();
        match primary.as_str() {
            "en" => Language::En,
            "id" | "in" | "ms" | "jv" | "su" => Language::Id,
            _ => default,
        }
    }

    pub fn other(self) -> Language {
        match self {
            Language::Id => Language::En,
            Language::En => Language::Id,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn english_variants_give_english() {
        for code in ["en", "en-US", "en_GB", "EN"] {
            assert_eq!(
                Language::from_telegram(Some(code), Language::Id),
                Language::En
            );
        }
    }

    #[test]
    fn regional_languages_give_indonesian() {
        for code in ["id", "ms", "jv", "su", "id-ID"] {
            assert_eq!(
                Language::from_telegram(Some(code), Language::En),
                Language::Id
            );
        }
    }

    #[test]
    fn other_or_missing_codes_give_the_default() {
        assert_eq!(
            Language::from_telegram(Some("de"), Language::En),
            Language::En
        );
        assert_eq!(
            Language::from_telegram(Some("zh-hans"), Language::Id),
            Language::Id
        );
        assert_eq!(Language::from_telegram(None, Language::En), Language::En);
        assert_eq!(
            Language::from_telegram(Some(""), Language::Id),
            Language::Id
        );
    }

    #[test]
    fn parse_accepts_only_the_two_codes() {
        assert_eq!(Language::parse(" EN "), Some(Language::En));
        assert_eq!(Language::parse("id"), Some(Language::Id));
        assert_eq!(Language::parse("fr"), None);
    }
}
