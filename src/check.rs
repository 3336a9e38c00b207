//! `desmigratif check`: is this installation ready to run? Reads the configuration, looks at
//! the database and checks the texts, changes nothing, and says what is wrong in one line each.
//! The exit code is non-zero when anything is.

use std::io::Write as _;
use std::{fmt, path::Path, process::ExitCode};

use crate::config::Config;
use crate::i18n::check::{check_dir, check_embedded};
use crate::store::status::{Inspection, inspect};

/// One line of the report.
#[derive(Debug, PartialEq, Eq)]
pub enum Line {
    Ok(String),
    /// Worth knowing, not wrong.
    Note(String),
    /// Wrong: the line names the variable or file it is about.
    Problem(String),
}

impl fmt::Display for Line {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Line::Ok(text) => write!(f, "ok: {text}"),
            Line::Note(text) => write!(f, "note: {text}"),
            Line::Problem(text) => f.write_str(text),
        }
    }
}

#[derive(Debug, Default)]
pub struct Report {
    pub lines: Vec<Line>,
}

impl Report {
    pub fn problems(&self) -> usize {
        self.lines
            .iter()
            .filter(|l| matches!(l, Line::Problem(_)))
            .count()
    }

    fn ok(&mut self, text: impl Into<String>) {
        self.lines.push(Line::Ok(text.into()));
    }

    fn note(&mut self, text: impl Into<String>) {
        self.lines.push(Line::Note(text.into()));
    }

    fn problem(&mut self, text: impl Into<String>) {
        self.lines.push(Line::Problem(text.into()));
    }
}

impl fmt::Display for Report {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for line in &self.lines {
            writeln!(f, "{line}")?;
        }
        match self.problems() {
            0 => write!(f, "all good"),
            1 => write!(f, "1 problem found"),
            n => write!(f, "{n} problems found"),
        }
    }
}

/// Runs the check on the process environment (and `.env`), prints the report and gives the
/// exit code.
pub fn main(locales: Option<&Path>) -> ExitCode {
    let runtime = match tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
    {
        Ok(runtime) => runtime,
        Err(error) => {
            let _ = writeln!(std::io::stderr(), "desmigratif: cannot start: {error}");
            return ExitCode::FAILURE;
        }
    };
    let report = runtime.block_on(run(locales));
    let _ = writeln!(std::io::stdout(), "{report}");
    if report.problems() == 0 {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    }
}

pub async fn run(locales: Option<&Path>) -> Report {
    let mut report = Report::default();
    let (config, problems) = Config::read_env();
    let database_url_ok = !problems.iter().any(|p| p.variable == "DATABASE_URL");
    if problems.is_empty() {
        report.ok("configuration");
    }
    for problem in problems {
        report.problem(problem.to_string());
    }
    describe_modes(&config, &mut report);
    if database_url_ok {
        check_database(&config.database_url, &mut report).await;
    }
    check_texts(locales, &mut report);
    check_emergency_contacts(&mut report);
    report
}

/// The emergency contacts (`data/emergency/`): readable, and checked within a year.
fn check_emergency_contacts(report: &mut Report) {
    use crate::engine::pillars::emergency;
    let entries = match emergency::contacts() {
        Ok(all) => all.iter().map(|(_, list)| list.len()).sum::<usize>(),
        Err(error) => {
            report.problem(format!("emergency contacts: {error}"));
            return;
        }
    };
    let warnings = emergency::check(chrono::Utc::now().date_naive());
    if warnings.is_empty() {
        report.ok(format!(
            "emergency contacts: {entries} entries, all checked within a year"
        ));
    }
    for warning in warnings {
        report.note(warning);
    }
}

fn describe_modes(config: &Config, report: &mut Report) {
    if config.token.is_none() {
        report.note(
            "TELOXIDE_TOKEN is not set: the bot cannot reach Telegram without it (chat, backup and check work)",
        );
    }
    if config.admin_ids.is_empty() {
        report.note("ADMIN_IDS is empty: nobody can use the officers' commands");
    }
    if let Some(url) = &config.webhook_url {
        let secret = match config.webhook_secret {
            Some(_) => "WEBHOOK_SECRET",
            None => "a new secret at each start",
        };
        report.ok(format!(
            "webhook mode: {url} to {}, checked with {secret}",
            config.webhook_listen
        ));
    }
}

async fn check_database(url: &str, report: &mut Report) {
    match inspect(url).await {
        Err(error) => report.problem(format!("DATABASE_URL: {url} cannot be read: {error}")),
        Ok(Inspection::InMemory) => report.note(format!(
            "DATABASE_URL: {url} is in memory: everything is lost when the bot stops"
        )),
        Ok(Inspection::Missing(file)) => match folder_problem(&file) {
            // A new installation: the bot makes the file at its first start.
            None => report.note(format!(
                "DATABASE_URL: no database yet at {}: the bot creates it at its first start (if there should be one already, DATABASE_URL points to the wrong place)",
                file.display()
            )),
            Some(problem) => report.problem(format!(
                "DATABASE_URL: no database at {}, and the bot cannot create it: {problem}",
                file.display()
            )),
        },
        Ok(Inspection::Found(status)) => {
            let file = status.file.display();
            if status.problems.is_empty() {
                report.ok(format!(
                    "database {file}: sound, {} migrations applied",
                    status.applied
                ));
            }
            for problem in &status.problems {
                report.problem(format!("database {file}: {problem}"));
            }
            match &status.areas {
                Some((name, villages)) => report.ok(format!("villages: {name}, {villages} villages")),
                None => report.note("villages: the bot loads the list of Indonesia's villages when it starts"),
            }
            for fix in crate::engine::pillars::emergency_fix::for_check(&status.emergency_fixes) {
                report.note(fix);
            }
            if status.unmatched_villages > 0 {
                report.note(format!(
                    "villages: {} registered people have not chosen their village from the list yet (each is asked once, the next time they open the menu)",
                    status.unmatched_villages
                ));
            }
            if !status.pending.is_empty() {
                let names: Vec<String> = status
                    .pending
                    .iter()
                    .map(|(version, name)| format!("{version} {name}"))
                    .collect();
                report.note(format!(
                    "database {file}: the bot applies {} new migration(s) when it starts: {}",
                    names.len(),
                    names.join(", ")
                ));
            }
        }
    }
}

/// Why the bot could not create `file`: its folder is missing or not writable.
fn folder_problem(file: &Path) -> Option<String> {
    let folder = match file.parent() {
        Some(folder) if !folder.as_os_str().is_empty() => folder,
        _ => Path::new("."),
    };
    if !folder.is_dir() {
        return Some(format!("the folder {} does not exist", folder.display()));
    }
    let Ok(path) = std::ffi::CString::new(folder.as_os_str().as_encoded_bytes()) else {
        return Some(format!("{} is not a usable path", folder.display()));
    };
    // SAFETY: access only reads the NUL-terminated path it is given.
    let writable = unsafe { libc::access(path.as_ptr(), libc::W_OK | libc::X_OK) } == 0;
    (!writable).then(|| format!("this user cannot write in {}", folder.display()))
}

fn check_texts(locales: Option<&Path>, report: &mut Report) {
    let (summary, problems) = check_embedded();
    if problems.is_empty() {
        report.ok(format!(
            "texts: {} files in Indonesian and English, {} messages",
            summary.files, summary.messages
        ));
    }
    for problem in problems {
        report.problem(problem);
    }
    if let Some(dir) = locales {
        let (summary, problems) = check_dir(dir);
        if problems.is_empty() {
            report.ok(format!(
                "{}: all {} files in id and en parse and have all {} messages",
                dir.display(),
                summary.files,
                summary.messages
            ));
        }
        for problem in problems {
            report.problem(problem);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn problems_are_shown_bare_and_counted() {
        let report = Report {
            lines: vec![
                Line::Ok("configuration".into()),
                Line::Problem("TIMEZONE: expected …".into()),
                Line::Note("ADMIN_IDS is empty".into()),
            ],
        };
        assert_eq!(report.problems(), 1);
        assert_eq!(
            report.to_string(),
            "ok: configuration\nTIMEZONE: expected …\nnote: ADMIN_IDS is empty\n1 problem found"
        );
        assert!(Report::default().to_string().ends_with("all good"));
    }
}
