use axum::{
    extract::{FromRequest, Multipart, Request},
    http::header,
};
use serde_json::{Map, Value, json};

use crate::server::{ApiError, MAX_BODY_BYTES};

/// A request's parameters, whatever encoding they came in.
pub(crate) type Params = Map<String, Value>;

/// A multipart part. Text parts are kept too (they also land in the parameters) because an
/// upload without a file name is indistinguishable from a text part.
pub(crate) struct Upload {
    pub(crate) field: String,
    pub(crate) is_file: bool,
    pub(crate) file_name: Option<String>,
    pub(crate) content_type: Option<String>,
    pub(crate) data: Vec<u8>,
}

/// Query string plus the body (multipart, urlencoded or JSON); multipart parts as uploads.
pub(crate) async fn read_params(req: Request) -> Result<(Params, Vec<Upload>), ApiError> {
    let mut params = req
        .uri()
        .query()
        .map(|q| parse_urlencoded(q.as_bytes()))
        .unwrap_or_default();
    let content_type = req
        .headers()
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .unwrap_or("")
        .to_ascii_lowercase();
    let mut uploads = Vec::new();
    if content_type.starts_with("multipart/form-data") {
        let mut multipart = Multipart::from_request(req, &())
            .await
            .map_err(|_| ApiError::bad("can't parse multipart/form-data request"))?;
        while let Some(field) = multipart
            .next_field()
            .await
            .map_err(|_| ApiError::bad("can't parse multipart/form-data request"))?
        {
            let name = field.name().unwrap_or_default().to_owned();
            let file_name = field.file_name().map(str::to_owned);
            let part_type = field.content_type().map(str::to_owned);
            let data = field
                .bytes()
                .await
                .map_err(|_| ApiError::bad("can't read multipart field"))?;
            let is_file = file_name.is_some();
            if !is_file {
                params.insert(
                    name.clone(),
                    text_field_value(&String::from_utf8_lossy(&data)),
                );
            }
            uploads.push(Upload {
                field: name,
                is_file,
                file_name: file_name.filter(|n| !n.is_empty()),
                content_type: part_type,
                data: data.to_vec(),
            });
        }
        return Ok((params, uploads));
    }
    let body = axum::body::to_bytes(req.into_body(), MAX_BODY_BYTES)
        .await
        .map_err(|_| ApiError::new(413, "Request Entity Too Large"))?;
    if body.iter().all(u8::is_ascii_whitespace) {
        return Ok((params, uploads));
    }
    if content_type.starts_with("application/x-www-form-urlencoded") {
        params.extend(parse_urlencoded(&body));
    } else {
        match serde_json::from_slice::<Value>(&body) {
            Ok(Value::Object(map)) => params.extend(map),
            _ => return Err(ApiError::bad("can't parse JSON encoded request")),
        }
    }
    Ok((params, uploads))
}

/// Multipart and urlencoded values are strings; JSON-looking ones (keyboards, commands) are
/// parsed so that handlers can treat them like JSON bodies.
fn text_field_value(text: &str) -> Value {
    let trimmed = text.trim_start();
    if (trimmed.starts_with('{') || trimmed.starts_with('['))
        && let Ok(value) = serde_json::from_str::<Value>(text)
    {
        return value;
    }
    Value::String(text.to_owned())
}

fn parse_urlencoded(input: &[u8]) -> Params {
    let mut params = Params::new();
    for pair in input.split(|b| *b == b'&').filter(|p| !p.is_empty()) {
        let (key, value) = match pair.iter().position(|b| *b == b'=') {
            Some(eq) => (&pair[..eq], &pair[eq + 1..]),
            None => (pair, &b""[..]),
        };
        params.insert(
            percent_decode(key, true),
            text_field_value(&percent_decode(value, true)),
        );
    }
    params
}

/// `%XX` decoding; `plus_is_space` for form bodies and query strings.
pub(crate) fn percent_decode(input: &[u8], plus_is_space: bool) -> String {
    let mut out = Vec::with_capacity(input.len());
    let mut i = 0;
    while i < input.len() {
        match input[i] {
            b'+' if plus_is_space => out.push(b' '),
            b'%' if i + 2 < input.len() => {
                let hex = std::str::from_utf8(&input[i + 1..i + 3])
                    .ok()
                    .and_then(|h| u8::from_str_radix(h, 16).ok());
                match hex {
                    Some(byte) => {
                        out.push(byte);
                        i += 2;
                    }
                    None => out.push(b'%'),
                }
            }
            other => out.push(other),
        }
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

pub(crate) fn params_for_record(params: &Params, uploads: &[Upload]) -> Params {
    let mut recorded = params.clone();
    for upload in uploads {
        let info = json!({"file_name": upload.file_name, "size": upload.data.len(), "content_type": upload.content_type});
        let reference = format!("attach://{}", upload.field);
        let attached_as = recorded
            .iter()
            .find(|(_, v)| v.as_str() == Some(reference.as_str()))
            .map(|(k, _)| k.clone());
        match attached_as {
            Some(key) => {
                recorded.remove(&upload.field);
                recorded.insert(key, info);
            }
            None if upload.is_file => {
                recorded.insert(upload.field.clone(), info);
            }
            None => {}
        }
    }
    recorded
}

// ---- typed access ----

pub(crate) fn value_as_i64(value: &Value) -> Option<i64> {
    match value {
        Value::Number(n) => n.as_i64(),
        Value::String(s) => s.trim().parse().ok(),
        _ => None,
    }
}

pub(crate) fn value_as_string(value: &Value) -> Option<String> {
    match value {
        Value::String(s) => Some(s.clone()),
        Value::Number(n) => Some(n.to_string()),
        Value::Bool(b) => Some(b.to_string()),
        _ => None,
    }
}

pub(crate) fn p_str(p: &Params, key: &str) -> Option<String> {
    p.get(key).and_then(value_as_string)
}

pub(crate) fn p_i64(p: &Params, key: &str) -> Option<i64> {
    p.get(key).and_then(value_as_i64)
}

pub(crate) fn p_bool(p: &Params, key: &str) -> bool {
    match p.get(key) {
        Some(Value::Bool(b)) => *b,
        Some(Value::String(s)) => s == "true" || s == "1",
        Some(Value::Number(n)) => n.as_i64() == Some(1),
        _ => false,
    }
}

/// A JSON parameter that may also arrive as a JSON-encoded string.
pub(crate) fn p_json(p: &Params, key: &str) -> Option<Value> {
    match p.get(key)? {
        Value::String(s) => serde_json::from_str(s).ok(),
        Value::Null => None,
        other => Some(other.clone()),
    }
}

pub(crate) fn chat_id_param(p: &Params, key: &str) -> Result<i64, ApiError> {
    match p.get(key) {
        None | Some(Value::Null) => Err(ApiError::bad(&format!("{key} is empty"))),
        Some(Value::String(s)) if s.is_empty() => Err(ApiError::bad(&format!("{key} is empty"))),
        // `@channelusername` and garbage are unknown chats here
        Some(value) => value_as_i64(value).ok_or_else(|| ApiError::bad("chat not found")),
    }
}

pub(crate) fn message_id_param(p: &Params, key: &str) -> Result<i32, ApiError> {
    p_i64(p, key)
        .and_then(|id| i32::try_from(id).ok())
        .ok_or_else(|| ApiError::bad("message identifier is not specified"))
}
