//! Writing and changing a training in the console, with the browser's own date and time field
//! (in `TIMEZONE`), each part checked as the bot checks its steps; and a season of trainings
//! from a CSV upload, all or nothing, with the problems by line.

use std::sync::Arc;

use axum::{
    extract::{Path, State},
    http::StatusCode,
    response::Response,
};
use maud::{Markup, html};

use super::Console;
use super::auth::Staff;
use super::page::{self, Section, Words};
use crate::domain::{Category, TrainingDetails, TrainingStatus};
use crate::engine::sheet::SHOWN_PROBLEMS;
use crate::engine::{
    Msg,
    trainings::{Field, check_form},
};
use crate::store;

/// A form's name for each part of a training.
fn name_of(field: Field) -> &'static str {
    match field {
        Field::TitleId => "title_id",
        Field::TitleEn => "title_en",
        Field::Category => "category",
        Field::StartsAt => "starts_at",
        Field::Location => "location",
        Field::Capacity => "capacity",
        Field::DescriptionId => "description_id",
        Field::DescriptionEn => "description_en",
    }
}

fn label_of(field: Field) -> &'static str {
    match field {
        Field::TitleId => "training-field-title-id",
        Field::TitleEn => "training-field-title-en",
        Field::Category => "training-field-category",
        Field::StartsAt => "training-field-starts-at",
        Field::Location => "training-field-location",
        Field::Capacity => "training-field-capacity",
        Field::DescriptionId => "training-field-description-id",
        Field::DescriptionEn => "training-field-description-en",
    }
}

/// What the form holds: each part as typed, and the area chosen (as stored).
#[derive(Default)]
struct Typed {
    values: Vec<(Field, String)>,
    area: Option<i64>,
}

impl Typed {
    fn get(&self, field: Field) -> &str {
        self.values
            .iter()
            .find(|(f, _)| *f == field)
            .map_or("", |(_, v)| v.as_str())
    }

    fn from_form(fields: &[(String, String)]) -> Typed {
        let mut typed = Typed::default();
        for field in Field::ALL {
            let value = fields
                .iter()
                .find(|(n, _)| n == name_of(field))
                .map(|(_, v)| v.replace("\r\n", "\n"))
                .unwrap_or_default();
            typed.values.push((field, value));
        }
        typed.area = fields
            .iter()
            .find(|(n, _)| n == "area")
            .and_then(|(_, v)| v.parse().ok());
        typed
    }

    fn from_training(details: &TrainingDetails, tz: chrono_tz::Tz) -> Typed {
        let starts = crate::domain::training::format_start(details.starts_at, tz).replace(' ', "T");
        let values = Field::ALL
            .into_iter()
            .map(|field| {
                let value = match field {
                    Field::TitleId => details.title_id.as_str().to_owned(),
                    Field::TitleEn => details.title_en.as_str().to_owned(),
                    Field::Category => details.category.code().to_owned(),
                    Field::StartsAt => starts.clone(),
                    Field::Location => details.location.as_str().to_owned(),
                    Field::Capacity => details.capacity.get().to_string(),
                    Field::DescriptionId => details.description_id.as_str().to_owned(),
                    Field::DescriptionEn => details.description_en.as_str().to_owned(),
                };
                (field, value)
            })
            .collect();
        Typed { values, area: None }
    }
}

/// The form, new (`id` none) or for training `id`.
async fn form_page(
    console: &Console,
    staff: &Staff,
    id: Option<i64>,
    typed: &Typed,
    problems: &[(Field, Msg)],
    problem: Option<Msg>,
) -> Response {
    let w = console.words(staff.lang);
    let areas = crate::engine::trainings::areas_of(&staff.scope);
    let gazetteer = if id.is_none() && areas.len() > 1 {
        match console.gazetteer().await {
            Ok(g) => Some(g),
            Err(e) => return page::failure(console, staff.lang, &e),
        }
    } else {
        None
    };
    let action = match id {
        Some(id) => format!("/trainings/{id}/edit"),
        None => "/trainings/new".to_owned(),
    };
    let problem_of = |field: Field| problems.iter().find(|(f, _)| *f == field).map(|(_, m)| m);
    let input = |field: Field| -> Markup {
        let name = name_of(field);
        let id = format!("training-{name}");
        let value = typed.get(field);
        let problem = problem_of(field);
        // English is optional: left empty, everyone reads the Indonesian.
        let english = matches!(field, Field::TitleEn | Field::DescriptionEn);
        html! {
            label for=(id) { (w.t(label_of(field))) }
            @if english {
                p.hint { (w.t("console-training-english-optional")) }
            }
            @if let Some(problem) = problem {
                p.problem id={(id) "-problem"} { (w.msg(problem)) }
            }
            @match field {
                Field::DescriptionId | Field::DescriptionEn => {
                    textarea id=(id) name=(name) rows="4" maxlength="1000" required[!english]
                        aria-invalid=[problem.map(|_| "true")] { (value) }
                }
                Field::Category => {
                    select id=(id) name=(name) required {
                        @for category in Category::ALL {
                            option value=(category.code()) selected[value == category.code()] {
                                (w.t(&category.message_id()))
                            }
                        }
                    }
                }
                Field::StartsAt => {
                    input id=(id) type="datetime-local" name=(name) value=(value) required
                        aria-invalid=[problem.map(|_| "true")];
                    p.hint { (w.msg(&Msg::new("console-broadcast-time").arg("zone", page::zone_name(console)))) }
                }
                Field::Capacity => {
                    input id=(id) type="number" min="1" max="10000" name=(name) value=(value) required
                        aria-invalid=[problem.map(|_| "true")];
                }
                _ => {
                    input id=(id) type="text" name=(name) value=(value) maxlength="200" required[!english]
                        aria-invalid=[problem.map(|_| "true")];
                }
            }
        }
    };
    let body = html! {
        @if let Some(problem) = &problem {
            p.problem role="alert" { (w.msg(problem)) }
        }
        @if !problems.is_empty() {
            p.problem role="alert" { (w.t("console-training-fix")) }
        }
        form.compose method="post" action=(action) {
            (page::csrf(staff))
            fieldset {
                legend { (w.t("console-training-about")) }
                (input(Field::TitleId))
                (input(Field::TitleEn))
                (input(Field::Category))
                (input(Field::DescriptionId))
                (input(Field::DescriptionEn))
            }
            fieldset {
                legend { (w.t("console-training-when-where")) }
                (input(Field::StartsAt))
                (input(Field::Location))
                (input(Field::Capacity))
                @if let Some(gazetteer) = &gazetteer {
                    label for="training-area" { (w.t("console-training-area")) }
                    select #training-area name="area" {
                        @for area in &areas {
                            option value=(area.to_db()) selected[typed.area == Some(area.to_db())] {
                                (w.msg(&crate::engine::places::name_of(gazetteer, *area)))
                            }
                        }
                    }
                }
            }
            @if id.is_some() {
                p.hint { (w.t("console-training-edit-told")) }
            }
            button.primary #save-training type="submit" { (w.t("console-training-save")) }
        }
        p { a href=(id.map_or("/trainings".to_owned(), |id| format!("/trainings/{id}"))) { "← " (w.t("console-back-trainings")) } }
    };
    let title = match id {
        Some(_) => w.t("console-training-edit-title"),
        None => w.t("console-training-new-title"),
    };
    let mut response = page::frame(console, staff, Section::Trainings, &title, &[], body);
    if problem.is_some() || !problems.is_empty() {
        *response.status_mut() = StatusCode::UNPROCESSABLE_ENTITY;
    }
    response
}

/// `GET /trainings/new`.
pub async fn new(State(console): State<Arc<Console>>, staff: Staff) -> Response {
    form_page(&console, &staff, None, &Typed::default(), &[], None).await
}

/// `POST /trainings/new`.
pub async fn create(
    State(console): State<Arc<Console>>,
    staff: Staff,
    page::Fields(fields): page::Fields<Vec<(String, String)>>,
) -> Response {
    save(&console, &staff, None, &fields).await
}

/// A training of the officer's they can still change, else `None` (404).
async fn theirs(
    console: &Console,
    staff: &Staff,
    id: &str,
) -> Result<Option<store::trainings::Training>, Response> {
    let Some(id) = crate::engine::action::parse_id(id) else {
        return Ok(None);
    };
    let scope = staff.scope.clone();
    match console
        .engine
        .reader()
        .read(async |tx| store::trainings::find(tx, id).await)
        .await
    {
        Ok(found) => Ok(found.filter(|t| scope.covers(t.area))),
        Err(e) => Err(page::failure(console, staff.lang, &e)),
    }
}

/// `GET /trainings/{id}/edit`.
pub async fn edit(
    State(console): State<Arc<Console>>,
    staff: Staff,
    Path(id): Path<String>,
) -> Response {
    let training = match theirs(&console, &staff, &id).await {
        Ok(Some(t)) => t,
        Ok(None) => return page::not_found(&console, staff.lang),
        Err(response) => return response,
    };
    let tz = console.engine.settings().timezone;
    let typed = Typed::from_training(&training.details, tz);
    let problem = (training.status == TrainingStatus::Cancelled)
        .then(|| Msg::new("training-cancelled-unchangeable"));
    form_page(&console, &staff, Some(training.id), &typed, &[], problem).await
}

/// `POST /trainings/{id}/edit`.
pub async fn update(
    State(console): State<Arc<Console>>,
    staff: Staff,
    Path(id): Path<String>,
    page::Fields(fields): page::Fields<Vec<(String, String)>>,
) -> Response {
    let training = match theirs(&console, &staff, &id).await {
        Ok(Some(t)) => t,
        Ok(None) => return page::not_found(&console, staff.lang),
        Err(response) => return response,
    };
    save(&console, &staff, Some(training.id), &fields).await
}

async fn save(
    console: &Console,
    staff: &Staff,
    id: Option<i64>,
    fields: &[(String, String)],
) -> Response {
    let csrf = fields
        .iter()
        .find(|(n, _)| n == "csrf")
        .map_or("", |(_, v)| v.as_str());
    if !staff.form_is_ours(csrf) {
        return page::forged(console, staff.lang);
    }
    let typed = Typed::from_form(fields);
    let tz = console.engine.settings().timezone;
    let now = console.engine.clock().now();
    let details = match check_form(&typed.values, tz, now) {
        Ok(details) => details,
        Err(problems) => return form_page(console, staff, id, &typed, &problems, None).await,
    };
    match console
        .engine
        .console_training(staff.user_id, id, details, typed.area)
        .await
    {
        Ok(Ok((saved, said))) => {
            let w = console.words(staff.lang);
            let said = said.unwrap_or_else(|| Msg::new("training-saved"));
            console.add_flash(staff.session.id, vec![w.msg(&said)]);
            page::see_other(&format!("/trainings/{saved}"))
        }
        Ok(Err(problem)) => form_page(console, staff, id, &typed, &[], Some(problem)).await,
        Err(e) => page::failure(console, staff.lang, &e),
    }
}

/// The upload form on the trainings page.
pub fn import_form(w: Words<'_>, staff: &Staff) -> Markup {
    html! {
        form.compose method="post" action="/trainings/import" enctype="multipart/form-data" {
            (page::csrf(staff))
            fieldset {
                legend { (w.t("console-training-import")) }
                p.hint { (w.msg(&Msg::new("console-training-import-hint").arg("columns", crate::domain::training_csv::COLUMNS.join(",")))) }
                label for="training-csv" { (w.t("console-training-import-file")) }
                input #training-csv type="file" name="file" accept=".csv,text/csv" required;
                button #import-trainings type="submit" { (w.t("console-training-import-button")) }
            }
        }
    }
}

/// `POST /trainings/import`: a CSV of trainings, all saved or none.
pub async fn import(
    State(console): State<Arc<Console>>,
    staff: Staff,
    posted: page::Posted,
) -> Response {
    let csrf = posted
        .fields
        .iter()
        .find(|(name, _)| name == "csrf")
        .map_or("", |(_, value)| value.as_str());
    if !staff.form_is_ours(csrf) {
        return page::forged(&console, staff.lang);
    }
    let Some((_, file)) = posted.files.iter().find(|(name, _)| name == "file") else {
        return page::notice(
            &console,
            staff.lang,
            StatusCode::BAD_REQUEST,
            "console-bad-form",
        );
    };
    let w = console.words(staff.lang);
    match console.engine.console_import(staff.user_id, file).await {
        Ok(Ok(count)) => {
            let said = Msg::new("training-import-done").arg("count", count as i64);
            console.add_flash(staff.session.id, vec![w.msg(&said)]);
            page::see_other("/trainings")
        }
        Ok(Err(problems)) => {
            let body = html! {
                p.problem role="alert" { (w.msg(&Msg::new("training-import-failed").arg("count", problems.len() as i64))) }
                ul { @for problem in problems.iter().take(SHOWN_PROBLEMS) { li { (w.msg(problem)) } } }
                @if problems.len() > SHOWN_PROBLEMS {
                    p { (w.msg(&Msg::new("sheet-more").arg("count", (problems.len() - SHOWN_PROBLEMS) as i64))) }
                }
                (import_form(w, &staff))
                p { a href="/trainings" { "← " (w.t("console-back-trainings")) } }
            };
            let mut response = page::frame(
                &console,
                &staff,
                Section::Trainings,
                &w.t("console-training-import"),
                &[],
                body,
            );
            *response.status_mut() = StatusCode::UNPROCESSABLE_ENTITY;
            response
        }
        Err(e) => page::failure(&console, staff.lang, &e),
    }
}
