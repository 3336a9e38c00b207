//! Licensed placement companies (P3MI): the official list as officers load it (the CSV file
//! PRODUCT.md fixes: `name,licence_number,address,status,listed_on`), and the search people
//! use to check a company before they pay or hand over papers.
//!
//! The search is over the whole list in memory, best match first: the exact name, then names
//! that begin with what was typed, then names with every typed word at the start of one of
//! theirs, then names that hold it with the spaces left out ("binakarya" finds Bina Karya),
//! and only when none of those, names a letter or two away ("maju jya"). Those last are
//! offered as *similar* names, never as the company typed: a broker may use a name one
//! letter away from a licensed company's. "PT", "P.T." and "Tbk" are not part of a name.

use std::collections::HashMap;

use chrono::NaiveDate;

use super::profile::choice;
use super::sheet::{self, Sheet};
use super::when::{self, DateRead};

choice!(
    /// Where a company's licence stands on the official list.
    AgencyStatus, "agency-status" {
        Active => "active",
        Suspended => "suspended",
        Revoked => "revoked",
    }
);

/// The header PRODUCT.md fixes, in its order.
pub const COLUMNS: [&str; 5] = ["name", "licence_number", "address", "status", "listed_on"];

/// Longest fields taken (the official list's are far shorter).
pub const MAX_NAME_CHARS: usize = 200;
pub const MAX_LICENCE_CHARS: usize = 100;
pub const MAX_ADDRESS_CHARS: usize = 400;

/// A company as the list gives it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Agency {
    pub name: String,
    pub licence_number: String,
    pub address: String,
    pub status: AgencyStatus,
    /// The date of the official list this line comes from.
    pub listed_on: NaiveDate,
}

/// What is wrong with (a line of) a list.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum Problem {
    #[error(transparent)]
    Sheet(#[from] sheet::Problem),
    #[error("the file has no companies")]
    NoRows,
    #[error("{0} is empty")]
    Empty(&'static str),
    #[error("{0} is longer than {1} characters")]
    TooLong(&'static str, usize),
    #[error("status is not one of active, suspended, revoked")]
    Status,
    #[error("listed_on is not a date written as YYYY-MM-DD")]
    Date,
    #[error("listed_on could be either of two days (write it as YYYY-MM-DD)")]
    AmbiguousDate,
    #[error("listed_on is after today")]
    FutureDate,
    #[error("has the same licence number as line {0}")]
    Repeated(u64),
}

pub type LineError = sheet::LineError<Problem>;

/// Is this CSV a list of companies (its header names a licence number)?
pub fn is_agency_list(bytes: &[u8]) -> bool {
    let start = &bytes[..bytes.len().min(4096)];
    let header = String::from_utf8_lossy(start);
    let header = header
        .lines()
        .next()
        .unwrap_or_default()
        .to_ascii_lowercase();
    header.contains("licence_number")
}

/// Reads every company of the file, or every problem with it. `today` (in `TIMEZONE`) is the
/// latest date a list can have.
pub fn parse(bytes: &[u8], today: NaiveDate) -> Result<Vec<(u64, Agency)>, Vec<LineError>> {
    let sheet = Sheet::open(bytes, &COLUMNS).map_err(|errors| {
        errors
            .into_iter()
            .map(|e| e.map(Problem::Sheet))
            .collect::<Vec<_>>()
    })?;
    let mut rows = Vec::new();
    let mut errors = Vec::new();
    let mut seen: HashMap<String, u64> = HashMap::new();
    for row in sheet.rows() {
        let row = match row {
            Ok(row) => row,
            Err(error) => {
                errors.push(error.map(Problem::Sheet));
                continue;
            }
        };
        let line = row.line;
        let mut problems = Vec::new();
        let mut text = |column: &'static str, max: usize, required: bool| {
            let value = row
                .get(column)
                .split_whitespace()
                .collect::<Vec<_>>()
                .join(" ");
            if required && value.is_empty() {
                problems.push(Problem::Empty(column));
            } else if value.chars().count() > max {
                problems.push(Problem::TooLong(column, max));
            }
            value
        };
        let name = text("name", MAX_NAME_CHARS, true);
        let licence_number = text("licence_number", MAX_LICENCE_CHARS, true);
        let address = text("address", MAX_ADDRESS_CHARS, false);
        let status = AgencyStatus::parse(&row.get("status").trim().to_ascii_lowercase());
        if status.is_none() {
            problems.push(Problem::Status);
        }
        let listed_on = match when::read_date(row.get("listed_on"), None) {
            DateRead::On(date) if date > today => {
                problems.push(Problem::FutureDate);
                None
            }
            DateRead::On(date) => Some(date),
            DateRead::Either(..) => {
                problems.push(Problem::AmbiguousDate);
                None
            }
            DateRead::Unreadable => {
                problems.push(Problem::Date);
                None
            }
        };
        if !licence_number.is_empty()
            && let Some(first) = seen.insert(licence_key(&licence_number), line)
        {
            problems.push(Problem::Repeated(first));
        }
        match (status, listed_on) {
            (Some(status), Some(listed_on)) if problems.is_empty() => rows.push((
                line,
                Agency {
                    name,
                    licence_number,
                    address,
                    status,
                    listed_on,
                },
            )),
            _ => errors.extend(problems.into_iter().map(|problem| LineError {
                line: Some(line),
                problem,
            })),
        }
    }
    sheet::finish(rows, errors, Problem::NoRows)
}

/// The words of a company's name as the search compares them: lower case, marks as spaces,
/// without "PT", "P.T." or "Tbk".
pub fn name_key(name: &str) -> String {
    let key = super::area::search_key(name);
    let words: Vec<&str> = key.split(' ').filter(|w| !w.is_empty()).collect();
    let mut kept = Vec::with_capacity(words.len());
    let mut i = 0;
    while i < words.len() {
        match (words[i], words.get(i + 1)) {
            ("pt" | "tbk" | "persero", _) => i += 1,
            ("p", Some(&"t")) => i += 2,
            (word, _) => {
                kept.push(word);
                i += 1;
            }
        }
    }
    kept.join(" ")
}

/// A licence number as typed or listed, compared without spaces, marks or case.
pub fn licence_key(licence: &str) -> String {
    licence
        .chars()
        .filter(char::is_ascii_alphanumeric)
        .map(|c| c.to_ascii_lowercase())
        .collect()
}

/// A company of the list as the search holds it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Listed {
    pub id: i64,
    pub agency: Agency,
}

struct Entry {
    key: Box<str>,
    compact: Box<str>,
    licence: Box<str>,
}

/// How well a name matched; lower is better.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Match {
    Exact,
    Licence,
    Prefix,
    Words,
    Compact,
    /// A name a letter or two away: similar, not the same.
    Similar,
}

/// What a search found: the best few, how many matched in all, and whether they are only
/// similar names.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Found<'r> {
    pub hits: Vec<(&'r Listed, Match)>,
    pub total: usize,
}

impl Found<'_> {
    pub fn only_similar(&self) -> bool {
        self.hits.iter().all(|(_, m)| *m == Match::Similar)
    }
}

/// Typed text shorter than this (without "PT") finds nothing: it would match hundreds.
pub const MIN_QUERY_CHARS: usize = 3;

/// The whole list, searchable.
#[derive(Default)]
pub struct Registry {
    listed: Vec<Listed>,
    entries: Vec<Entry>,
    /// The newest date of the lists loaded, if any was.
    pub listed_on: Option<NaiveDate>,
    /// Companies officers marked as reported, by name key: the name as marked.
    reported: HashMap<String, Reported>,
    /// The version of the list and the marks it was built from (`store::agencies::version`).
    pub version: i64,
}

/// An officer's mark on a company.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Reported {
    pub name: String,
    pub at: i64,
    pub by: Option<i64>,
}

impl Registry {
    pub fn new(
        listed: Vec<Listed>,
        listed_on: Option<NaiveDate>,
        reported: HashMap<String, Reported>,
        version: i64,
    ) -> Registry {
        let entries = listed
            .iter()
            .map(|l| {
                let key = name_key(&l.agency.name);
                Entry {
                    compact: key.replace(' ', "").into(),
                    key: key.into(),
                    licence: licence_key(&l.agency.licence_number).into(),
                }
            })
            .collect();
        Registry {
            listed,
            entries,
            listed_on,
            reported,
            version,
        }
    }

    pub fn len(&self) -> usize {
        self.listed.len()
    }

    pub fn is_empty(&self) -> bool {
        self.listed.is_empty()
    }

    pub fn get(&self, id: i64) -> Option<&Listed> {
        self.listed.iter().find(|l| l.id == id)
    }

    /// An officer's mark on a company of this name, if there is one.
    pub fn reported(&self, name: &str) -> Option<&Reported> {
        self.reported.get(&name_key(name))
    }

    /// The best `limit` companies for what was typed (part of a name, or a licence number).
    pub fn search(&self, typed: &str, limit: usize) -> Found<'_> {
        let query = name_key(typed);
        let licence = licence_key(typed);
        if query.chars().count() < MIN_QUERY_CHARS && licence.len() < MIN_QUERY_CHARS {
            return Found::default();
        }
        let words: Vec<&str> = query.split(' ').filter(|w| !w.is_empty()).collect();
        let compact = query.replace(' ', "");
        let digits = licence.bytes().filter(u8::is_ascii_digit).count();
        let mut hits: Vec<(usize, Match)> = Vec::new();
        for (i, entry) in self.entries.iter().enumerate() {
            let tier = if !query.is_empty() && *entry.key == *query {
                Match::Exact
            } else if digits >= 3
                && (*entry.licence == *licence
                    || digits >= 4 && entry.licence.contains(licence.as_str()))
            {
                // The whole number, or enough of it ("1234/PPTKIS", without the year).
                Match::Licence
            } else if query.is_empty() {
                continue;
            } else if entry.key.starts_with(query.as_str()) {
                Match::Prefix
            } else if has_words(&entry.key, &words) {
                Match::Words
            } else if compact.len() >= 4 && entry.compact.contains(compact.as_str()) {
                Match::Compact
            } else {
                continue;
            };
            hits.push((i, tier));
        }
        if hits.is_empty() && compact.len() >= 5 {
            let allowed = if compact.len() >= 9 { 2 } else { 1 };
            for (i, entry) in self.entries.iter().enumerate() {
                if entry.compact.len().abs_diff(compact.len()) <= allowed
                    && within(compact.as_bytes(), entry.compact.as_bytes(), allowed)
                {
                    hits.push((i, Match::Similar));
                }
            }
        }
        hits.sort_by(|a, b| {
            (a.1, self.entries[a.0].key.len(), &self.entries[a.0].key).cmp(&(
                b.1,
                self.entries[b.0].key.len(),
                &self.entries[b.0].key,
            ))
        });
        Found {
            total: hits.len(),
            hits: hits
                .into_iter()
                .take(limit)
                .map(|(i, tier)| (&self.listed[i], tier))
                .collect(),
        }
    }

    /// The companies a message names (a job offer someone forwarded). A name written after
    /// "PT" is taken whole: on the list only when the list has that very name; otherwise it is
    /// not on the list, with the listed names it begins with as similar ones ("PT Maju Jaya
    /// Abadi Internasional" is not Maju Jaya Abadi). Names of the list written without "PT"
    /// count where they stand as a whole name, the longest first (Maju Jaya Abadi, and Maju Jaya
    /// only where it is named apart from it).
    pub fn mentioned(&self, text: &str) -> Mentioned<'_> {
        let mut found: Vec<&Listed> = Vec::new();
        let mut unlisted: Vec<(String, Vec<&Listed>)> = Vec::new();
        let mut rest = format!(" {} ", super::area::search_key(text));
        for name in after_pt(text) {
            let key = name_key(&name);
            // This name is dealt with: no part of it counts again below.
            rest = rest.replace(&format!(" {key} "), " | ");
            rest = rest.replace(&format!(" pt {key} "), " | ");
            let exact: Vec<&Listed> = self.with_key(|k| k == key).collect();
            if !exact.is_empty() {
                for listed in exact {
                    if !found.contains(&listed) {
                        found.push(listed);
                    }
                }
            } else if !unlisted.iter().any(|(n, _)| *n == name) {
                let begins = self.begun_by(&name);
                unlisted.push((name, begins));
            }
        }
        let mut by_length: Vec<usize> = (0..self.entries.len())
            .filter(|i| {
                // Names of one short word ("Jaya") would be found in every other message.
                let key = &self.entries[*i].key;
                key.len() >= 6 && (key.contains(' ') || key.len() >= 8)
            })
            .collect();
        by_length.sort_by_key(|i| std::cmp::Reverse(self.entries[*i].key.len()));
        for i in by_length {
            let whole = format!(" {} ", self.entries[i].key);
            if rest.contains(&whole) {
                rest = rest.replace(&whole, " | ");
                if !found.contains(&&self.listed[i]) {
                    found.push(&self.listed[i]);
                }
            }
        }
        found.truncate(MAX_MENTIONED);
        unlisted.truncate(MAX_MENTIONED);
        Mentioned { found, unlisted }
    }

    /// Listed companies whose whole name the typed one begins with ("PT Maju Jaya Abadi
    /// Internasional" begins with Maju Jaya Abadi): similar, not the same (at most three).
    pub fn begun_by(&self, typed: &str) -> Vec<&Listed> {
        let key = name_key(typed);
        self.with_key(|k| key.starts_with(&format!("{k} ")))
            .take(3)
            .collect()
    }

    fn with_key(&self, matches: impl Fn(&str) -> bool) -> impl Iterator<Item = &Listed> {
        self.entries
            .iter()
            .zip(&self.listed)
            .filter(move |(entry, _)| !entry.key.is_empty() && matches(&entry.key))
            .map(|(_, listed)| listed)
    }
}

/// Companies checked from one message, at most.
pub const MAX_MENTIONED: usize = 5;

/// What a message names: companies of the list, and names after "PT" that are not (each
/// with the listed names it begins with, similar but not the same).
#[derive(Debug, Default, PartialEq, Eq)]
pub struct Mentioned<'r> {
    pub found: Vec<&'r Listed>,
    pub unlisted: Vec<(String, Vec<&'r Listed>)>,
}

impl Mentioned<'_> {
    pub fn is_empty(&self) -> bool {
        self.found.is_empty() && self.unlisted.is_empty()
    }
}

/// Words that end a company's name in a job offer ("PT Maju Jaya membuka lowongan…").
const NOT_A_NAME: [&str; 24] = [
    "yang",
    "di",
    "ke",
    "dari",
    "untuk",
    "dengan",
    "dan",
    "adalah",
    "sebagai",
    "membuka",
    "buka",
    "menerima",
    "butuh",
    "membutuhkan",
    "mencari",
    "lowongan",
    "loker",
    "resmi",
    "berizin",
    "gaji",
    "is",
    "hiring",
    "the",
    "for",
];

/// The names a text writes after "PT" or "P.T." (up to four words, as written).
fn after_pt(text: &str) -> Vec<String> {
    let words: Vec<&str> = text.split_whitespace().collect();
    let mut names = Vec::new();
    let bare = |w: &str| {
        w.trim_matches(|c: char| !c.is_alphanumeric() && c != '&')
            .to_owned()
    };
    for (i, word) in words.iter().enumerate() {
        let lower = word.to_lowercase();
        let lower = lower.trim_matches(|c: char| !c.is_alphanumeric() && c != '.');
        if lower != "pt" && lower != "pt." && lower != "p.t." && lower != "p.t" {
            continue;
        }
        let mut name = Vec::new();
        for next in words.iter().skip(i + 1).take(4) {
            let clean = bare(next);
            if clean.is_empty()
                || NOT_A_NAME.contains(&clean.to_lowercase().as_str())
                || clean.chars().all(|c| c.is_ascii_digit())
            {
                break;
            }
            name.push(clean);
            // A name ends at a comma, a full stop or a line's end.
            if next.ends_with([',', '.', ':', ';', '!', '?', ')']) {
                break;
            }
        }
        if !name.is_empty() && name_key(&name.join(" ")).chars().count() >= MIN_QUERY_CHARS {
            names.push(format!("PT {}", name.join(" ")));
        }
    }
    names
}

/// Every typed word begins a word of the key, in order.
fn has_words(key: &str, words: &[&str]) -> bool {
    let mut rest = key.split(' ');
    words
        .iter()
        .all(|w| rest.by_ref().any(|k| k.starts_with(w)))
}

/// Whether `a` is at most `limit` edits (a swap of neighbours counts as one) from `b`.
fn within(a: &[u8], b: &[u8], limit: usize) -> bool {
    crate::areas::gazetteer::distance(a, b, limit).is_some_and(|(full, _)| full <= limit)
}

#[cfg(test)]
mod tests {
    use super::*;

    const HEADER: &str = "name,licence_number,address,status,listed_on";

    fn today() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 12, 8).unwrap()
    }

    fn registry(names: &[(&str, &str, AgencyStatus)]) -> Registry {
        let listed = names
            .iter()
            .enumerate()
            .map(|(i, (name, licence, status))| Listed {
                id: i as i64 + 1,
                agency: Agency {
                    name: (*name).into(),
                    licence_number: (*licence).into(),
                    address: "Jl. Raya 1, Jakarta".into(),
                    status: *status,
                    listed_on: today(),
                },
            })
            .collect();
        Registry::new(listed, Some(today()), HashMap::new(), 0)
    }

    fn names(found: &Found) -> Vec<String> {
        found
            .hits
            .iter()
            .map(|(l, _)| l.agency.name.clone())
            .collect()
    }

    #[test]
    fn a_list_is_read_whole_with_dates_as_spreadsheets_write_them() {
        let text = format!(
            "\u{feff}{HEADER}\r\nPT Maju Jaya,KEP.123/2020,\"Jl. Melati 5, Indramayu\",active,2026-11-30\r\n\
             PT Bina Karya;x\n"
        )
        .replace(";x\n", ",B-77,,Revoked,30/11/2026\n");
        let rows = parse(text.as_bytes(), today()).unwrap();
        assert_eq!(rows.len(), 2);
        assert_eq!(rows[0].0, 2);
        assert_eq!(rows[0].1.address, "Jl. Melati 5, Indramayu");
        assert_eq!(rows[1].1.status, AgencyStatus::Revoked);
        assert_eq!(rows[1].1.address, "");
        assert_eq!(
            rows[1].1.listed_on,
            NaiveDate::from_ymd_opt(2026, 11, 30).unwrap()
        );
    }

    #[test]
    fn every_bad_line_is_named_and_nothing_is_returned() {
        let text = format!(
            "{HEADER}\nPT A Satu,L-1,Jl. 1,active,2026-11-30\n,,,closed,kemarin\n\
             PT B Dua,l 1,Jl. 2,active,2027-01-01\nPT C,L-3,Jl. 3,suspended,05/11/2026\nonly,two\n"
        );
        let errors = parse(text.as_bytes(), today()).unwrap_err();
        let on = |line| {
            errors
                .iter()
                .filter(|e| e.line == Some(line))
                .map(|e| e.problem.clone())
                .collect::<Vec<_>>()
        };
        assert_eq!(
            on(3),
            [
                Problem::Empty("name"),
                Problem::Empty("licence_number"),
                Problem::Status,
                Problem::Date
            ]
        );
        assert_eq!(on(4), [Problem::FutureDate, Problem::Repeated(2)]);
        assert_eq!(on(5), [Problem::AmbiguousDate]);
        assert_eq!(
            on(6),
            [Problem::Sheet(sheet::Problem::FieldCount {
                found: 2,
                expected: 5
            })]
        );
        assert_eq!(on(2), []);
        assert_eq!(
            parse(format!("{HEADER}\n").as_bytes(), today()).unwrap_err()[0].problem,
            Problem::NoRows
        );
    }

    #[test]
    fn names_are_compared_without_pt_and_marks() {
        assert_eq!(name_key("PT. Maju-Jaya  Abadi, Tbk"), "maju jaya abadi");
        assert_eq!(name_key("P.T. Bina Karya"), "bina karya");
        assert_eq!(licence_key("KEP. 123 / 2020"), "kep1232020");
    }

    #[test]
    fn the_best_match_comes_first_and_similar_names_are_only_similar() {
        use AgencyStatus::*;
        let list = registry(&[
            ("PT Maju Jaya Abadi", "KEP-1/2019", Active),
            ("PT Maju Jaya", "KEP-2/2019", Revoked),
            ("PT Sinar Maju Jaya", "KEP-3/2019", Active),
            ("PT Bina Karya Mandiri", "KEP-4/2019", Suspended),
        ]);
        let found = list.search("pt maju jaya", 5);
        assert_eq!(
            names(&found),
            ["PT Maju Jaya", "PT Maju Jaya Abadi", "PT Sinar Maju Jaya"]
        );
        assert_eq!(found.hits[0].1, Match::Exact);
        assert_eq!(
            names(&list.search("binakarya", 5)),
            ["PT Bina Karya Mandiri"]
        );
        assert_eq!(
            names(&list.search("bina mandiri", 5)),
            ["PT Bina Karya Mandiri"]
        );
        assert_eq!(
            names(&list.search("kep 4 2019", 5)),
            ["PT Bina Karya Mandiri"]
        );
        assert_eq!(names(&list.search("KEP-3", 5)), Vec::<String>::new());
        assert_eq!(names(&list.search("4/2019", 5)), ["PT Bina Karya Mandiri"]);
        let similar = list.search("Bina Krya Mandri", 5);
        assert_eq!(names(&similar), ["PT Bina Karya Mandiri"]);
        assert!(similar.only_similar());
        assert_eq!(list.search("pt", 5), Found::default());
        assert_eq!(list.search("zz", 5), Found::default());
        assert_eq!(list.search("Sejahtera Selalu", 5).total, 0);
        assert_eq!(list.search("maju", 2).total, 3);
        assert_eq!(list.search("maju", 2).hits.len(), 2);
    }

    #[test]
    fn a_job_offer_names_the_companies_it_mentions() {
        use AgencyStatus::*;
        let list = registry(&[
            ("PT Maju Jaya Abadi", "KEP-1/2019", Active),
            ("PT Maju Jaya", "KEP-2/2019", Revoked),
            ("PT Bina Karya Mandiri", "KEP-4/2019", Suspended),
            ("PT Bintang", "KEP-5/2019", Active),
        ]);
        let names = |m: &Mentioned| -> Vec<String> {
            m.found.iter().map(|l| l.agency.name.clone()).collect()
        };
        let offer = "LOWONGAN Taiwan!! PT. Maju Jaya Abadi membuka lowongan, gaji 25 jt. \
                     Daftar lewat PT Sukses Selalu Makmur, transfer DP dulu.";
        let mentioned = list.mentioned(offer);
        assert_eq!(names(&mentioned), ["PT Maju Jaya Abadi"]);
        assert_eq!(mentioned.unlisted.len(), 1);
        assert_eq!(mentioned.unlisted[0].0, "PT Sukses Selalu Makmur");
        // A longer name is not the listed company it begins with: not on the list, with that
        // one as similar.
        let look_alike = list.mentioned("Kerja di Korea lewat PT Maju Jaya Abadi Internasional.");
        assert!(look_alike.found.is_empty(), "{look_alike:?}");
        assert_eq!(look_alike.unlisted[0].0, "PT Maju Jaya Abadi Internasional");
        assert_eq!(
            look_alike.unlisted[0].1[0].agency.name,
            "PT Maju Jaya Abadi"
        );
        // Both named apart: both found, the revoked one too; a one-word name after PT too.
        let both =
            list.mentioned("Bukan PT Maju Jaya, tetapi PT Maju Jaya Abadi. Atau PT Bintang.");
        let mut both = names(&both);
        both.sort();
        assert_eq!(both, ["PT Bintang", "PT Maju Jaya", "PT Maju Jaya Abadi"]);
        // Without "PT", a whole listed name counts.
        assert_eq!(
            names(&list.mentioned("info dari bina karya mandiri, hubungi kami")),
            ["PT Bina Karya Mandiri"]
        );
        assert!(list.mentioned("Assalamualaikum, bu. Apa kabar?").is_empty());
    }
}
