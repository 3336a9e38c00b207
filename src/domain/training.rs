//! A training: what it teaches, when and where it happens and how many people fit. Officers
//! type these, step by step or in a spreadsheet, so every part validates with a reason the
//! officer can act on.

use chrono::{DateTime, TimeZone, Utc};
use chrono_tz::Tz;
use serde::{Deserialize, Serialize};

use super::Language;
use super::profile::choice;

choice!(
    /// What a training teaches. The codes are also the `category` column of the CSV import.
    Category, "training-category" {
        Business => "business",
        Finance => "finance",
        Digital => "digital",
        Cooperative => "coop",
        Parenting => "parenting",
        Other => "other",
    }
);

choice!(
    /// Whether people can still sign up. A closed training still takes place; a cancelled
    /// one does not.
    TrainingStatus, "training-status" {
        Open => "open",
        Closed => "closed",
        Cancelled => "cancelled",
    }
);

/// Why a typed value cannot be part of a training.
#[derive(Clone, Copy, Debug, PartialEq, Eq, thiserror::Error)]
pub enum FieldError {
    #[error("is empty")]
    Empty,
    #[error("is shorter than {0} characters")]
    TooShort(usize),
    #[error("is longer than {0} characters")]
    TooLong(usize),
    #[error("is not one of business, finance, digital, coop, parenting, other")]
    UnknownCategory,
    #[error("is not a date and time written as YYYY-MM-DD HH:MM")]
    TimeFormat,
    #[error("is a date without the time of day")]
    NoTime,
    #[error("could be either of two days (05/12: 5 December or May 12)")]
    Ambiguous,
    #[error("does not exist in the time zone (the clocks skip it)")]
    NoSuchTime,
    #[error("is not in the future")]
    InThePast,
    #[error("is not a whole number")]
    NotANumber,
    #[error("must be from 1 to 10000")]
    CapacityRange,
}

/// Text an officer writes: tidied by `$tidy`, from `$min` to `$max` characters.
macro_rules! text {
    ($(#[$doc:meta])* $name:ident, $tidy:ident, $min:literal..=$max:literal) => {
        $(#[$doc])*
        // Read back (from a stored conversation) only through `parse`.
        #[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
        #[serde(try_from = "String", into = "String")]
        pub struct $name(String);

        impl TryFrom<String> for $name {
            type Error = FieldError;

            fn try_from(text: String) -> Result<$name, FieldError> {
                $name::parse(&text)
            }
        }

        impl From<$name> for String {
            fn from(value: $name) -> String {
                value.0
            }
        }

        impl $name {
            pub const MIN_CHARS: usize = $min;
            pub const MAX_CHARS: usize = $max;

            pub fn parse(input: &str) -> Result<$name, FieldError> {
                within($tidy(input), $name::MIN_CHARS, $name::MAX_CHARS).map($name)
            }

            pub fn as_str(&self) -> &str {
                &self.0
            }
        }
    };
}

text!(
    /// A training's title in one language: one line (it is also a button).
    Title, one_line, 3..=80
);

text!(
    /// Where a training takes place, e.g. "Balai Desa Kenanga, Jl. Merdeka 5".
    Location, one_line, 3..=150
);

text!(
    /// What a training is about, in one language; line breaks are kept.
    Description, paragraphs, 10..=1000
);

/// How many people fit: 1 to 10,000. Accepts "25" and "1.000" / "1,000".
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(try_from = "u32", into = "u32")]
pub struct Capacity(u32);

impl TryFrom<u32> for Capacity {
    type Error = FieldError;

    fn try_from(value: u32) -> Result<Capacity, FieldError> {
        Capacity::new(value).ok_or(FieldError::CapacityRange)
    }
}

impl From<Capacity> for u32 {
    fn from(value: Capacity) -> u32 {
        value.0
    }
}

impl Capacity {
    pub const MIN: u32 = 1;
    pub const MAX: u32 = 10_000;

    pub fn parse(input: &str) -> Result<Capacity, FieldError> {
        let text = input.trim();
        if text.is_empty() {
            return Err(FieldError::Empty);
        }
        let digits: String = if is_grouped(text) {
            text.chars().filter(char::is_ascii_digit).collect()
        } else if text.bytes().all(|b| b.is_ascii_digit()) {
            text.to_owned()
        } else {
            return Err(FieldError::NotANumber);
        };
        // All digits: a number too long for u64 is simply far too many.
        let value = digits.parse::<u64>().unwrap_or(u64::MAX);
        u32::try_from(value)
            .ok()
            .and_then(Capacity::new)
            .ok_or(FieldError::CapacityRange)
    }

    pub fn new(value: u32) -> Option<Capacity> {
        (Capacity::MIN..=Capacity::MAX)
            .contains(&value)
            .then_some(Capacity(value))
    }

    pub fn get(self) -> u32 {
        self.0
    }
}

/// "1.000" or "12,500": digits grouped in threes by one kind of separator.
fn is_grouped(text: &str) -> bool {
    let Some(separator) = text.chars().find(|c| *c == '.' || *c == ',') else {
        return false;
    };
    let mut groups = text.split(separator);
    let first = groups.next().unwrap_or_default();
    (1..=3).contains(&first.len())
        && first.bytes().all(|b| b.is_ascii_digit())
        && groups.all(|g| g.len() == 3 && g.bytes().all(|b| b.is_ascii_digit()))
}

/// The format officers type a start time in (PRODUCT.md), in `TIMEZONE`.
pub const START_FORMAT: &str = "%Y-%m-%d %H:%M";

/// Reads a start as people type it (`2026-12-20 09:00`, `20/12/2026 09.00`, `20 Des 2026
/// pukul 9.00`…; see `when`) as a moment in `tz`, which must be after `now`. A date that could
/// be either of two days is refused (`Ambiguous`), never guessed.
pub fn parse_start(input: &str, tz: Tz, now: DateTime<Utc>) -> Result<DateTime<Utc>, FieldError> {
    parse_start_in(input, tz, now, None)
}

/// [`parse_start`], with the order of a numbers-only date when it is known (a spreadsheet
/// whose other dates show it).
pub fn parse_start_in(
    input: &str,
    tz: Tz,
    now: DateTime<Utc>,
    order: Option<super::when::Order>,
) -> Result<DateTime<Utc>, FieldError> {
    use super::when::Read;
    let text = one_line(input);
    if text.is_empty() {
        return Err(FieldError::Empty);
    }
    let naive = match super::when::read(&text, order) {
        Read::At(naive) => naive,
        Read::Either(..) => return Err(FieldError::Ambiguous),
        Read::NoTime => return Err(FieldError::NoTime),
        Read::Unreadable => return Err(FieldError::TimeFormat),
    };
    let local = tz
        .from_local_datetime(&naive)
        .earliest()
        .ok_or(FieldError::NoSuchTime)?;
    let start = local.with_timezone(&Utc);
    if start <= now {
        return Err(FieldError::InThePast);
    }
    Ok(start)
}

/// A moment written the way officers type it (`YYYY-MM-DD HH:MM` in `tz`).
pub fn format_start(unix: i64, tz: Tz) -> String {
    DateTime::<Utc>::from_timestamp(unix, 0)
        .map(|t| t.with_timezone(&tz).format(START_FORMAT).to_string())
        .unwrap_or_default()
}

/// Everything an officer decides about a training.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct TrainingDetails {
    pub title_id: Title,
    pub title_en: Title,
    pub category: Category,
    /// Unix seconds, UTC.
    pub starts_at: i64,
    pub location: Location,
    pub capacity: Capacity,
    pub description_id: Description,
    pub description_en: Description,
}

impl TrainingDetails {
    pub fn title(&self, lang: Language) -> &str {
        match lang {
            Language::Id => self.title_id.as_str(),
            Language::En => self.title_en.as_str(),
        }
    }

    pub fn description(&self, lang: Language) -> &str {
        match lang {
            Language::Id => self.description_id.as_str(),
            Language::En => self.description_en.as_str(),
        }
    }
}

fn one_line(input: &str) -> String {
    input.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Each line tidied, at most one blank line in a row, none at the ends.
fn paragraphs(input: &str) -> String {
    let mut lines: Vec<String> = Vec::new();
    for line in input.lines().map(one_line) {
        if line.is_empty() && lines.last().is_none_or(String::is_empty) {
            continue;
        }
        lines.push(line);
    }
    while lines.last().is_some_and(String::is_empty) {
        lines.pop();
    }
    lines.join("\n")
}

fn within(text: String, min: usize, max: usize) -> Result<String, FieldError> {
    let text: String = text
        .chars()
        .filter(|c| *c == '\n' || !c.is_control())
        .collect();
    let chars = text.chars().count();
    if chars == 0 {
        Err(FieldError::Empty)
    } else if chars < min {
        Err(FieldError::TooShort(min))
    } else if chars > max {
        Err(FieldError::TooLong(max))
    } else {
        Ok(text)
    }
}

#[cfg(test)]
mod tests {

    #[test]
    fn stored_values_are_read_back_only_through_parse() {
        let title: Title = serde_json::from_str("\"Pelatihan Menjahit\"").unwrap();
        assert_eq!(
            serde_json::to_string(&title).unwrap(),
            "\"Pelatihan Menjahit\""
        );
        // A stored conversation cannot smuggle in what an officer could not have typed.
        assert!(serde_json::from_str::<Title>("\"ab\"").is_err());
        assert!(serde_json::from_str::<Description>("\"short\"").is_err());
        assert!(serde_json::from_str::<Capacity>("0").is_err());
        assert!(serde_json::from_str::<Capacity>("20000").is_err());
        assert_eq!(serde_json::from_str::<Capacity>("25").unwrap().get(), 25);
    }
    use super::*;

    fn now() -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2026, 12, 1, 3, 0, 0).unwrap()
    }

    #[test]
    fn titles_and_places_are_tidied_and_bounded() {
        assert_eq!(
            Title::parse("  Pelatihan   Wirausaha \n").unwrap().as_str(),
            "Pelatihan Wirausaha"
        );
        assert_eq!(Title::parse("   "), Err(FieldError::Empty));
        assert_eq!(Title::parse("AB"), Err(FieldError::TooShort(3)));
        assert_eq!(Title::parse(&"x".repeat(81)), Err(FieldError::TooLong(80)));
        assert!(Location::parse("Balai Desa Kenanga, Jl. Merdeka No. 5 (lantai 2)").is_ok());
        assert_eq!(Location::parse("\u{0}\u{7}"), Err(FieldError::Empty));
    }

    #[test]
    fn descriptions_keep_their_paragraphs() {
        let text = "\n\n  Belajar   membuat rencana usaha.\n\n\n\nBawa KTP.  \n\n";
        assert_eq!(
            Description::parse(text).unwrap().as_str(),
            "Belajar membuat rencana usaha.\n\nBawa KTP."
        );
        assert_eq!(Description::parse("pendek"), Err(FieldError::TooShort(10)));
        assert_eq!(
            Description::parse(&"kata ".repeat(300)),
            Err(FieldError::TooLong(1000))
        );
    }

    #[test]
    fn capacities() {
        assert_eq!(Capacity::parse(" 25 ").unwrap().get(), 25);
        assert_eq!(Capacity::parse("1.000").unwrap().get(), 1000);
        assert_eq!(Capacity::parse("10,000").unwrap().get(), 10_000);
        assert_eq!(Capacity::parse("0"), Err(FieldError::CapacityRange));
        assert_eq!(Capacity::parse("10001"), Err(FieldError::CapacityRange));
        assert_eq!(
            Capacity::parse(&"9".repeat(40)),
            Err(FieldError::CapacityRange)
        );
        assert_eq!(Capacity::parse("-5"), Err(FieldError::NotANumber));
        assert_eq!(Capacity::parse("2,5"), Err(FieldError::NotANumber));
        assert_eq!(Capacity::parse("dua puluh"), Err(FieldError::NotANumber));
        assert_eq!(Capacity::parse(""), Err(FieldError::Empty));
    }

    #[test]
    fn start_times_are_read_in_the_time_zone() {
        let jakarta = chrono_tz::Asia::Jakarta;
        let expected = Utc.with_ymd_and_hms(2026, 12, 5, 2, 0, 0).unwrap();
        assert_eq!(
            parse_start("2026-12-05 09:00", jakarta, now()),
            Ok(expected)
        );
        assert_eq!(
            parse_start(" 2026-12-05  09.00 ", jakarta, now()),
            Ok(expected)
        );
        let makassar = parse_start("2026-12-05 09:00", chrono_tz::Asia::Makassar, now()).unwrap();
        assert_eq!(expected - makassar, chrono::Duration::hours(1));
        assert_eq!(
            format_start(expected.timestamp(), jakarta),
            "2026-12-05 09:00"
        );
    }

    #[test]
    fn impossible_or_past_start_times_are_refused() {
        let jakarta = chrono_tz::Asia::Jakarta;
        assert_eq!(
            parse_start("2026-12-05", jakarta, now()),
            Err(FieldError::NoTime)
        );
        assert_eq!(
            parse_start("05/12/2026 09.00", jakarta, now()),
            Err(FieldError::Ambiguous)
        );
        for bad in [
            "5 Desember",
            "2026-13-01 09:00",
            "2026-02-30 09:00",
            "2026-12-05 25:00",
        ] {
            assert_eq!(
                parse_start(bad, jakarta, now()),
                Err(FieldError::TimeFormat),
                "{bad}"
            );
        }
        assert_eq!(
            parse_start("2026-12-01 09:00", jakarta, now()),
            Err(FieldError::InThePast)
        );
        assert_eq!(parse_start("", jakarta, now()), Err(FieldError::Empty));
        // Clocks in Berlin skip from 02:00 to 03:00 on 2027-03-28.
        let berlin = chrono_tz::Europe::Berlin;
        assert_eq!(
            parse_start("2027-03-28 02:30", berlin, now()),
            Err(FieldError::NoSuchTime)
        );
    }

    #[test]
    fn category_codes_round_trip() {
        for category in Category::ALL {
            assert_eq!(Category::parse(category.code()), Some(*category));
        }
        assert_eq!(Category::Cooperative.message_id(), "training-category-coop");
        assert_eq!(Category::parse("Business"), None);
    }
}
