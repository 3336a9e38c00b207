use std::{sync::Arc, time::Instant};

use axum::{
    Json,
    extract::{ConnectInfo, Request, State},
    http::{HeaderValue, StatusCode, header},
    response::{IntoResponse, Response},
};
use serde_json::{Value, json};

use crate::{
    conn::ConnHandle,
    faults::{Gate, apply_fault, gate_sending, is_sending_method},
    methods::dispatch,
    polling::get_updates,
    request::{Params, params_for_record, percent_decode, read_params},
    state::Inner,
    types::{Call, Outcome},
};

/// Larger request bodies are refused (the real server's upload limit is 50 MB).
pub(crate) const MAX_BODY_BYTES: usize = 60 * 1024 * 1024;

/// An error answer: HTTP status = `error_code`, the description, `retry_after` for 429.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct ApiError {
    pub(crate) code: u16,
    pub(crate) description: String,
    pub(crate) retry_after: Option<u32>,
}

impl ApiError {
    pub(crate) fn new(code: u16, description: impl Into<String>) -> Self {
        Self {
            code,
            description: description.into(),
            retry_after: None,
        }
    }
    pub(crate) fn bad(description: &str) -> Self {
        Self::new(400, format!("Bad Request: {description}"))
    }
    pub(crate) fn retry_after(secs: u32) -> Self {
        Self {
            code: 429,
            description: format!("Too Many Requests: retry after {secs}"),
            retry_after: Some(secs),
        }
    }
    pub(crate) fn server(status: u16) -> Self {
        let reason = match status {
            500 => "Internal Server Error",
            502 => "Bad Gateway",
            503 => "Service Unavailable",
            504 => "Gateway Timeout",
            _ => "Server Error",
        };
        Self::new(status, reason)
    }
}

enum Route {
    Method(String),
    File(String),
    Unauthorized,
    NotFound,
}

fn classify(raw_path: &str) -> Route {
    // teloxide percent-encodes the `/` inside file paths (`documents%2Ffile_1.pdf`)
    let decoded = percent_decode(raw_path.as_bytes(), false);
    let path = decoded.trim_start_matches('/');
    if let Some(rest) = path.strip_prefix("file/") {
        return match rest.split_once('/') {
            Some((bot_token, file_path))
                if valid_bot_segment(bot_token) && !file_path.is_empty() =>
            {
                Route::File(file_path.to_owned())
            }
            Some((bot_token, _)) if bot_token.starts_with("bot") => Route::Unauthorized,
            _ => Route::NotFound,
        };
    }
    match path.split_once('/') {
        Some((bot_token, method)) if bot_token.starts_with("bot") => {
            if !valid_bot_segment(bot_token) {
                Route::Unauthorized
            } else if method.is_empty() || method.contains('/') {
                Route::NotFound
            } else {
                Route::Method(method.to_owned())
            }
        }
        _ => Route::NotFound,
    }
}

/// `bot<digits>:<chars>`.
fn valid_bot_segment(segment: &str) -> bool {
    let Some(token) = segment.strip_prefix("bot") else {
        return false;
    };
    let Some((id, secret)) = token.split_once(':') else {
        return false;
    };
    !id.is_empty()
        && id.bytes().all(|b| b.is_ascii_digit())
        && !secret.is_empty()
        && secret
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'_' || b == b'-')
}

pub(crate) async fn handle_request(
    State(inner): State<Arc<Inner>>,
    ConnectInfo(conn): ConnectInfo<ConnHandle>,
    req: Request,
) -> Response {
    let at = Instant::now();
    match classify(req.uri().path()) {
        Route::Method(method) => handle_method(inner, conn, method, req, at).await,
        Route::File(file_path) => serve_file(&inner, &file_path),
        Route::Unauthorized => error_response(&ApiError::new(401, "Unauthorized")),
        Route::NotFound => error_response(&ApiError::new(404, "Not Found")),
    }
}

fn serve_file(inner: &Inner, file_path: &str) -> Response {
    let st = inner.lock();
    let bytes = st
        .file_paths
        .get(file_path)
        .and_then(|id| st.files.get(id))
        .map(|f| f.bytes.clone());
    drop(st);
    match bytes {
        Some(bytes) => (
            StatusCode::OK,
            [(header::CONTENT_TYPE, "application/octet-stream")],
            bytes.as_ref().clone(),
        )
            .into_response(),
        None => error_response(&ApiError::new(404, "Not Found")),
    }
}

fn ok_response(result: Value) -> Response {
    (StatusCode::OK, Json(json!({"ok": true, "result": result}))).into_response()
}

fn error_response(err: &ApiError) -> Response {
    let mut body = json!({"ok": false, "error_code": err.code, "description": err.description});
    if let Some(secs) = err.retry_after {
        body["parameters"] = json!({ "retry_after": secs });
    }
    let status = StatusCode::from_u16(err.code).unwrap_or(StatusCode::BAD_REQUEST);
    let mut response = (status, Json(body)).into_response();
    if let Some(secs) = err.retry_after {
        response
            .headers_mut()
            .insert(header::RETRY_AFTER, HeaderValue::from(secs));
    }
    response
}

/// Canonical names; requests match them case-insensitively (teloxide sends `SendMessage`).
const KNOWN_METHODS: &[&str] = &[
    "getMe",
    "getWebhookInfo",
    "setWebhook",
    "deleteWebhook",
    "getUpdates",
    "sendMessage",
    "editMessageText",
    "editMessageReplyMarkup",
    "deleteMessage",
    "answerCallbackQuery",
    "setMyCommands",
    "getMyCommands",
    "deleteMyCommands",
    "sendDocument",
    "sendPhoto",
    "sendChatAction",
    "getFile",
    "copyMessage",
    "forwardMessage",
    "getChatMember",
    "getChatMemberCount",
];

async fn handle_method(
    inner: Arc<Inner>,
    conn: ConnHandle,
    method: String,
    req: Request,
    at: Instant,
) -> Response {
    let lower = method.to_ascii_lowercase();
    let canonical = KNOWN_METHODS
        .iter()
        .find(|m| m.eq_ignore_ascii_case(&method))
        .copied();
    let method = canonical.map_or(method, str::to_owned);
    let (params, uploads) = match read_params(req).await {
        Ok(parsed) => parsed,
        Err(err) => return finish(&inner, &method, Params::new(), at, Err(err), false),
    };
    let recorded = params_for_record(&params, &uploads);
    if canonical.is_none() {
        let err = ApiError::new(404, "Not Found: method not found");
        return finish(&inner, &method, recorded, at, Err(err), false);
    }
    if lower == "getupdates" {
        return get_updates(&inner, &conn, &method, &params, recorded, at).await;
    }
    if is_sending_method(&lower) {
        let gate = gate_sending(&mut inner.lock(), at);
        match gate {
            Gate::Pass => {}
            Gate::Reject { err, violation } => {
                return finish(&inner, &method, recorded, at, Err(err), violation);
            }
            Gate::Fault(fault) => {
                if let Some(response) =
                    apply_fault(&inner, &conn, &method, &recorded, at, fault).await
                {
                    return response;
                }
            }
        }
    }
    let result = {
        let mut st = inner.lock();
        dispatch(&mut st, &lower, &method, &params, uploads, at)
    };
    if lower == "setwebhook" {
        inner.wake_pollers(); // terminates running long polls
    }
    finish(&inner, &method, recorded, at, result, false)
}

/// Records the call and builds the HTTP answer.
pub(crate) fn finish(
    inner: &Inner,
    method: &str,
    params: Params,
    at: Instant,
    result: Result<Value, ApiError>,
    violation: bool,
) -> Response {
    let (outcome, description) = match &result {
        Ok(_) => (Outcome::Ok, None),
        Err(err) => (Outcome::Err(err.code), Some(err.description.clone())),
    };
    inner.record(Call {
        method: method.to_owned(),
        params: Value::Object(params),
        at,
        outcome,
        description,
        during_penalty: violation,
    });
    match result {
        Ok(value) => ok_response(value),
        Err(err) => error_response(&err),
    }
}
