//! The trainings spreadsheet PRODUCT.md fixes: UTF-8, a header row, comma-separated,
//! `title_id,title_en,category,starts_at,location,capacity,description_id,description_en`,
//! `starts_at` as `YYYY-MM-DD HH:MM` in `TIMEZONE`. A file is taken whole or not at all, so
//! every problem is reported with its line number.
//!
//! Spreadsheets are forgiving about what they write, so this is too: a byte-order mark, the
//! columns in any order, rows left empty, and `;` as the separator (what Excel writes where
//! the comma is the decimal mark, as in Indonesia) are all accepted.

use std::collections::HashMap;

use chrono::{DateTime, Utc};
use chrono_tz::Tz;

use super::training::{
    Capacity, Category, Description, FieldError, Location, Title, TrainingDetails,
};

/// The header, in the order PRODUCT.md gives.
pub const COLUMNS: [&str; 8] = [
    "title_id",
    "title_en",
    "category",
    "starts_at",
    "location",
    "capacity",
    "description_id",
    "description_en",
];

/// The largest file the bot takes from a chat.
pub const MAX_BYTES: u64 = 1024 * 1024;

/// What is wrong with (a line of) a file.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum Problem {
    #[error("the file is not UTF-8 text (save it as \"CSV UTF-8\")")]
    NotUtf8,
    #[error("the file is larger than 1 MiB")]
    TooBig,
    #[error("the header must be {} (missing: {}; unknown: {})", COLUMNS.join(","), .missing.join(","), .unknown.join(","))]
    Header {
        missing: Vec<String>,
        unknown: Vec<String>,
    },
    #[error("the file has no trainings")]
    NoRows,
    #[error("has {found} fields instead of 8")]
    FieldCount { found: usize },
    #[error("cannot be read: {0}")]
    Unreadable(String),
    #[error("{column} {error}")]
    Field {
        column: &'static str,
        error: FieldError,
    },
    #[error("is the same training as line {0}")]
    Repeated(u64),
    #[error("is already in the bot (training {0})")]
    Exists(i64),
}

/// A problem and where it is: `line` is `None` for the file as a whole.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LineError {
    pub line: Option<u64>,
    pub problem: Problem,
}

impl std::fmt::Display for LineError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self.line {
            Some(line) => write!(f, "line {line}: {}", self.problem),
            None => write!(f, "{}", self.problem),
        }
    }
}

/// One training read from the file, and the line it starts on.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Row {
    pub line: u64,
    pub details: TrainingDetails,
}

/// Is this upload meant as a trainings CSV (by its name or type)?
pub fn looks_like_csv(file_name: Option<&str>, mime_type: Option<&str>) -> bool {
    let named = file_name.is_some_and(|n| n.to_ascii_lowercase().ends_with(".csv"));
    let typed = mime_type.is_some_and(|m| {
        matches!(
            m.to_ascii_lowercase().as_str(),
            "text/csv" | "text/comma-separated-values" | "application/csv"
        )
    });
    named || typed
}

/// Reads every training in the file, or every problem with it.
pub fn parse(bytes: &[u8], tz: Tz, now: DateTime<Utc>) -> Result<Vec<Row>, Vec<LineError>> {
    let whole = |problem| {
        vec![LineError {
            line: None,
            problem,
        }]
    };
    if bytes.len() as u64 > MAX_BYTES {
        return Err(whole(Problem::TooBig));
    }
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let text = match std::str::from_utf8(bytes) {
        Ok(text) => text,
        Err(error) => {
            let line = 1 + bytes[..error.valid_up_to()]
                .iter()
                .filter(|b| **b == b'\n')
                .count() as u64;
            return Err(vec![LineError {
                line: Some(line),
                problem: Problem::NotUtf8,
            }]);
        }
    };
    let lines = Lines::of(text);
    let header = text.lines().next().unwrap_or_default();
    let delimiter = if header.contains(';') && !header.contains(',') {
        b';'
    } else {
        b','
    };
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(delimiter)
        .flexible(true)
        .from_reader(text.as_bytes());
    let columns = match reader.headers() {
        Ok(headers) => column_indexes(headers)?,
        Err(error) => return Err(vec![unreadable(text, &lines, &error)]),
    };

    let order = date_order(text, delimiter, columns["starts_at"]);
    let mut rows = Vec::new();
    let mut errors = Vec::new();
    let mut seen: HashMap<(String, i64), u64> = HashMap::new();
    for record in reader.records() {
        let record = match record {
            Ok(record) => record,
            Err(error) => {
                errors.push(unreadable(text, &lines, &error));
                continue;
            }
        };
        let line = record.position().map_or(0, |p| lines.at(text, p.byte()));
        if record.iter().all(|field| field.trim().is_empty()) {
            continue;
        }
        if record.len() != COLUMNS.len() {
            errors.push(LineError {
                line: Some(line),
                problem: Problem::FieldCount {
                    found: record.len(),
                },
            });
            continue;
        }
        let record = &record;
        match read_row(
            |name| record.get(columns[name]).unwrap_or_default(),
            tz,
            now,
            order,
        ) {
            Ok(details) => {
                let key = (details.title_id.as_str().to_lowercase(), details.starts_at);
                if let Some(first) = seen.insert(key, line) {
                    errors.push(LineError {
                        line: Some(line),
                        problem: Problem::Repeated(first),
                    });
                }
                rows.push(Row { line, details });
            }
            Err(problems) => {
                errors.extend(problems.into_iter().map(|problem| LineError {
                    line: Some(line),
                    problem,
                }));
            }
        }
    }
    if !errors.is_empty() {
        return Err(errors);
    }
    if rows.is_empty() {
        return Err(whole(Problem::NoRows));
    }
    Ok(rows)
}

fn column_indexes(
    headers: &csv::StringRecord,
) -> Result<HashMap<&'static str, usize>, Vec<LineError>> {
    let mut indexes = HashMap::new();
    let mut unknown = Vec::new();
    for (i, name) in headers.iter().enumerate() {
        let name = name.trim().to_ascii_lowercase();
        match COLUMNS.iter().find(|c| **c == name) {
            Some(column) if !indexes.contains_key(column) => {
                indexes.insert(*column, i);
            }
            _ if name.is_empty() && i + 1 == headers.len() => {} // a trailing separator
            _ => unknown.push(name),
        }
    }
    let missing: Vec<String> = COLUMNS
        .iter()
        .filter(|c| !indexes.contains_key(*c))
        .map(|c| (*c).to_owned())
        .collect();
    if missing.is_empty() && unknown.is_empty() {
        Ok(indexes)
    } else {
        Err(vec![LineError {
            line: Some(1),
            problem: Problem::Header { missing, unknown },
        }])
    }
}

/// How the file writes a date with numbers only, when its dates show it: a spreadsheet saves
/// every date the same way, so one `20/12/2026` says that `05/12/2026` is the 5th of December.
/// `None` when no date says, or when they disagree (then a date that could be either day is a
/// problem of its line).
fn date_order(text: &str, delimiter: u8, column: usize) -> Option<super::when::Order> {
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(delimiter)
        .flexible(true)
        .from_reader(text.as_bytes());
    let mut found = None;
    for record in reader.records().flatten() {
        let Some(order) = record.get(column).and_then(super::when::order_of) else {
            continue;
        };
        match found {
            None => found = Some(order),
            Some(before) if before != order => return None,
            Some(_) => {}
        }
    }
    found
}

fn read_row<'r>(
    field: impl Fn(&str) -> &'r str,
    tz: Tz,
    now: DateTime<Utc>,
    order: Option<super::when::Order>,
) -> Result<TrainingDetails, Vec<Problem>> {
    let mut problems = Vec::new();
    let p = &mut problems;
    let category = Category::parse(&field("category").trim().to_ascii_lowercase());
    let details = (
        take(p, "title_id", Title::parse(field("title_id"))),
        take(p, "title_en", Title::parse(field("title_en"))),
        take(p, "category", category.ok_or(FieldError::UnknownCategory)),
        take(
            p,
            "starts_at",
            super::training::parse_start_in(field("starts_at"), tz, now, order),
        ),
        take(p, "location", Location::parse(field("location"))),
        take(p, "capacity", Capacity::parse(field("capacity"))),
        take(
            p,
            "description_id",
            Description::parse(field("description_id")),
        ),
        take(
            p,
            "description_en",
            Description::parse(field("description_en")),
        ),
    );
    match details {
        (
            Some(title_id),
            Some(title_en),
            Some(category),
            Some(starts_at),
            Some(location),
            Some(capacity),
            Some(description_id),
            Some(description_en),
        ) => Ok(TrainingDetails {
            title_id,
            title_en,
            category,
            starts_at: starts_at.timestamp(),
            location,
            capacity,
            description_id,
            description_en,
        }),
        _ => Err(problems),
    }
}

/// The value, or `None` with the problem noted against its column.
fn take<T>(
    problems: &mut Vec<Problem>,
    column: &'static str,
    result: Result<T, FieldError>,
) -> Option<T> {
    result
        .map_err(|error| problems.push(Problem::Field { column, error }))
        .ok()
}

fn unreadable(text: &str, lines: &Lines, error: &csv::Error) -> LineError {
    let line = Some(error.position().map_or(1, |p| lines.at(text, p.byte())));
    match error.kind() {
        csv::ErrorKind::Utf8 { .. } => LineError {
            line,
            problem: Problem::NotUtf8,
        },
        _ => LineError {
            line,
            problem: Problem::Unreadable(error.to_string()),
        },
    }
}

/// Where each line of a text ends, to number the lines of records and errors (counted once:
/// a file of a million short lines is read in one pass, not a million).
struct Lines(Vec<usize>);

impl Lines {
    fn of(text: &str) -> Lines {
        Lines(
            text.bytes()
                .enumerate()
                .filter(|(_, b)| *b == b'\n')
                .map(|(i, _)| i)
                .collect(),
        )
    }

    /// The line a record starts on. The csv crate's own line count goes wrong after `\r\n`
    /// and empty lines, and its byte position is where the previous record ended; so skip the
    /// line ends from there and count.
    fn at(&self, text: &str, byte: u64) -> u64 {
        let from = usize::try_from(byte).unwrap_or(usize::MAX).min(text.len());
        let start = from
            + text[from..]
                .bytes()
                .take_while(|b| *b == b'\r' || *b == b'\n')
                .count();
        1 + self.0.partition_point(|at| *at < start) as u64
    }
}

#[cfg(test)]
mod tests {
    use chrono::TimeZone;

    use super::*;

    const HEADER: &str =
        "title_id,title_en,category,starts_at,location,capacity,description_id,description_en";

    fn now() -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2026, 12, 1, 3, 0, 0).unwrap()
    }

    fn read(text: &str) -> Result<Vec<Row>, Vec<LineError>> {
        parse(text.as_bytes(), chrono_tz::Asia::Jakarta, now())
    }

    fn row(title: &str, start: &str) -> String {
        format!(
            "{title},{title} (EN),business,{start},Balai Desa,20,\"Belajar usaha, langkah demi langkah.\",Learn business step by step."
        )
    }

    #[test]
    fn a_spreadsheet_export_is_read() {
        let text = format!(
            "\u{FEFF}{HEADER}\r\n{}\r\n{}\r\n,,,,,,,\r\n",
            row("Wirausaha", "2026-12-05 09:00"),
            row("Keuangan", "2026-12-06 13.30")
        );
        let rows = read(&text).unwrap();
        assert_eq!(rows.len(), 2);
        assert_eq!(rows[0].line, 2);
        assert_eq!(rows[1].line, 3);
        assert_eq!(rows[0].details.title_en.as_str(), "Wirausaha (EN)");
        assert_eq!(
            rows[0].details.description_id.as_str(),
            "Belajar usaha, langkah demi langkah."
        );
        assert_eq!(
            rows[0].details.starts_at,
            Utc.with_ymd_and_hms(2026, 12, 5, 2, 0, 0)
                .unwrap()
                .timestamp()
        );
    }

    #[test]
    fn line_numbers_count_blank_lines_and_line_breaks_inside_quotes() {
        let text = format!(
            "{HEADER}\r\n\r\n{}\r\nA,B,business,2026-12-05 09:00,Balai,5,\"Baris satu\r\nbaris dua.\",One line.\r\n{}\r\n",
            row("Wirausaha", "2026-12-05 09:00"),
            row("Lama", "2026-11-01 09:00"),
        );
        let errors = read(&text).unwrap_err();
        let lines: Vec<Option<u64>> = errors.iter().map(|e| e.line).collect();
        assert_eq!(lines, [Some(4), Some(4), Some(4), Some(6)], "{errors:?}");
    }

    #[test]
    fn semicolons_and_any_column_order_are_accepted() {
        let text = "capacity;title_en;title_id;category;starts_at;location;description_id;description_en\n\
                    15;Digital;Digital;DIGITAL;2026-12-07 10:00;Aula;Belajar ponsel pintar.;Learn smartphones.\n";
        let rows = read(text).unwrap();
        assert_eq!(rows[0].details.capacity.get(), 15);
    }

    #[test]
    fn every_bad_row_is_reported_by_line_and_nothing_is_returned() {
        let text = format!(
            "{HEADER}\n{}\nX,Y,cooking,tomorrow,Balai,0,a,b\n{}\nonly,three,fields\n{}\n",
            row("Wirausaha", "2026-12-05 09:00"),
            row("Lama", "2026-11-01 09:00"),
            row("wirausaha", "2026-12-05 09:00"),
        );
        let errors = read(&text).unwrap_err();
        let lines: Vec<Option<u64>> = errors.iter().map(|e| e.line).collect();
        assert!(
            lines
                .iter()
                .all(|l| [Some(3), Some(4), Some(5), Some(6)].contains(l)),
            "{errors:?}"
        );
        let on = |line| {
            errors
                .iter()
                .filter(move |e| e.line == Some(line))
                .map(|e| &e.problem)
        };
        assert_eq!(on(3).count(), 7, "each bad field of line 3 is named");
        assert!(on(3).any(|p| *p
            == Problem::Field {
                column: "category",
                error: FieldError::UnknownCategory
            }));
        assert!(on(3).any(|p| *p
            == Problem::Field {
                column: "capacity",
                error: FieldError::CapacityRange
            }));
        assert_eq!(
            on(4).collect::<Vec<_>>(),
            [&Problem::Field {
                column: "starts_at",
                error: FieldError::InThePast
            }]
        );
        assert_eq!(
            on(5).collect::<Vec<_>>(),
            [&Problem::FieldCount { found: 3 }]
        );
        assert_eq!(on(6).collect::<Vec<_>>(), [&Problem::Repeated(2)]);
        assert_eq!(errors[0].to_string().split(':').next(), Some("line 3"));
    }

    #[test]
    fn a_wrong_header_names_what_is_missing_and_unknown() {
        let errors = read(
            "judul,title_en,category,starts_at,location,capacity,description_id,description_en\n",
        )
        .unwrap_err();
        assert_eq!(
            errors,
            [LineError {
                line: Some(1),
                problem: Problem::Header {
                    missing: vec!["title_id".into()],
                    unknown: vec!["judul".into()]
                }
            }]
        );
    }

    #[test]
    fn whole_file_problems() {
        assert_eq!(
            read(&format!("{HEADER}\n")).unwrap_err()[0].problem,
            Problem::NoRows
        );
        assert_eq!(read("").unwrap_err()[0].line, Some(1));
        let latin1 = format!("{HEADER}\n{}\n", row("Caf\u{e9}", "2026-12-05 09:00"))
            .replace('\u{e9}', "\u{1}");
        let mut bytes = latin1.into_bytes();
        let at = bytes.iter().position(|b| *b == 1).unwrap();
        bytes[at] = 0xE9;
        let errors = parse(&bytes, chrono_tz::Asia::Jakarta, now()).unwrap_err();
        assert_eq!(
            errors,
            [LineError {
                line: Some(2),
                problem: Problem::NotUtf8
            }]
        );
        let big = vec![b'a'; MAX_BYTES as usize + 1];
        assert_eq!(
            parse(&big, chrono_tz::Asia::Jakarta, now()).unwrap_err()[0].problem,
            Problem::TooBig
        );
    }

    #[test]
    fn an_unclosed_quote_is_reported_not_swallowed() {
        let text = format!(
            "{HEADER}\n{}\n\"Broken,x,business\n",
            row("Wirausaha", "2026-12-05 09:00")
        );
        let errors = read(&text).unwrap_err();
        assert!(errors.iter().all(|e| e.line == Some(3)), "{errors:?}");
    }

    #[test]
    fn uploads_are_recognised_by_name_or_type() {
        assert!(looks_like_csv(Some("Pelatihan 2027.CSV"), None));
        assert!(looks_like_csv(None, Some("text/csv")));
        assert!(!looks_like_csv(
            Some("pelatihan.xlsx"),
            Some("application/vnd.openxmlformats")
        ));
        assert!(!looks_like_csv(None, None));
    }
}
