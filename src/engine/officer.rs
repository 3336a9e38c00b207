//! Officers' figures and files: /stats (/statistik) with a chart, /export (/ekspor) as CSV.

use chrono::{Datelike, Duration, TimeZone};

use super::{
    Action, Arg, Button, ChartPanel, Keyboard, Msg, ReplyKind, Result, action::FeatureAction,
    fallback, menu, turn::Turn,
};
use crate::domain::{
    Role,
    area::{RegencyCode, VillageCode},
    staff::{Area, Scope},
};
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

/// /stats: users by language and status, registrations by role and village and over time,
/// the figures of each village or regency, with a chart; all within the staff member's area.
pub(crate) async fn stats(turn: &mut Turn<'_>) -> Result<()> {
    let Some((_, scope)) = turn.role() else {
        fallback::not_an_officer(turn);
        return Ok(());
    };
    // Counted after the commit on a reading connection, so that it holds up nobody.
    turn.defer(super::Deferred::Stats {
        chat_id: turn.chat_id,
        lang: turn.lang,
        scope,
    });
    turn.show(vec![Msg::new("stats-computing")], Keyboard::None);
    Ok(())
}

/// What a report needs besides the database: settings, the village list, the moment, and
/// whom it is for.
pub(crate) struct Report<'a> {
    pub settings: &'a super::Settings,
    pub places: &'a crate::areas::Gazetteer,
    pub now: chrono::DateTime<chrono::Utc>,
    pub lang: crate::domain::Language,
    pub chat_id: i64,
}

impl Report<'_> {
    fn reply(&self, kind: ReplyKind) -> super::Reply {
        super::Reply {
            chat_id: self.chat_id,
            lang: self.lang,
            priority: crate::store::outbox::Priority::Interactive,
            subject: None,
            kind,
        }
    }
}

/// The figures of `scope` and their chart, as replies to the staff member.
pub(crate) async fn stats_report(
    tx: &mut crate::store::Tx,
    report: &Report<'_>,
    scope: &Scope,
) -> Result<Vec<super::Reply>> {
    let scope = scope.clone();
    let users = stats::users(tx, &scope).await?;
    let roles = stats::by_role(tx, &scope).await?;
    let role_count = |role: Role| {
        roles
            .iter()
            .find(|(r, _)| r == role.code())
            .map_or(0, |(_, n)| *n)
    };
    let registered: i64 = roles.iter().map(|(_, n)| n).sum();
    let now = report.now.timestamp();
    let week = stats::registrations_since(tx, &scope, now - 7 * 86_400).await?;
    let month = stats::registrations_since(tx, &scope, now - 30 * 86_400).await?;
    let villages = stats::top_villages(tx, &scope, 8).await?;

    let mut text = vec![
        area_heading(report.places, &scope),
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
    let open_questions = crate::store::questions::open_count(tx, &scope).await?;
    text.push(Msg::new("stats-questions").arg("count", open_questions));
    let seen = crate::store::trainings::Seen::Staff(scope.clone());
    let trainings = crate::store::trainings::upcoming(tx, report.now, &seen, true, 5, 0).await?;
    if !trainings.is_empty() {
        let lines = trainings
            .iter()
            .map(|t| {
                let title = match report.lang {
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
    let areas = by_area(tx, report, &scope).await?;
    if let Some(table) = &areas {
        text.push(table.table.clone());
    }
    let mut replies = vec![report.reply(ReplyKind::Message {
        text,
        keyboard: Keyboard::Inline(vec![vec![menu::menu_button()]]),
    })];

    // Weeks start on Monday, in the configured time zone.
    let local = report
        .now
        .with_timezone(&report.settings.timezone)
        .date_naive();
    let monday = local - Duration::days(i64::from(local.weekday().num_days_from_monday()));
    let first = monday - Duration::weeks(WEEKS - 1);
    let start = report
        .settings
        .timezone
        .from_local_datetime(&first.and_hms_opt(0, 0, 0).unwrap_or_default())
        .earliest()
        .map_or(now - WEEKS * 7 * 86_400, |t| t.timestamp());
    let per_week = stats::registrations_per_week(tx, &scope, start, WEEKS).await?;
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
    replies.push(
        report.reply(ReplyKind::Chart {
            caption: vec![Msg::new("stats-chart-caption")],
            panels: [
                ChartPanel {
                    title: Msg::new("stats-chart-weeks"),
                    bars: weeks,
                },
                ChartPanel {
                    title: Msg::new("stats-chart-roles"),
                    bars: roles,
                },
            ]
            .into_iter()
            .chain(areas.map(|a| a.chart))
            .collect(),
        }),
    );
    Ok(replies)
}

/// Whose figures these are: the whole country, or the staff member's regencies or villages.
fn area_heading(places: &crate::areas::Gazetteer, scope: &Scope) -> Msg {
    match scope {
        Scope::Country => Msg::new("stats-area-country"),
        Scope::Regencies(regencies) => Msg::new("stats-area").arg(
            "areas",
            Arg::List(
                regencies
                    .iter()
                    .map(|code| super::places::name_of(places, Area::Regency(*code)))
                    .collect(),
            ),
        ),
        Scope::Villages(villages) => Msg::new("stats-area").arg(
            "areas",
            Arg::List(
                villages
                    .iter()
                    .map(|code| super::places::name_of(places, Area::Village(*code)))
                    .collect(),
            ),
        ),
    }
}

/// A village («Kenanga — Sindang, Indramayu») or regency of a table by its stored code, named
/// as everywhere else (`places::name_of`).
pub(crate) fn area_label(places: &crate::areas::Gazetteer, by: stats::By, code: i64) -> Msg {
    let area = match by {
        stats::By::Village => VillageCode::from_number(code).map(Area::Village),
        stats::By::Regency => RegencyCode::from_number(code).map(Area::Regency),
    };
    match area {
        Some(area) => super::places::name_of(places, area),
        None => Msg::new("place-area-code").arg("code", code.to_string()),
    }
}

/// Rows a table by area shows at most (a chat screen, not a spreadsheet: the exports have all).
const AREA_ROWS: usize = 15;
/// Since when first answers count towards the median.
pub(crate) const MEDIAN_DAYS: i64 = 90;

struct ByArea {
    table: Msg,
    chart: ChartPanel,
}

/// How figures by area are grouped for `scope`: by regency for the whole country, by village
/// for a coordinator or an officer of several villages; not at all for one village.
pub(crate) fn grouped_by(scope: &Scope) -> Option<stats::By> {
    match scope {
        Scope::Country => Some(stats::By::Regency),
        Scope::Regencies(_) => Some(stats::By::Village),
        Scope::Villages(villages) if villages.len() > 1 => Some(stats::By::Village),
        Scope::Villages(_) => None,
    }
}

/// The table and chart by regency (for admins) or village (for a coordinator, or an officer
/// with more than one village).
async fn by_area(
    tx: &mut crate::store::Tx,
    report: &Report<'_>,
    scope: &Scope,
) -> Result<Option<ByArea>> {
    let Some(by) = grouped_by(scope) else {
        return Ok(None);
    };
    let overdue_before = (report.now - report.settings.escalate_after).timestamp();
    let since = (report.now - Duration::days(MEDIAN_DAYS)).timestamp();
    let rows = stats::by_area(tx, scope, by, overdue_before, since).await?;
    if rows.is_empty() {
        return Ok(None);
    }
    let places = report.places;
    let hours = report.settings.escalate_after.num_hours().max(1);
    let lines: Vec<Msg> = rows
        .iter()
        .take(AREA_ROWS)
        .map(|row| {
            let median = match row.median_first_answer {
                Some(seconds) => waited(seconds),
                None => Msg::new("stats-median-none"),
            };
            Msg::new("stats-area-row")
                .arg("area", area_label(places, by, row.code))
                .arg("registered", row.registered)
                .arg("seats", row.seats)
                .arg("open", row.open_questions)
                .arg("overdue", row.overdue)
                .arg("hours", hours)
                .arg("median", median)
        })
        .collect();
    let heading = match by {
        stats::By::Regency => "stats-by-regency",
        stats::By::Village => "stats-by-village",
    };
    let mut table = Msg::new(heading)
        .arg("list", Arg::Lines(lines))
        .arg("more", (rows.len().saturating_sub(AREA_ROWS)) as i64);
    table = table.arg("days", MEDIAN_DAYS);
    let bars = rows
        .iter()
        .take(8)
        .map(|row| {
            let label = match by {
                stats::By::Village => VillageCode::from_number(row.code)
                    .and_then(|c| places.village(c))
                    .map(|hit| hit.village.to_string()),
                stats::By::Regency => RegencyCode::from_number(row.code)
                    .and_then(|c| places.regency_name(c))
                    .map(str::to_owned),
            };
            let label = label.unwrap_or_else(|| row.code.to_string());
            (Msg::new("stats-bar").arg("label", label), row.registered)
        })
        .collect();
    let chart = ChartPanel {
        title: Msg::new(match by {
            stats::By::Regency => "stats-chart-regencies",
            stats::By::Village => "stats-chart-villages",
        }),
        bars,
    };
    Ok(Some(ByArea { table, chart }))
}

/// A wait, roughly, as people say it: minutes, hours or days.
pub(crate) fn waited(seconds: i64) -> Msg {
    match seconds {
        s if s < 3_600 => Msg::new("stats-minutes").arg("n", (s / 60).max(1)),
        s if s < 2 * 86_400 => Msg::new("stats-hours").arg("n", s / 3_600),
        s => Msg::new("stats-days").arg("n", s / 86_400),
    }
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
    let (Some(officer), Some((_, scope))) = (turn.user_id(), turn.role()) else {
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
        &format!("csv file, {}", scope_detail(&scope)),
        turn.now,
    )
    .await?;
    turn.notice(Msg::new("export-coming"), false);
    turn.push(ReplyKind::Export {
        table,
        file_name: format!("desmigratif-{}-{date}.csv", table.code()),
        scope,
    });
    Ok(())
}

/// The area of a file, for the audit log: "country", or the codes.
pub(crate) fn scope_detail(scope: &Scope) -> String {
    match scope {
        Scope::Country => "country".to_owned(),
        Scope::Regencies(regencies) => {
            let codes: Vec<String> = regencies.iter().map(|c| c.to_string()).collect();
            format!("regencies {}", codes.join(" "))
        }
        Scope::Villages(villages) => {
            let codes: Vec<String> = villages.iter().map(|c| c.to_string()).collect();
            format!("villages {}", codes.join(" "))
        }
    }
}
