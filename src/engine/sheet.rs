//! A spreadsheet's problems in the officer's words, the same for every file the bot takes
//! (trainings, licensed placement companies): line by line, the first 15.

use super::{Event, Keyboard, Msg, Result, agencies, fallback, menu, trainings, turn::Turn};
use crate::domain::sheet::{self, LineError, Problem};

/// Problems shown in one message; the officer fixes those and sends the file again.
pub(crate) const SHOWN_PROBLEMS: usize = 15;

/// «Nothing was saved: N problems», then the first problems by line, then how many more.
pub(crate) fn report<P>(
    failed: &str,
    errors: &[LineError<P>],
    problem: impl Fn(&P) -> Msg,
) -> Vec<Msg> {
    let mut text = vec![Msg::new(failed).arg("count", errors.len() as i64)];
    text.extend(
        errors
            .iter()
            .take(SHOWN_PROBLEMS)
            .map(|error| line(error, &problem)),
    );
    if errors.len() > SHOWN_PROBLEMS {
        text.push(Msg::new("sheet-more").arg("count", (errors.len() - SHOWN_PROBLEMS) as i64));
    }
    text
}

/// «Baris 4: …», or the problem alone when it is the whole file's.
pub(crate) fn line<P>(error: &LineError<P>, problem: impl Fn(&P) -> Msg) -> Msg {
    match error.line {
        Some(line) => Msg::new("sheet-line")
            .arg("line", line as i64)
            .arg("problem", problem(&error.problem)),
        None => problem(&error.problem),
    }
}

/// What is wrong with the file as a spreadsheet.
pub(crate) fn problem(problem: &Problem) -> Msg {
    let list = |names: &[String]| {
        if names.is_empty() {
            "-".to_owned()
        } else {
            names.join(", ")
        }
    };
    match problem {
        Problem::NotUtf8 => Msg::new("sheet-not-utf8"),
        Problem::TooBig => Msg::new("sheet-too-big"),
        Problem::Header {
            columns,
            missing,
            unknown,
        } => Msg::new("sheet-header")
            .arg("columns", columns.join(","))
            .arg("missing", list(missing))
            .arg("unknown", list(unknown)),
        Problem::FieldCount { found, expected } => Msg::new("sheet-field-count")
            .arg("found", *found as i64)
            .arg("expected", *expected as i64),
        Problem::Unreadable(detail) => Msg::new("sheet-unreadable").arg("detail", detail.as_str()),
    }
}

/// An officer's file: a CSV goes to the import its header names (the licensed placement
/// companies' list, or trainings); a spreadsheet not saved as CSV, or anything else, gets a
/// hint.
pub(crate) async fn document(turn: &mut Turn<'_>, event: &Event) -> Result<()> {
    let Event::Document {
        file_name,
        mime_type,
        size,
        content,
        ..
    } = event
    else {
        return fallback::hint(turn, event).await;
    };
    let menu_only = || Keyboard::Inline(vec![vec![menu::menu_button()]]);
    if !sheet::looks_like_csv(file_name.as_deref(), mime_type.as_deref()) {
        let spreadsheet = file_name.as_deref().is_some_and(|name| {
            let name = name.to_ascii_lowercase();
            [".xlsx", ".xls", ".ods"]
                .iter()
                .any(|ext| name.ends_with(ext))
        });
        if !spreadsheet {
            return fallback::hint(turn, event).await;
        }
        turn.send(vec![Msg::new("sheet-spreadsheet")], menu_only());
        return Ok(());
    }
    if *size > sheet::MAX_BYTES {
        turn.send(vec![Msg::new("sheet-too-big")], menu_only());
        return Ok(());
    }
    let Some(csv) = content else {
        turn.send(vec![Msg::new("sheet-download-failed")], menu_only());
        return Ok(());
    };
    if agencies::is_agency_list(csv) {
        agencies::import_file(turn, csv).await
    } else {
        trainings::import_file(turn, csv).await
    }
}
