//! Officers' figures and files: /stats (/statistik) with a chart, /export (/ekspor) as CSV.

use chrono::{Datelike, Duration, TimeZone};

use super::{
    Action, Arg, Button, ChartPanel, Keyboard, Msg, ReplyKind, Result, action::FeatureAction,
    fallback, menu, turn::Turn,
};
use crate::domain::Role;
use crate::store::export::Table;
use crate::store::{audit, stats};

/// Weeks of registrations in the chart.
const WEEKS: i64 = 12;

#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ExportAction {
    File(Table),
}

impl FeatureAction for ExportAction {
    const TAG: &'static str = "ex";

    fn fields(&self) -> Vec<String> {
        match self {
            ExportAction::File(table) => vec![table.code().to_owned()],
        }
    }

    fn parse(fields: &[&str]) -> Option<ExportAction> {
        match fields {
            [table] => Table::parse(table).map(ExportAction::File),
            _ => None,
        }
    }
}

/// /stats: users by language and status, registrations by role and village and over time, with
/// a chart.
pub(crate) async fn stats(turn: &mut Turn<'_>) -> Result<()> {
    let users = stats::users(turn.tx).await?;
    let roles = stats::by_role(turn.tx).await?;
    let role_count = |role: Role| {
        roles
            .iter()
            .find(|(r, _)| r == role.code())
            .map_or(0, |(_, n)| *n)
    };
    let registered: i64 = roles.iter().map(|(_, n)| n).sum();
    let now = turn.now.timestamp();
    let week = stats::registrations_since(turn.tx, now - 7 * 86_400).await?;
    let month = stats::registrations_since(turn.tx, now - 30 * 86_400).await?;
    let villages = stats::top_villages(turn.tx, 8).await?;

    let mut text = vec![
        Msg::new("stats-summary")
            .arg("users", users.total)
            .arg("active", users.total - users.blocked)
            .arg("blocked", users.blocked)
            .arg("id", users.indonesian)
            .arg("en", users.english)
            .arg("registered", registered)
            .arg("returnee", role_count(Role::Returnee))
            .arg("family", role_count(Role::Family))
            .arg("prospective", role_count(Role::Prospective))
            .arg("week", week)
            .arg("month", month),
    ];
    let open_questions =
        crate::store::questions::open_count(turn.tx, &crate::domain::staff::Scope::Country).await?;
    text.push(Msg::new("stats-questions").arg("count", open_questions));
    let trainings = crate::store::trainings::upcoming(turn.tx, turn.now, true, 5, 0).await?;
    if !trainings.is_empty() {
        let lines = trainings
            .iter()
            .map(|t| {
                let title = match turn.lang {
                    crate::domain::Language::Id => t.details.title_id.as_str(),
                    crate::domain::Language::En => t.details.title_en.as_str(),
                };
                Msg::new("stats-training")
                    .arg("title", title)
                    .arg("booked", t.booked)
                    .arg("capacity", i64::from(t.details.capacity.get()))
                    .arg("waiting", t.waiting)
            })
            .collect();
        text.push(Msg::new("stats-trainings").arg("list", Arg::List(lines)));
    }
    if !villages.is_empty() {
        let list = villages
            .iter()
            .map(|(village, n)| {
                Msg::new("stats-village")
                    .arg("village", village.as_str())
                    .arg("count", *n)
            })
            .collect();
        text.push(Msg::new("stats-villages").arg("list", Arg::List(list)));
    }
    turn.show(text, Keyboard::Inline(vec![vec![menu::menu_button()]]));

    // Weeks start on Monday, in the configured time zone.
    let local = turn.now.with_timezone(&turn.settings.timezone).date_naive();
    let monday = local - Duration::days(i64::from(local.weekday().num_days_from_monday()));
    let first = monday - Duration::weeks(WEEKS - 1);
    let start = turn
        .settings
        .timezone
        .from_local_datetime(&first.and_hms_opt(0, 0, 0).unwrap_or_default())
        .earliest()
        .map_or(now - WEEKS * 7 * 86_400, |t| t.timestamp());
    let per_week = stats::registrations_per_week(turn.tx, start, WEEKS).await?;
    let weeks = per_week
        .iter()
        .enumerate()
        .map(|(i, n)| {
            let day = first + Duration::weeks(i as i64);
            (
                Msg::new("stats-week").arg("date", day.format("%d/%m").to_string()),
                *n,
            )
        })
        .collect();
    let roles = Role::ALL
        .iter()
        .map(|r| (Msg::new(format!("stats-role-{}", r.code())), role_count(*r)))
        .collect();
    turn.push(ReplyKind::Chart {
        caption: vec![Msg::new("stats-chart-caption")],
        panels: vec![
            ChartPanel {
                title: Msg::new("stats-chart-weeks"),
                bars: weeks,
            },
            ChartPanel {
                title: Msg::new("stats-chart-roles"),
                bars: roles,
            },
        ],
    });
    Ok(())
}

/// /export: a button per file.
pub(crate) async fn export_menu(turn: &mut Turn<'_>) -> Result<()> {
    let mut rows: Vec<Vec<Button>> = Table::ALL
        .into_iter()
        .map(|table| {
            vec![Button::action(
                Msg::new(format!("export-button-{}", table.code())),
                Action::Export(ExportAction::File(table)),
            )]
        })
        .collect();
    rows.push(vec![menu::menu_button()]);
    turn.show(vec![Msg::new("export-choose")], Keyboard::Inline(rows));
    Ok(())
}

pub(crate) async fn on_export(turn: &mut Turn<'_>, action: ExportAction) -> Result<()> {
    let Some(officer) = turn.user_id().filter(|_| turn.is_admin()) else {
        fallback::not_an_officer(turn);
        return Ok(());
    };
    let ExportAction::File(table) = action;
    let date = turn
        .now
        .with_timezone(&turn.settings.timezone)
        .format("%Y-%m-%d");
    audit::record(
        turn.tx,
        officer,
        &format!("export.{}", table.code()),
        "csv file",
        turn.now,
    )
    .await?;
    turn.notice(Msg::new("export-coming"), false);
    turn.push(ReplyKind::Export {
        table,
        file_name: format!("desmigratif-{}-{date}.csv", table.code()),
    });
    Ok(())
}
