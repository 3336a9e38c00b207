use std::{sync::Arc, time::Instant};

use serde_json::{Value, json};

use crate::{
    request::{Params, Upload, chat_id_param, p_str},
    server::ApiError,
    state::{FakeState, FileRecord},
    types::SentKind,
};

use super::{
    markup::reply_markup_param,
    messages::{
        Outgoing, commit_outgoing, new_bot_message, reply_target, set_markup, set_text_fields,
    },
    text::caption_param,
};

#[derive(Clone, Copy, PartialEq, Eq)]
pub(crate) enum FileKind {
    Document,
    Photo,
}

impl FileKind {
    fn field(self) -> &'static str {
        match self {
            FileKind::Document => "document",
            FileKind::Photo => "photo",
        }
    }
}

/// The file bytes and name of an upload, file id or URL parameter.
struct InputFile {
    bytes: Arc<Vec<u8>>,
    file_name: Option<String>,
    content_type: Option<String>,
    existing: Option<FileRecord>,
}

fn input_file(
    st: &FakeState,
    p: &Params,
    uploads: &[Upload],
    field: &str,
) -> Result<InputFile, ApiError> {
    let missing = || ApiError::bad(&format!("there is no {field} in the request"));
    let from_upload = |upload: &Upload| InputFile {
        bytes: Arc::new(upload.data.clone()),
        file_name: upload.file_name.clone(),
        content_type: upload.content_type.clone(),
        existing: None,
    };
    let Some(value) =
        p_str(p, field).filter(|_| !uploads.iter().any(|u| u.field == field && u.is_file))
    else {
        return uploads
            .iter()
            .find(|u| u.field == field)
            .map(from_upload)
            .ok_or_else(missing);
    };
    if let Some(name) = value.strip_prefix("attach://") {
        return uploads
            .iter()
            .find(|u| u.field == name)
            .map(from_upload)
            .ok_or_else(missing);
    }
    let lower = value.to_ascii_lowercase();
    if lower.starts_with("http://") || lower.starts_with("https://") {
        let name = value
            .rsplit('/')
            .next()
            .filter(|n| !n.is_empty())
            .map(str::to_owned);
        return Ok(InputFile {
            bytes: Arc::new(Vec::new()),
            file_name: name,
            content_type: None,
            existing: None,
        });
    }
    match st.files.get(&value) {
        Some(record) => Ok(InputFile {
            bytes: record.bytes.clone(),
            file_name: None,
            content_type: None,
            existing: Some(record.clone()),
        }),
        None => Err(ApiError::bad("wrong file identifier/HTTP URL specified")),
    }
}

pub(crate) fn send_file(
    st: &mut FakeState,
    method: &str,
    p: &Params,
    uploads: &[Upload],
    at: Instant,
    kind: FileKind,
) -> Result<Value, ApiError> {
    let caption = caption_param(p)?;
    let chat_id = chat_id_param(p, "chat_id")?;
    let chat = st.known_chat(chat_id)?;
    let input = input_file(st, p, uploads, kind.field())?;
    let markup = reply_markup_param(p)?;
    let reply_to = reply_target(st, chat_id, p)?;
    st.ensure_reachable(chat_id)?;
    let size = input.bytes.len();
    let (media, sent_kind) = match kind {
        FileKind::Document => {
            let (document, mime_type) = document_json(st, &input);
            let file_name = document
                .get("file_name")
                .and_then(Value::as_str)
                .map(str::to_owned);
            (
                document,
                SentKind::Document {
                    file_name,
                    mime_type,
                    size,
                },
            )
        }
        FileKind::Photo => (
            photo_sizes(st, input.bytes.clone()),
            SentKind::Photo { size },
        ),
    };
    let (message_id, mut message) = new_bot_message(st, chat_id, chat, reply_to);
    message[kind.field()] = media;
    set_text_fields(&mut message, "caption", "caption_entities", &caption);
    set_markup(&mut message, &markup);
    let out = Outgoing {
        method,
        chat_id,
        message_id,
        kind: sent_kind,
        source_text: p_str(p, "caption"),
        reply_markup: markup,
        message,
        at,
    };
    Ok(commit_outgoing(st, out))
}

fn document_json(st: &mut FakeState, input: &InputFile) -> (Value, String) {
    let mime_type = input
        .file_name
        .as_deref()
        .and_then(extension)
        .and_then(mime_for_extension)
        .map(str::to_owned)
        .or_else(|| {
            input
                .content_type
                .clone()
                .filter(|c| c != "application/octet-stream")
        })
        .unwrap_or_else(|| "application/octet-stream".to_owned());
    let record = match &input.existing {
        Some(record) => record.clone(),
        None => {
            let ext = input
                .file_name
                .as_deref()
                .and_then(extension)
                .unwrap_or("bin")
                .to_owned();
            st.new_file("BQAC", "documents", &ext, input.bytes.clone())
        }
    };
    let mut document = json!({
        "file_id": record.file_id, "file_unique_id": record.file_unique_id,
        "file_size": input.bytes.len(), "mime_type": mime_type,
    });
    if let Some(name) = &input.file_name {
        document["file_name"] = json!(name);
    }
    (document, mime_type)
}

/// Two `PhotoSize`s (thumbnail and full size) backed by the same bytes.
pub(crate) fn photo_sizes(st: &mut FakeState, bytes: Arc<Vec<u8>>) -> Value {
    let small = st.new_file("AgAC", "photos", "jpg", bytes.clone());
    let large = st.new_file("AgAC", "photos", "jpg", bytes.clone());
    json!([
        {"file_id": small.file_id, "file_unique_id": small.file_unique_id, "file_size": bytes.len(), "width": 90, "height": 90},
        {"file_id": large.file_id, "file_unique_id": large.file_unique_id, "file_size": bytes.len(), "width": 800, "height": 800},
    ])
}

pub(crate) fn get_file(st: &mut FakeState, p: &Params) -> Result<Value, ApiError> {
    let file_id = p_str(p, "file_id").unwrap_or_default();
    let record = st
        .files
        .get(&file_id)
        .ok_or_else(|| ApiError::bad("invalid file_id"))?;
    Ok(json!({
        "file_id": record.file_id, "file_unique_id": record.file_unique_id,
        "file_size": record.bytes.len(), "file_path": record.file_path,
    }))
}

pub(crate) fn extension(file_name: &str) -> Option<&str> {
    file_name
        .rsplit_once('.')
        .map(|(_, ext)| ext)
        .filter(|e| !e.is_empty())
}

fn mime_for_extension(ext: &str) -> Option<&'static str> {
    Some(match ext.to_ascii_lowercase().as_str() {
        "pdf" => "application/pdf",
        "txt" => "text/plain",
        "csv" => "text/csv",
        "json" => "application/json",
        "zip" => "application/zip",
        "jpg" | "jpeg" => "image/jpeg",
        "png" => "image/png",
        "xlsx" => "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        "docx" => "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        "xls" => "application/vnd.ms-excel",
        "doc" => "application/msword",
        _ => return None,
    })
}
