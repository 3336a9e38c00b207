//! A spreadsheet saved as CSV, as officers send them (the trainings of a season, the official
//! list of licensed placement companies): UTF-8, a header row naming the columns. A file is
//! taken whole or not at all, so every problem is reported with its line number.
//!
//! Spreadsheets are forgiving about what they write, so this is too: a byte-order mark, the
//! columns in any order, rows left empty, and `;` as the separator (what Excel writes where
//! the comma is the decimal mark, as in Indonesia) are all accepted.

use std::collections::HashMap;

/// The largest file the bot takes from a chat.
pub const MAX_BYTES: u64 = 1024 * 1024;

/// What is wrong with a file as a spreadsheet (whatever its rows should hold).
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum Problem {
    #[error("the file is not UTF-8 text (save it as \"CSV UTF-8\")")]
    NotUtf8,
    #[error("the file is larger than 1 MiB")]
    TooBig,
    #[error("the header must be {} (missing: {}; unknown: {})", .columns.join(","), .missing.join(","), .unknown.join(","))]
    Header {
        columns: &'static [&'static str],
        missing: Vec<String>,
        unknown: Vec<String>,
    },
    #[error("has {found} fields instead of {expected}")]
    FieldCount { found: usize, expected: usize },
    #[error("cannot be read: {0}")]
    Unreadable(String),
}

/// A problem and where it is: `line` is `None` for the file as a whole.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LineError<P> {
    pub line: Option<u64>,
    pub problem: P,
}

impl<P: std::fmt::Display> std::fmt::Display for LineError<P> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self.line {
            Some(line) => write!(f, "line {line}: {}", self.problem),
            None => write!(f, "{}", self.problem),
        }
    }
}

impl<P> LineError<P> {
    /// The same place, with the problem as a file of one kind names it.
    pub fn map<Q>(self, f: impl FnOnce(P) -> Q) -> LineError<Q> {
        LineError {
            line: self.line,
            problem: f(self.problem),
        }
    }
}

/// A file's rows, or every problem found; `no_rows` when it had neither.
pub fn finish<R, P>(
    rows: Vec<R>,
    errors: Vec<LineError<P>>,
    no_rows: P,
) -> Result<Vec<R>, Vec<LineError<P>>> {
    if !errors.is_empty() {
        return Err(errors);
    }
    if rows.is_empty() {
        return Err(vec![LineError {
            line: None,
            problem: no_rows,
        }]);
    }
    Ok(rows)
}

/// Is this upload meant as a CSV file (by its name or type)?
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

/// A file read as far as its header: its rows come from [`Sheet::rows`].
pub struct Sheet<'a> {
    text: &'a str,
    lines: Lines,
    delimiter: u8,
    columns: HashMap<&'static str, usize>,
    width: usize,
}

/// One row that has as many fields as the header, and the line it starts on.
pub struct Row<'s> {
    pub line: u64,
    record: csv::StringRecord,
    columns: &'s HashMap<&'static str, usize>,
}

impl Row<'_> {
    /// The field of a column the header named (empty for any other name).
    pub fn get(&self, column: &str) -> &str {
        self.columns
            .get(column)
            .and_then(|i| self.record.get(*i))
            .unwrap_or_default()
    }
}

impl<'a> Sheet<'a> {
    /// Reads the header: every one of `columns`, once, and no others.
    pub fn open(
        bytes: &'a [u8],
        columns: &'static [&'static str],
    ) -> Result<Sheet<'a>, Vec<LineError<Problem>>> {
        if bytes.len() as u64 > MAX_BYTES {
            return Err(vec![LineError {
                line: None,
                problem: Problem::TooBig,
            }]);
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
        let mut reader = reader(text, delimiter);
        let (columns, width) = match reader.headers() {
            // Rows have as many fields as the header, a trailing separator's empty one too.
            Ok(headers) => (column_indexes(headers, columns)?, headers.len()),
            Err(error) => return Err(vec![unreadable(text, &lines, &error)]),
        };
        Ok(Sheet {
            text,
            lines,
            delimiter,
            columns,
            width,
        })
    }

    /// The rows after the header, with their line numbers; empty rows are skipped, and a row
    /// that cannot be read or has too few or too many fields is a problem of its line.
    pub fn rows(&self) -> impl Iterator<Item = Result<Row<'_>, LineError<Problem>>> + '_ {
        reader(self.text, self.delimiter)
            .into_records()
            .filter_map(move |record| {
                let record = match record {
                    Ok(record) => record,
                    Err(error) => return Some(Err(unreadable(self.text, &self.lines, &error))),
                };
                let line = record
                    .position()
                    .map_or(0, |p| self.lines.at(self.text, p.byte()));
                if record.iter().all(|field| field.trim().is_empty()) {
                    return None;
                }
                if record.len() != self.width {
                    return Some(Err(LineError {
                        line: Some(line),
                        problem: Problem::FieldCount {
                            found: record.len(),
                            expected: self.width,
                        },
                    }));
                }
                Some(Ok(Row {
                    line,
                    record,
                    columns: &self.columns,
                }))
            })
    }
}

fn reader(text: &str, delimiter: u8) -> csv::Reader<&[u8]> {
    csv::ReaderBuilder::new()
        .delimiter(delimiter)
        .flexible(true)
        .from_reader(text.as_bytes())
}

fn column_indexes(
    headers: &csv::StringRecord,
    columns: &'static [&'static str],
) -> Result<HashMap<&'static str, usize>, Vec<LineError<Problem>>> {
    let mut indexes = HashMap::new();
    let mut unknown = Vec::new();
    for (i, name) in headers.iter().enumerate() {
        let name = name.trim().to_ascii_lowercase();
        match columns.iter().find(|c| **c == name) {
            Some(column) if !indexes.contains_key(column) => {
                indexes.insert(*column, i);
            }
            _ if name.is_empty() && i + 1 == headers.len() => {} // a trailing separator
            _ => unknown.push(name),
        }
    }
    let missing: Vec<String> = columns
        .iter()
        .filter(|c| !indexes.contains_key(*c))
        .map(|c| (*c).to_owned())
        .collect();
    if missing.is_empty() && unknown.is_empty() {
        Ok(indexes)
    } else {
        Err(vec![LineError {
            line: Some(1),
            problem: Problem::Header {
                columns,
                missing,
                unknown,
            },
        }])
    }
}

fn unreadable(text: &str, lines: &Lines, error: &csv::Error) -> LineError<Problem> {
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

/// Where each line of the text ends.
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
    use super::*;

    const COLUMNS: &[&str] = &["a", "b"];

    #[test]
    fn rows_carry_their_lines_and_fields_by_column_name() {
        let text = "\u{feff}b;a\r\n\r\n1;2\n\"x\ny\";3\n;\n4\n";
        let sheet = Sheet::open(text.as_bytes(), COLUMNS).unwrap();
        let rows: Vec<_> = sheet.rows().collect();
        assert_eq!(rows.len(), 3);
        let first = rows[0].as_ref().unwrap();
        assert_eq!((first.line, first.get("a"), first.get("b")), (3, "2", "1"));
        let second = rows[1].as_ref().unwrap();
        assert_eq!((second.line, second.get("b")), (4, "x\ny"));
        let third = rows[2].as_ref().map(|_| ()).unwrap_err();
        assert_eq!(
            third,
            &LineError {
                line: Some(7),
                problem: Problem::FieldCount {
                    found: 1,
                    expected: 2
                }
            }
        );
    }

    #[test]
    fn a_header_names_what_is_missing_and_unknown() {
        let Err(errors) = Sheet::open(b"a,c\n1,2\n", COLUMNS) else {
            panic!("read a bad header");
        };
        assert_eq!(
            errors,
            [LineError {
                line: Some(1),
                problem: Problem::Header {
                    columns: COLUMNS,
                    missing: vec!["b".into()],
                    unknown: vec!["c".into()],
                },
            }]
        );
    }

    #[test]
    fn not_text_and_too_big_are_the_whole_file() {
        let Err(errors) = Sheet::open(b"a,b\n1,\xff\n", COLUMNS) else {
            panic!("read bytes that are not UTF-8");
        };
        assert_eq!(errors[0].line, Some(2));
        assert_eq!(errors[0].problem, Problem::NotUtf8);
        let big = vec![b'a'; MAX_BYTES as usize + 1];
        let Err(errors) = Sheet::open(&big, COLUMNS) else {
            panic!("read a file that is too big");
        };
        assert_eq!(errors[0].problem, Problem::TooBig);
    }
}
