//! A season of trainings from a spreadsheet: from the command line
//! (`desmigratif import-trainings FILE.csv`) or as a file an officer sends to the bot. The
//! whole file goes in, or none of it.

use crate::domain::staff::Area;
use chrono::{DateTime, Utc};
use chrono_tz::Tz;

use super::{TrainingAction, button, invalid, list_button};
use crate::domain::FieldError;
use crate::domain::training_csv::{self, LineError, MAX_BYTES, Problem};
use crate::engine::{Keyboard, Msg, Result, menu, sheet, turn::Turn};
use crate::store::{Tx, trainings};

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

/// An officer's trainings CSV (see `engine::sheet::document`), for the sender's own area (the
/// first of several).
pub(crate) async fn import_file(turn: &mut Turn<'_>, csv: &[u8]) -> Result<()> {
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
            let text = sheet::report("training-import-failed", &errors, problem_msg);
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

fn problem_msg(problem: &Problem) -> Msg {
    match problem {
        Problem::Sheet(problem) => sheet::problem(problem),
        Problem::NoRows => Msg::new("training-import-no-rows"),
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
        return Ok(Err(vec![Msg::new("sheet-too-big")]));
    }
    let area = super::own_areas(turn)
        .first()
        .copied()
        .unwrap_or(Area::Country);
    Ok(
        match import_csv(turn.tx, csv, area, turn.settings.timezone, turn.now).await? {
            Ok(ids) => Ok(ids.len()),
            Err(errors) => Err(errors
                .iter()
                .map(|error| sheet::line(error, problem_msg))
                .collect()),
        },
    )
}
