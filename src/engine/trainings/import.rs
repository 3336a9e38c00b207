//! A season of trainings from a spreadsheet: from the command line
//! (`desmigratif import-trainings FILE.csv`) or as a file an officer sends to the bot. The
//! whole file goes in, or none of it.

use crate::domain::staff::Area;
use chrono::{DateTime, Utc};
use chrono_tz::Tz;

use super::{TrainingAction, button, invalid, list_button};
use crate::domain::FieldError;
use crate::domain::training_csv::{self, LineError, MAX_BYTES, Problem};
use crate::engine::{Event, Keyboard, Msg, Result, fallback, menu, turn::Turn};
use crate::store::{Tx, trainings};

/// Problems shown in one message; the officer fixes those and sends the file again.
const SHOWN_PROBLEMS: usize = 15;

/// Saves every training in the file and returns their ids, or returns every problem with the
/// file and saves nothing. A training already in the bot (same Indonesian title and start)
/// is a problem too, so that sending the same file twice does not make doubles.
pub(crate) async fn import_csv(
    tx: &mut Tx,
    csv: &[u8],
    area: Area,
    tz: Tz,
    now: DateTime<Utc>,
) -> Result<Result<Vec<i64>, Vec<LineError>>> {
    let rows = match training_csv::parse(csv, tz, now) {
        Ok(rows) => rows,
        Err(errors) => return Ok(Err(errors)),
    };
    let mut errors = Vec::new();
    for row in &rows {
        if let Some(id) =
            trainings::find_same(tx, row.details.title_id.as_str(), row.details.starts_at).await?
        {
            errors.push(LineError {
                line: Some(row.line),
                problem: Problem::Exists(id),
            });
        }
    }
    if !errors.is_empty() {
        return Ok(Err(errors));
    }
    let mut ids = Vec::with_capacity(rows.len());
    for row in &rows {
        ids.push(trainings::insert(tx, &row.details, area, now).await?);
    }
    Ok(Ok(ids))
}

/// An officer's file: a trainings CSV is imported; anything else gets a hint.
pub(super) async fn document(turn: &mut Turn<'_>, event: &Event) -> Result<()> {
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
    if !training_csv::looks_like_csv(file_name.as_deref(), mime_type.as_deref()) {
        let spreadsheet = file_name.as_deref().is_some_and(|name| {
            let name = name.to_ascii_lowercase();
            [".xlsx", ".xls", ".ods"]
                .iter()
                .any(|ext| name.ends_with(ext))
        });
        if !spreadsheet {
            return fallback::hint(turn, event).await;
        }
        turn.send(vec![Msg::new("training-import-spreadsheet")], menu_only());
        return Ok(());
    }
    if *size > MAX_BYTES {
        turn.send(vec![Msg::new("training-import-too-big")], menu_only());
        return Ok(());
    }
    let Some(csv) = content else {
        turn.send(
            vec![Msg::new("training-import-download-failed")],
            menu_only(),
        );
        return Ok(());
    };
    // For the sender's own area (the first of several).
    let area = super::own_areas(turn)
        .first()
        .copied()
        .unwrap_or(Area::Country);
    match import_csv(turn.tx, csv, area, turn.settings.timezone, turn.now).await? {
        Ok(ids) => {
            let text = vec![Msg::new("training-import-done").arg("count", ids.len() as i64)];
            turn.send(
                text,
                Keyboard::Inline(vec![vec![list_button(), menu::menu_button()]]),
            );
        }
        Err(errors) => {
            let mut text =
                vec![Msg::new("training-import-failed").arg("count", errors.len() as i64)];
            text.extend(errors.iter().take(SHOWN_PROBLEMS).map(line_msg));
            if errors.len() > SHOWN_PROBLEMS {
                text.push(
                    Msg::new("training-import-more")
                        .arg("count", (errors.len() - SHOWN_PROBLEMS) as i64),
                );
            }
            let keyboard = Keyboard::Inline(vec![
                vec![button(
                    Msg::new("training-button-template"),
                    TrainingAction::Template,
                )],
                vec![menu::menu_button()],
            ]);
            turn.send(text, keyboard);
        }
    }
    Ok(())
}

fn line_msg(error: &LineError) -> Msg {
    match error.line {
        Some(line) => Msg::new("training-import-line")
            .arg("line", line as i64)
            .arg("problem", problem_msg(&error.problem)),
        None => problem_msg(&error.problem),
    }
}

fn problem_msg(problem: &Problem) -> Msg {
    let list = |names: &[String]| {
        if names.is_empty() {
            "-".to_owned()
        } else {
            names.join(", ")
        }
    };
    match problem {
        Problem::NotUtf8 => Msg::new("training-import-not-utf8"),
        Problem::TooBig => Msg::new("training-import-too-big"),
        Problem::Header { missing, unknown } => Msg::new("training-import-header")
            .arg("columns", training_csv::COLUMNS.join(","))
            .arg("missing", list(missing))
            .arg("unknown", list(unknown)),
        Problem::NoRows => Msg::new("training-import-no-rows"),
        Problem::FieldCount { found } => {
            Msg::new("training-import-field-count").arg("found", *found as i64)
        }
        Problem::Unreadable(detail) => {
            Msg::new("training-import-unreadable").arg("detail", detail.as_str())
        }
        Problem::Field {
            error: FieldError::UnknownCategory,
            ..
        } => Msg::new("training-import-category"),
        Problem::Field { column, error } => Msg::new("training-import-field")
            .arg("column", *column)
            .arg("problem", invalid(*error)),
        Problem::Repeated(line) => Msg::new("training-import-repeated").arg("line", *line as i64),
        Problem::Exists(id) => Msg::new("training-import-exists").arg("id", *id),
    }
}

/// A trainings CSV uploaded in the console, for the sender's own area (the first of several),
/// as the bot imports a file sent to it: the number saved, or every problem (nothing saved).
pub(crate) async fn console_import(
    turn: &mut Turn<'_>,
    csv: &[u8],
) -> Result<Result<usize, Vec<Msg>>> {
    if turn.role().is_none() {
        return Ok(Err(vec![Msg::new("officer-only")]));
    }
    if csv.len() as u64 > MAX_BYTES {
        return Ok(Err(vec![Msg::new("training-import-too-big")]));
    }
    let area = super::own_areas(turn)
        .first()
        .copied()
        .unwrap_or(Area::Country);
    Ok(
        match import_csv(turn.tx, csv, area, turn.settings.timezone, turn.now).await? {
            Ok(ids) => Ok(ids.len()),
            Err(errors) => Err(errors.iter().map(line_msg).collect()),
        },
    )
}
