//! The officers' web console: the same program, the same data and the same rules as the bot,
//! in a browser, for the coordinators and the ministry's staff who follow many villages from a
//! desk.
//!
//! Pages are HTML made on the server (`maud`); there is no script. Reads run on read
//! connections (`store::Reader`), so a long list never holds up the bot's replies; every change
//! is an action of the engine (`Engine::console_act`), run as the bot's button would be.
//!
//! Routes and their answers:
//! - `GET /login/{token}`: the page with «Masuk» (a link is used only by the form, so a
//!   preview or a scanner that opens the link does not spend it); `POST /login` logs in:
//!   303 to `/` with the session cookie, or the page saying the link is spent.
//! - every other page needs a session: without one, 303 to `/login`.
//! - `POST` forms carry the session's CSRF token: without it, 403 and nothing is done.
//! - an id outside the officer's area, or that does not exist: 404, the same page for both.
//! - a database failure: 500 with a kind page; nothing is half done (one unit of work).

mod applications;
mod audit;
mod auth;
mod broadcasts;
mod exports;
mod officers;
mod overview;
mod page;
mod people;
mod questions;
mod svg;
mod training_form;
mod trainings;

use std::{collections::HashMap, sync::Arc, sync::Mutex, time::Duration};

use anyhow::Context;
use axum::{
    Router,
    routing::{get, post},
};
use tokio::net::TcpListener;
use tokio_util::sync::CancellationToken;

use crate::engine::Engine;
use crate::i18n::Locales;
use crate::store;

/// What every handler shares.
pub struct Console {
    engine: Engine,
    locales: Arc<Locales>,
    /// Served over https (`CONSOLE_URL`): cookies are marked `Secure`.
    secure: bool,
    /// What was done, to show on the next page of that session (kept in memory: a restart
    /// loses only these notes, never what was done).
    flash: Mutex<HashMap<i64, Vec<String>>>,
    /// An answer a session could not send (someone answered first), offered again as an
    /// addition or a correction: (question, words).
    drafts: Mutex<HashMap<i64, (i64, String)>>,
    /// Each area's overview figures, and when they were counted.
    overview: Mutex<HashMap<String, (std::time::Instant, overview::Figures)>>,
    /// Each area's numbers beside an announcement's choices: when counted (and in Unix
    /// seconds, to show), and the numbers.
    audiences: Mutex<HashMap<String, (std::time::Instant, i64, store::audiences::Breakdown)>>,
    /// Each announcement preview's one-time token, and the announcement its «Kirim» made (0
    /// while it is being sent): a second press, or the same preview sent again from the
    /// browser's history, sends nothing more.
    sent: Mutex<HashMap<String, i64>>,
    /// Photos chosen for an announcement, between its form, its preview and «Kirim»: by a
    /// token of their own, with the session they belong to and when they came (kept in
    /// memory: after a restart the officer chooses the photo again).
    photos: Mutex<HashMap<String, broadcasts::HeldPhoto>>,
    /// Log-in attempts, for all browsers together: a link is 256 random bits, and this keeps
    /// anyone from trying many.
    logins: governor::DefaultDirectRateLimiter,
}

/// Binds `CONSOLE_LISTEN` (first thing at start, so a port in use stops the start); `None`
/// when the console is off.
pub async fn bind(config: &crate::config::Config) -> anyhow::Result<Option<TcpListener>> {
    let Some(address) = config.console_listen else {
        return Ok(None);
    };
    let listener = TcpListener::bind(address)
        .await
        .with_context(|| format!("CONSOLE_LISTEN: cannot listen on {address}"))?;
    Ok(Some(listener))
}

/// Serves the console on `listener` until `stop`; `url` is its address as browsers reach it
/// (`CONSOLE_URL`: over https, cookies are marked `Secure`).
pub async fn serve(
    listener: TcpListener,
    url: url::Url,
    engine: Engine,
    locales: Arc<Locales>,
    stop: CancellationToken,
) {
    let console = Console {
        engine,
        locales,
        secure: url.scheme() == "https",
        flash: Mutex::new(HashMap::new()),
        drafts: Mutex::new(HashMap::new()),
        overview: Mutex::new(HashMap::new()),
        audiences: Mutex::new(HashMap::new()),
        sent: Mutex::new(HashMap::new()),
        photos: Mutex::new(HashMap::new()),
        logins: governor::RateLimiter::direct(
            governor::Quota::per_minute(std::num::NonZeroU32::new(30).expect("not zero"))
                .allow_burst(std::num::NonZeroU32::new(10).expect("not zero")),
        ),
    };
    let listening = listener
        .local_addr()
        .map(|a| a.to_string())
        .unwrap_or_default();
    tracing::info!(%listening, %url, "console ready");
    let router = router(Arc::new(console));
    let limits = crate::http_server::Limits::for_the_internet();
    crate::http_server::serve(listener, router, limits, stop, Duration::from_millis(1500)).await;
}

fn router(console: Arc<Console>) -> Router {
    Router::new()
        .route("/", get(overview::show))
        .route("/login", get(auth::login_help).post(auth::log_in))
        .route("/login/{token}", get(auth::login_page))
        .route("/logout", post(auth::log_out))
        .route("/language", post(auth::set_language))
        .route("/sessions", get(auth::sessions))
        .route("/sessions/end-all", post(auth::end_all))
        .route("/sessions/{id}/end", post(auth::end_one))
        .route("/questions", get(questions::inbox))
        .route("/questions/{id}", get(questions::show))
        .route("/questions/{id}/answer", post(questions::answer))
        .route("/questions/{id}/amend", post(questions::amend))
        .route("/act", post(questions::act))
        .route("/applications", get(applications::list))
        .route("/broadcasts", get(broadcasts::list))
        .route(
            "/broadcasts/new",
            get(broadcasts::new)
                .post(broadcasts::compose)
                // A photo of up to 5 MB, with the words.
                .layer(axum::extract::DefaultBodyLimit::max(
                    crate::engine::broadcast::MAX_PHOTO_BYTES + 256 * 1024,
                )),
        )
        .route("/broadcasts/photo/{token}", get(broadcasts::photo))
        .route("/broadcasts/{id}", get(broadcasts::show))
        .route("/audit", get(audit::list))
        .route("/exports", get(exports::list))
        .route("/exports/{table}", post(exports::download))
        .route("/officers", get(officers::list))
        .route("/officers/invite", post(officers::invite))
        .route("/trainings", get(trainings::list))
        .route(
            "/trainings/new",
            get(training_form::new).post(training_form::create),
        )
        .route("/trainings/import", post(training_form::import))
        .route("/trainings/{id}", get(trainings::show))
        .route(
            "/trainings/{id}/edit",
            get(training_form::edit).post(training_form::update),
        )
        .route("/people", get(people::search))
        .route("/people/{id}", get(people::show))
        .route("/static/console.css", get(page::stylesheet))
        .fallback(page::not_found_anywhere)
        .layer(axum::middleware::from_fn(page::security_headers))
        .with_state(console)
}

impl Console {
    /// The village list, built once and kept by the engine (read on a read connection the
    /// first time only).
    async fn gazetteer(&self) -> store::Result<Arc<crate::areas::Gazetteer>> {
        let places = self.engine.places();
        match places.built() {
            Some(built) => Ok(built),
            None => {
                self.engine
                    .reader()
                    .read(async |tx| places.get(tx).await)
                    .await
            }
        }
    }

    fn take_flash(&self, session: i64) -> Vec<String> {
        self.flash
            .lock()
            .map(|mut flash| flash.remove(&session).unwrap_or_default())
            .unwrap_or_default()
    }

    fn keep_draft(&self, session: i64, draft: (i64, String)) {
        if let Ok(mut drafts) = self.drafts.lock() {
            drafts.insert(session, draft);
        }
    }

    /// The words kept for `question`, once.
    fn take_draft(&self, session: i64, question: i64) -> Option<String> {
        let mut drafts = self.drafts.lock().ok()?;
        match drafts.get(&session) {
            Some((id, _)) if *id == question => drafts.remove(&session).map(|(_, text)| text),
            _ => None,
        }
    }

    fn add_flash(&self, session: i64, said: Vec<String>) {
        if said.is_empty() {
            return;
        }
        if let Ok(mut flash) = self.flash.lock() {
            flash.entry(session).or_default().extend(said);
        }
    }
}
