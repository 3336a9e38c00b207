//! The trainings spreadsheet PRODUCT.md fixes: UTF-8, a header row, comma-separated,
//! `title_id,title_en,category,starts_at,location,capacity,description_id,description_en`,
//! `starts_at` as `YYYY-MM-DD HH:MM` in `TIMEZONE` (and as people and spreadsheets write a
//! date, see `when`). A file is taken whole or not at all (see `sheet`).

use std::collections::HashMap;

use chrono::{DateTime, Utc};
use chrono_tz::Tz;

use super::sheet::{self, Sheet};
use super::training::{
    Capacity, Category, Description, FieldError, Location, Title, TrainingDetails,
};

pub use super::sheet::{MAX_BYTES, looks_like_csv};

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

/// What is wrong with (a line of) a file.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum Problem {
    #[error(transparent)]
    Sheet(#[from] sheet::Problem),
    #[error("the file has no trainings")]
    NoRows,
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
pub type LineError = sheet::LineError<Problem>;

/// One training read from the file, and the line it starts on.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Row {
    pub line: u64,
    pub details: TrainingDetails,
}

/// Reads every training in the file, or every problem with it.
pub fn parse(bytes: &[u8], tz: Tz, now: DateTime<Utc>) -> Result<Vec<Row>, Vec<LineError>> {
    let from_sheet = |errors: Vec<sheet::LineError<sheet::Problem>>| {
        errors
            .into_iter()
            .map(|e| e.map(Problem::Sheet))
            .collect::<Vec<_>>()
    };
    let sheet = Sheet::open(bytes, &COLUMNS).map_err(from_sheet)?;
    let order = date_order(&sheet);
    let mut rows = Vec::new();
    let mut errors = Vec::new();
    let mut seen: HashMap<(String, i64), u64> = HashMap::new();
    for row in sheet.rows() {
        let row = match row {
            Ok(row) => row,
            Err(error) => {
                errors.push(error.map(Problem::Sheet));
                continue;
            }
        };
        let line = row.line;
        match read_row(|name| row.get(name), tz, now, order) {
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
    sheet::finish(rows, errors, Problem::NoRows)
}

/// How the file writes a date with numbers only, when its dates show it: a spreadsheet saves
/// every date the same way, so one `20/12/2026` says that `05/12/2026` is the 5th of December.
/// `None` when no date says, or when they disagree (then a date that could be either day is a
/// problem of its line).
fn date_order(sheet: &Sheet) -> Option<super::when::Order> {
    let mut found = None;
    for row in sheet.rows().flatten() {
        let Some(order) = super::when::order_of(row.get("starts_at")) else {
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
    // English is optional: left empty, the Indonesian is shown to everyone.
    let or_indonesian = |en: &'static str, id: &'static str| {
        if field(en).trim().is_empty() {
            field(id)
        } else {
            field(en)
        }
    };
    let details = (
        take(p, "title_id", Title::parse(field("title_id"))),
        take(
            p,
            "title_en",
            Title::parse(or_indonesian("title_en", "title_id")),
        ),
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
            Description::parse(or_indonesian("description_en", "description_id")),
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
            [&Problem::Sheet(sheet::Problem::FieldCount {
                found: 3,
                expected: 8
            })]
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
                problem: Problem::Sheet(sheet::Problem::Header {
                    columns: &COLUMNS,
                    missing: vec!["title_id".into()],
                    unknown: vec!["judul".into()]
                })
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
                problem: Problem::Sheet(sheet::Problem::NotUtf8)
            }]
        );
        let big = vec![b'a'; MAX_BYTES as usize + 1];
        assert_eq!(
            parse(&big, chrono_tz::Asia::Jakarta, now()).unwrap_err()[0].problem,
            Problem::Sheet(sheet::Problem::TooBig)
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
